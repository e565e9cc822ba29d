"""佐证材料 storage: files by content hash beside the ledger, photos made ready for print, rows
that follow their record into the 回收站 and back, and the upgrade of a version-1 file."""

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.attachment_files import pdf_bytes, photo_bytes, write_docx, write_pdf, write_photo
from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger import attachments as att
from dangzhibu_desktop.ledger.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def meeting(ledger):
    return ledger.insert("meetings", {"kind": "主题党日", "date": "2025-03-20", "topic": "学雷锋志愿服务"})


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stored(ledger, row) -> bytes:
    return (att.folder_for(ledger.path) / row["sha256"]).read_bytes()


def test_photo_is_turned_downscaled_and_loses_its_location(ledger, meeting, tmp_path):
    src = write_photo(tmp_path / "IMG_0001.jpg", size=(4000, 3000), orientation=6, gps=True)
    [aid] = att.attach(ledger, "meetings", meeting, [src])
    row = ledger.get("attachments", aid)
    data = _stored(ledger, row)
    assert row["sha256"] == _sha(data) and row["bytes"] == len(data)
    assert att.folder_for(ledger.path) == ledger.path.parent / "台账_附件"
    assert row["kind"] == "照片" and row["mime"] == "image/jpeg" and row["title"] == "IMG_0001"
    assert row["original_name"] == "IMG_0001.jpg" and row["taken_on"] == "2025-03-20"
    im = Image.open(io.BytesIO(data))
    # Orientation 6 (rotate 90° clockwise to view): a 4000×3000 sensor image stands upright.
    assert im.size == (1800, 2400)
    exif = im.getexif()
    assert 0x8825 not in exif and exif.get(0x0112, 1) == 1
    assert exif.get(0x010F) == "TestPhone"  # other EXIF stays
    # The red half was on the left of the sensor image: after turning it is on top.
    rgb = im.convert("RGB")
    assert rgb.getpixel((900, 300))[1] < 100 and rgb.getpixel((900, 2100)) > (240, 240, 240)


def test_photo_at_the_limit_is_kept_byte_for_byte(ledger, meeting, tmp_path):
    data = photo_bytes(size=(2400, 1600), orientation=1, gps=False)
    (tmp_path / "a.jpg").write_bytes(data)
    [aid] = att.attach(ledger, "meetings", meeting, [tmp_path / "a.jpg"])
    assert _stored(ledger, ledger.get("attachments", aid)) == data
    big = photo_bytes(size=(2401, 1600), orientation=1, gps=False)
    (tmp_path / "b.jpg").write_bytes(big)
    [bid] = att.attach(ledger, "meetings", meeting, [tmp_path / "b.jpg"])
    assert Image.open(io.BytesIO(_stored(ledger, ledger.get("attachments", bid)))).size == (2400, 1599)


def test_original_kept_when_asked(ledger, meeting, tmp_path):
    data = photo_bytes(size=(3000, 2000))
    (tmp_path / "o.jpg").write_bytes(data)
    [aid] = att.attach(ledger, "meetings", meeting, [tmp_path / "o.jpg"], keep_original=True)
    assert _stored(ledger, ledger.get("attachments", aid)) == data


def test_same_file_stored_once(ledger, meeting, tmp_path):
    src = write_photo(tmp_path / "p.jpg")
    training = ledger.insert("trainings", {"date": "2025-03-01", "title": "党纪学习", "hours": 20})
    a = att.attach(ledger, "meetings", meeting, [src])
    b = att.attach(ledger, "trainings", training, [src])
    rows = [ledger.get("attachments", i) for i in a + b]
    assert rows[0]["sha256"] == rows[1]["sha256"]
    assert [p.name for p in att.folder_for(ledger.path).iterdir()] == [rows[0]["sha256"]]


def test_pdf_docx_png_and_kinds(ledger, meeting, tmp_path):
    pdf = write_pdf(tmp_path / "签到表.pdf")
    doc = write_docx(tmp_path / "方案.docx")
    png = tmp_path / "图.png"
    png.write_bytes(photo_bytes(size=(800, 600), orientation=None, gps=False, taken=None, fmt="PNG"))
    ids = att.attach(ledger, "meetings", meeting, [pdf])
    ids += att.attach(ledger, "meetings", meeting, [doc, png])
    ids += att.attach(ledger, "meetings", meeting, [pdf], kind="签到表", title="3月签到表")
    rows = att.attachments_of(ledger, "meetings", meeting)
    assert [(r["kind"], r["mime"], r["title"]) for r in rows] == [
        ("扫描件", att.MIME_PDF, "签到表"), ("文件", att.MIME_DOCX, "方案"), ("照片", att.MIME_PNG, "图"),
        ("签到表", att.MIME_PDF, "3月签到表")]
    assert _stored(ledger, rows[0]) == pdf.read_bytes()
    assert _stored(ledger, rows[2]) == png.read_bytes()
    assert att.summary_text(rows) == "扫描件1份、文件1份、照片1张、签到表1份"
    assert att.check_files(ledger) == []


@pytest.mark.parametrize("name, content, words", [
    ("坏.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "无法读取“坏.jpg”"),
    ("x.txt", b"just text", "无法读取“x.txt”"),
    ("空.png", b"", "空文件"),
    ("a.zip", b"PK\x03\x04garbage", "只支持图片"),
])
def test_unreadable_files_refused_and_nothing_written(ledger, meeting, tmp_path, name, content, words):
    good = write_photo(tmp_path / "good.jpg")
    (tmp_path / name).write_bytes(content)
    with pytest.raises(LedgerError, match=words):
        att.attach(ledger, "meetings", meeting, [good, tmp_path / name])
    assert ledger.count("attachments") == 0
    assert not att.folder_for(ledger.path).exists()


def test_kind_must_fit_the_file(ledger, meeting, tmp_path):
    doc = write_docx(tmp_path / "a.docx")
    with pytest.raises(LedgerError, match="不是图片"):
        att.attach(ledger, "meetings", meeting, [doc], kind="照片")
    with pytest.raises(LedgerError, match="签到表应为图片或PDF"):
        att.attach(ledger, "meetings", meeting, [doc], kind="签到表")
    with pytest.raises(LedgerError, match="材料类别"):
        att.attach(ledger, "meetings", meeting, [doc], kind="录音")
    assert ledger.count("attachments") == 0


def test_unknown_or_deleted_record_refused(ledger, meeting, tmp_path):
    src = write_photo(tmp_path / "p.jpg")
    with pytest.raises(LedgerError, match="找不到编号为99的会议"):
        att.attach(ledger, "meetings", 99, [src])
    ledger.delete("meetings", meeting)
    with pytest.raises(LedgerError, match="找不到编号为"):
        att.attach(ledger, "meetings", meeting, [src])
    with pytest.raises(LedgerError, match="不能附在"):
        att.attach(ledger, "members", 1, [src])
    assert ledger.count("attachments") == 0


def test_attachments_follow_their_record_into_the_recycle_bin_and_back(ledger, meeting, tmp_path):
    a, b = att.attach(ledger, "meetings", meeting, [write_photo(tmp_path / "1.jpg"),
                                                    write_pdf(tmp_path / "2.pdf")])
    att.remove(ledger, b)  # removed by itself first: stays removed when the meeting comes back
    ledger.delete("meetings", meeting)
    assert att.attachments_of(ledger, "meetings", meeting) == []
    assert ledger.get("attachments", a) is None
    with pytest.raises(LedgerError, match="请先恢复那条记录"):
        ledger.restore("attachments", a)
    ledger.restore("meetings", meeting)
    assert [r["id"] for r in att.attachments_of(ledger, "meetings", meeting)] == [a]
    ledger.restore("attachments", b)
    assert [r["id"] for r in att.attachments_of(ledger, "meetings", meeting)] == [a, b]
    actions = [e["action"] for e in ledger.audit_entries(table="attachments")][::-1]
    assert actions == ["新增", "新增", "删除", "删除", "恢复", "恢复"]


def test_files_stay_until_cleaned(ledger, meeting, tmp_path):
    [a] = att.attach(ledger, "meetings", meeting, [write_photo(tmp_path / "1.jpg")])
    sha = ledger.get("attachments", a)["sha256"]
    (att.folder_for(ledger.path) / ".leftover.123.tmp").write_bytes(b"half")
    ledger.delete("meetings", meeting)
    assert att.clean_files(ledger) == (1, 4)  # the temporary only: a row in the 回收站 still names the file
    ledger.empty_recycle_bin()
    assert ledger.query("SELECT * FROM attachments") == []
    path = att.folder_for(ledger.path) / sha
    size = path.stat().st_size
    assert att.clean_files(ledger) == (1, size) and not path.exists()


def test_check_files_finds_a_missing_or_altered_file(ledger, meeting, tmp_path):
    a, b = att.attach(ledger, "meetings", meeting, [write_photo(tmp_path / "1.jpg"), write_pdf(tmp_path / "2.pdf")])
    folder = att.folder_for(ledger.path)
    (folder / ledger.get("attachments", a)["sha256"]).unlink()
    p = folder / ledger.get("attachments", b)["sha256"]
    data = bytearray(p.read_bytes())
    data[-10] ^= 1
    p.write_bytes(bytes(data))
    assert att.check_files(ledger) == ["附件“1”的文件不见了", "附件“2”的文件已被改动或损坏"]


def test_survives_reopen(ledger_path, tmp_path):
    with open_ledger(ledger_path, create=True) as led:
        mid = led.insert("meetings", {"kind": "党课", "date": "2025-03-20"})
        att.attach(led, "meetings", mid, [write_pdf(tmp_path / "课件.pdf")], kind="文件")
    with open_ledger(ledger_path, readonly=True) as led:
        [row] = att.attachments_of(led, "meetings", 1)
        assert row["kind"] == "文件" and att.read_bytes(led, row) == (tmp_path / "课件.pdf").read_bytes()


@pytest.mark.skipif(not att.HEIC_SUPPORTED, reason="pillow-heif not installed")
def test_heic_photo_stored_as_jpeg(ledger, meeting, tmp_path):
    import pillow_heif

    im = Image.new("RGB", (3000, 4000), (10, 120, 10))
    heif = pillow_heif.from_pillow(im)
    heif.save(tmp_path / "IMG_1234.HEIC", quality=80)
    [aid] = att.attach(ledger, "meetings", meeting, [tmp_path / "IMG_1234.HEIC"])
    row = ledger.get("attachments", aid)
    assert row["mime"] == "image/jpeg" and row["kind"] == "照片"
    assert Image.open(io.BytesIO(_stored(ledger, row))).size == (1800, 2400)


def test_upgrade_from_version_1_adds_attachments_and_keeps_the_data(tmp_path):
    path = tmp_path / "ledger_v1.db"
    shutil.copyfile(FIXTURES / "ledger_v1.db", path)
    with open_ledger(path) as led:
        assert led.migrated_from == 1 and led.scalar("PRAGMA user_version") == SCHEMA_VERSION
        cols = [r["name"] for r in led.query("PRAGMA table_info(attachments)")]
        assert cols == ["id", "owner_table", "owner_id", "kind", "title", "sha256", "bytes", "mime",
                        "original_name", "taken_on", "created_at", "updated_at", "deleted_at"]
        assert [m["name"] for m in led.rows("members")] == ["王秀英", "张伟", "李娜", "赵强"]
        assert led.count("meetings") >= 1 and led.count("attachments") == 0
        meeting = led.rows("meetings")[0]["id"]
        (tmp_path / "s.pdf").write_bytes(pdf_bytes())
        att.attach(led, "meetings", meeting, [tmp_path / "s.pdf"])
    with open_ledger(path) as led:
        [row] = att.attachments_of(led, "meetings", meeting)
        assert (tmp_path / "ledger_v1_附件" / row["sha256"]).is_file()


def test_backups_copy_the_folder_incrementally_and_restore_brings_it_back(ledger_path, tmp_path):
    from dangzhibu_desktop.ledger import backup as bk, safety

    with open_ledger(ledger_path, create=True) as led:
        mid = led.insert("meetings", {"kind": "主题党日", "date": "2025-03-20"})
        att.attach(led, "meetings", mid, [write_photo(tmp_path / "1.jpg"), write_pdf(tmp_path / "2.pdf")])
        first = led.backup()
        shared = att.backup_folder(first.parent, ledger_path)
        names = sorted(p.name for p in shared.iterdir())
        assert names == sorted(r["sha256"] for r in led.rows("attachments"))
        stamps = {p.name: p.stat().st_mtime_ns for p in shared.iterdir()}
        att.attach(led, "meetings", mid, [write_docx(tmp_path / "3.docx")])
        second = led.backup()
        assert second != first and len(list(shared.iterdir())) == 3
        assert all(shared.joinpath(n).stat().st_mtime_ns == t for n, t in stamps.items())  # never copied twice
    # The attachment folder lost: restoring the first backup brings its files back.
    folder = att.folder_for(ledger_path)
    for p in folder.iterdir():
        p.unlink()
    safety.restore_backup(first, ledger_path)
    with open_ledger(ledger_path) as led:
        assert led.count("attachments") == 2
        assert att.check_files(led) == []
    assert bk.list_backups(ledger_path)

"""Data package version 2 (.zip with the attachments): the round trip gives back the identical
document and byte-identical files; each hostile zip is refused whole with nothing written."""

import hashlib
import json
import zipfile

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger import attachments as att
from dangzhibu_desktop.ledger.package import PackageError, import_package_file, write_package
from tests.attachment_files import write_docx, write_pdf, write_photo
from tests.package_support import fill


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "src" / "支部.sqlite"
    path.parent.mkdir()
    with open_ledger(path, create=True) as led:
        fill(led)
        meeting = led.rows("meetings")[0]["id"]
        att.attach(led, "meetings", meeting, [write_photo(tmp_path / "现场.jpg"), write_pdf(tmp_path / "签到.pdf")])
        att.attach(led, "meetings", meeting, [tmp_path / "签到.pdf"], kind="签到表")  # same file, second row
        att.attach(led, "checklist", 1, [write_docx(tmp_path / "制度.docx")])
        gone = att.attach(led, "rectifications", 1, [write_photo(tmp_path / "整改.jpg", color=(0, 0, 200))])
        att.remove(led, gone[0])  # in the 回收站: travels too
    return path


def _export(db, out):
    with open_ledger(db, readonly=True) as led:
        return write_package(led, out)


def _import(db, pkg):
    with open_ledger(db, create=True) as led:
        return import_package_file(led, pkg)


def _folder_hashes(db):
    folder = att.folder_for(db)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_round_trip_is_identical(tmp_path, source):
    a = _export(source, tmp_path / "a.zip")
    with zipfile.ZipFile(a) as z:
        names = z.namelist()
        doc = json.loads(z.read("package.json"))
    assert names[0] == "package.json" and len(names) == 5  # four distinct files
    assert doc["version"] == 2 and len(doc["attachments"]) == 5
    assert ["deleted_at" in r for r in doc["attachments"]] == [False] * 4 + [True]
    for name in names[1:]:
        with zipfile.ZipFile(a) as z:
            assert name == "files/" + hashlib.sha256(z.read(name)).hexdigest()
    dst = tmp_path / "new" / "新台账.sqlite"
    dst.parent.mkdir()
    counts = _import(dst, a)
    assert counts["佐证材料"] == 5
    b = _export(dst, tmp_path / "b.zip")
    assert a.read_bytes() == b.read_bytes()
    assert _folder_hashes(dst) == _folder_hashes(source)
    assert all(name == sha for name, sha in _folder_hashes(dst).items())
    assert not [p for p in dst.parent.iterdir() if p.name.startswith(".导入")]


def test_json_stays_version_1_without_attachments(tmp_path, source):
    out = _export(source, tmp_path / "a.json")
    doc = json.loads(out.read_text("utf-8"))
    assert doc["version"] == 1 and "attachments" not in doc
    dst = tmp_path / "new.sqlite"
    _import(dst, out)
    with open_ledger(dst, readonly=True) as led:
        assert led.count("meetings") == 1 and led.query("SELECT * FROM attachments") == []


def test_cli_round_trip(tmp_path, source, capsys):
    assert main(["export", "package", "--db", str(source), "--out", str(tmp_path / "a.zip")]) == 0
    assert main(["import", "package", str(tmp_path / "a.zip"), "--db", str(tmp_path / "n.sqlite")]) == 0
    assert "佐证材料5条" in capsys.readouterr().out
    assert _folder_hashes(tmp_path / "n.sqlite") == _folder_hashes(source)


def _rewrite(src, dst, *, drop=None, change=None, add=(), doc_edit=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for zi in zin.infolist():
            data = zin.read(zi)
            if zi.filename == drop:
                continue
            if zi.filename == change:
                data = data[:-1] + bytes([data[-1] ^ 0xFF])
            if zi.filename == "package.json" and doc_edit:
                doc = json.loads(data)
                doc_edit(doc)
                data = json.dumps(doc, ensure_ascii=False).encode()
            zout.writestr(zi.filename, data)
        for name, data in add:
            zout.writestr(name, data)
    return dst


def _file_names(pkg):
    with zipfile.ZipFile(pkg) as z:
        return [n for n in z.namelist() if n.startswith("files/")]


def _bomb(tmp_path, src):
    # 20 MB of zeros packs to ~20 KB: the declared size is far beyond what such a member can hold.
    return [(n, b"\0" * 20_000_000) for n in _file_names(src)[:1]]


@pytest.mark.parametrize("case, words", [
    ("missing", "缺少它的文件"),
    ("altered", "与它的摘要不符"),
    ("dotdot", "指向数据包以外"),
    ("absolute", "指向数据包以外"),
    ("bomb", "解压后过大"),
    ("version3", "版本为3"),
    ("stranger", "不认识的文件"),
    ("not_zip", "不是有效的zip"),
])
def test_hostile_zip_refused_with_nothing_written(tmp_path, source, case, words):
    good = _export(source, tmp_path / "good.zip")
    files = _file_names(good)
    bad = tmp_path / f"{case}.zip"
    if case == "missing":
        _rewrite(good, bad, drop=files[0])
    elif case == "altered":
        _rewrite(good, bad, change=files[1])
    elif case == "dotdot":
        _rewrite(good, bad, add=[("files/../../逃逸.txt", b"x")])
    elif case == "absolute":
        _rewrite(good, bad, add=[("/tmp/逃逸.txt", b"x")])
    elif case == "bomb":
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
            for zi in zin.infolist():
                data = b"\0" * 20_000_000 if zi.filename == files[0] else zin.read(zi)
                zout.writestr(zi.filename, data)
    elif case == "version3":
        _rewrite(good, bad, doc_edit=lambda d: d.update(version=3))
    elif case == "stranger":
        _rewrite(good, bad, add=[("files/readme.txt", b"x")])
    else:
        bad.write_bytes(b"PK\x03\x04" + b"broken" * 100)
    dst = tmp_path / "dst" / "台账.sqlite"
    dst.parent.mkdir()
    with pytest.raises(PackageError, match=words):
        _import(dst, bad)
    with open_ledger(dst, readonly=True) as led:
        for table in ("members", "meetings", "attachments", "checklist"):
            assert led.scalar(f"SELECT COUNT(*) FROM {table}") == 0, table
    assert not att.folder_for(dst).exists()
    assert sorted(p.name for p in dst.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["台账.sqlite"]
    assert not (tmp_path / "逃逸.txt").exists()


def test_attachment_rows_without_files_refused_from_json(tmp_path, source):
    zipped = _export(source, tmp_path / "a.zip")
    with zipfile.ZipFile(zipped) as z:
        (tmp_path / "v2.json").write_bytes(z.read("package.json"))
    with pytest.raises(PackageError, match="应为 .zip 文件"):
        _import(tmp_path / "x.sqlite", tmp_path / "v2.json")


def test_attachment_of_a_record_not_in_the_package_refused(tmp_path, source):
    good = _export(source, tmp_path / "good.zip")
    bad = _rewrite(good, tmp_path / "bad.zip",
                   doc_edit=lambda d: d["attachments"][0].update(owner_id=999))
    with pytest.raises(PackageError, match="所属的会议（编号999）不存在"):
        _import(tmp_path / "x.sqlite", bad)
    assert not att.folder_for(tmp_path / "x.sqlite").exists()


def test_export_refuses_when_a_file_is_gone(tmp_path, source):
    with open_ledger(source, readonly=True) as led:
        sha = led.rows("attachments")[0]["sha256"]
    (att.folder_for(source) / sha).unlink()
    with pytest.raises(PackageError, match="文件不见了"):
        _export(source, tmp_path / "a.zip")
    assert not (tmp_path / "a.zip").exists() and not (tmp_path / "a.zip.tmp").exists()


def test_a_password_on_a_zip_is_refused_in_chinese_with_nothing_written(tmp_path, source, capsys, monkeypatch):
    out = tmp_path / "密.zip"
    with open_ledger(source, readonly=True) as led, pytest.raises(PackageError, match="只能导出为 .json"):
        write_package(led, out, password="一个足够长的密码 2026")
    assert not out.exists() and not list(tmp_path.glob("密.zip*"))
    monkeypatch.setenv("DANGZHIBU_PACKAGE_PASSWORD", "一个足够长的密码 2026")
    assert main(["export", "package", "--db", str(source), "--out", str(out), "--encrypt"]) == 2
    assert "只能导出为 .json" in capsys.readouterr().err and not out.exists()
    # The lawful side: the same password seals the .json package.
    assert main(["export", "package", "--db", str(source), "--out", str(tmp_path / "密.json"), "--encrypt"]) == 0

"""Personal data protected when it leaves the PC: phones masked in documents by default (like
the 身份证号), a data package sealed with a password (Argon2id + AES-256-GCM), a wrong password
refused with nothing written, and the command says what a plain package holds."""

import json

import pytest
from openpyxl import load_workbook

from dangzhibu_desktop.cli import PASSWORD_ENV, main
from dangzhibu_desktop.exports import export_document, mask_phone
from dangzhibu_desktop.ledger import open_ledger, sealed
from dangzhibu_desktop.ledger.package import import_package_file, write_package
from dangzhibu_desktop.ledger.validate import LedgerError

ID_A = "11010519491231002X"
PHONE = "13812345678"
PASSWORD = "党支部2026-secret"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        m = led.insert("members", {"name": "王秀英", "gender": "女", "id_number": ID_A, "phone": PHONE})
        for step, day in ((1, "2000-01-02"), (6, "2000-08-01"), (10, "2001-09-01"), (18, "2001-10-01"),
                          (23, "2002-10-01")):
            led.insert("development_steps", {"member_id": m, "step": step, "date": day})
        led.insert("members", {"name": "张伟", "phone": "0531-88886666"})
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("phone, masked", [("13812345678", "138****5678"), ("0531-88886666", "0531-****6666"),
                                           ("053188886666", "053*****6666"), ("123", "***")])
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


def _cells(path):
    return [str(c.value) for ws in load_workbook(path) for row in ws.iter_rows() for c in row if c.value is not None]


def test_roster_masks_phones_by_default_and_shows_them_on_request(db, tmp_path, capsys):
    out = tmp_path / "花名册.xlsx"
    code, _o, _e = run(capsys, "export", "roster", "--db", db, "--year", "2026", "--out", out)
    cells = _cells(out)
    assert code == 0 and "138****5678" in cells and PHONE not in " ".join(cells)
    assert not any(ID_A in c for c in cells)
    code, _o, _e = run(capsys, "export", "roster", "--db", db, "--year", "2026", "--out", out, "--show-phone")
    assert code == 0 and PHONE in _cells(out)


def test_roster_pdf_masks_phones(db, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "花名册.pdf"
    with open_ledger(db, readonly=True) as led:
        export_document("roster", led, 2026, out)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "王秀英" in text and PHONE not in text and ID_A not in text


def test_sealed_package_round_trips_and_hides_everything(db, tmp_path):
    out = tmp_path / "包.json"
    with open_ledger(db, readonly=True) as led:
        write_package(led, out, password=PASSWORD)
        write_package(led, tmp_path / "plain.json")
    data = out.read_bytes()
    assert sealed.is_sealed(data)
    for secret in (ID_A.encode(), PHONE.encode(), "王秀英".encode("utf-8"), b"dangzhibu-package"):
        assert secret not in data
    assert not list(tmp_path.glob("*.tmp"))
    with open_ledger(tmp_path / "新.sqlite", create=True) as led:
        import_package_file(led, out, password=PASSWORD)
        assert {m["id_number"] for m in led.rows("members")} == {ID_A, None}
    with open_ledger(tmp_path / "新2.sqlite", create=True) as led:
        import_package_file(led, tmp_path / "plain.json")
    # the same document inside
    assert sealed.unseal(data, PASSWORD) == (tmp_path / "plain.json").read_bytes()


@pytest.mark.parametrize("wrong", ["党支部2026-secreT", "12345678"])
def test_wrong_password_is_a_clear_refusal(db, tmp_path, wrong):
    out = tmp_path / "包.json"
    with open_ledger(db, readonly=True) as led:
        write_package(led, out, password=PASSWORD)
    with open_ledger(tmp_path / "新.sqlite", create=True) as led:
        with pytest.raises(sealed.SealedPackageError, match="密码不正确"):
            import_package_file(led, out, password=wrong)
        with pytest.raises(sealed.PasswordNeeded, match="已设置密码"):
            import_package_file(led, out)
        assert led.count("members") == 0


def test_any_changed_byte_is_refused(db, tmp_path):
    out = tmp_path / "包.json"
    with open_ledger(db, readonly=True) as led:
        write_package(led, out, password=PASSWORD)
    data = out.read_bytes()
    for at in (len(sealed.MAGIC) + 5, len(sealed.MAGIC) + 40, len(data) // 2, len(data) - 1):
        bad = bytearray(data)
        bad[at] ^= 0x01
        with pytest.raises(sealed.SealedPackageError):
            sealed.unseal(bytes(bad), PASSWORD)
    with pytest.raises(sealed.SealedPackageError):
        sealed.unseal(data[:len(data) // 2], PASSWORD)


def test_hostile_header_cannot_demand_gigabytes(db):
    header = json.dumps({"kdf": "argon2id", "memory_cost": 1 << 30, "iterations": 3, "lanes": 4, "salt": "AAAA",
                         "cipher": "aes-256-gcm", "nonce": "AAAA"}).encode()
    data = sealed.MAGIC + len(header).to_bytes(2, "big") + header + b"x" * 32
    with pytest.raises(sealed.SealedPackageError, match="已损坏"):
        sealed.unseal(data, PASSWORD)


def test_short_password_refused(db, tmp_path):
    with open_ledger(db, readonly=True) as led, pytest.raises(LedgerError, match="至少8位"):
        write_package(led, tmp_path / "包.json", password="1234")
    assert not (tmp_path / "包.json").exists()


def test_cli_encrypt_and_import_with_password(db, tmp_path, capsys, monkeypatch):
    out = tmp_path / "包.json"
    code, stdout, _err = run(capsys, "export", "package", "--db", db, "--out", out)
    assert code == 0 and "身份证号" in stdout and "--encrypt" in stdout  # says what the package holds
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, stdout, _err = run(capsys, "export", "package", "--db", db, "--out", out, "--encrypt")
    assert code == 0 and "加密" in stdout and sealed.is_sealed(out.read_bytes())
    code, stdout, _err = run(capsys, "import", "package", out, "--db", tmp_path / "新.sqlite")
    assert code == 0, _err
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    target = tmp_path / "新2.sqlite"
    code, _o, err = run(capsys, "import", "package", out, "--db", target)
    assert code == 2 and "密码不正确" in err and not target.exists()
    monkeypatch.delenv(PASSWORD_ENV)
    code, _o, err = run(capsys, "import", "package", out, "--db", target)  # no terminal, no password
    assert code == 2 and "已设置密码" in err and not target.exists()

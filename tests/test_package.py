"""The data package: exact round trip, and bad packages refused whole with nothing written."""

import copy
import json
import re

import pytest

from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger.package import (
    PackageError,
    export_package,
    import_package,
    import_package_file,
    parse_package_text,
    write_package,
)
from dangzhibu_desktop.ledger.schema import PACKAGE_TABLES
from tests.package_support import fill


@pytest.fixture
def full_doc(tmp_path):
    with open_ledger(tmp_path / "src.sqlite", create=True) as led:
        fill(led)
        return export_package(led)


def test_document_shape(full_doc):
    assert full_doc["format"] == "dangzhibu-package" and full_doc["version"] == 1
    assert list(full_doc)[2:] == ["branch", *PACKAGE_TABLES]
    member = full_doc["members"][0]
    assert member["development_steps"][0]["step"] == 15 and "member_id" not in member["development_steps"][0]
    assert member["committee_roles"][0]["role"] == "书记"
    assert member["mobile"] is True
    assert full_doc["meetings"][0]["attendance"][1] == {**full_doc["meetings"][0]["attendance"][1],
                                                       "status": "请假", "reason": "出差"}
    assert full_doc["dues"][0]["amount_due"] == "24.00" and full_doc["dues"][0]["base_income"] == "4800.00"
    assert full_doc["trainings"][0]["hours"] == 3.5 and full_doc["trainings"][0]["attendance"][1]["hours"] == 2
    assert full_doc["volunteer_activities"][0]["hours"][0]["hours"] == 2.5
    assert full_doc["meetings"][1]["deleted_at"]  # the 回收站 travels too


def test_round_trip_is_identical(tmp_path, full_doc):
    text = json.dumps(full_doc, ensure_ascii=False)
    with open_ledger(tmp_path / "dst.sqlite", create=True) as led:
        import_package(led, parse_package_text(text))
        again = export_package(led)
        assert led.recycle_bin()[0]["table"] == "meetings"
    assert again == full_doc


def test_import_refuses_non_empty_ledger(tmp_path, full_doc):
    with open_ledger(tmp_path / "dst.sqlite", create=True) as led:
        led.insert("members", {"name": "已有"})
        with pytest.raises(PackageError, match="空台账"):
            import_package(led, full_doc)


@pytest.mark.parametrize("text, words", [
    ("{not json", "不是有效的JSON"),
    ('{"format": "other", "version": 1}', "不是党支部工作台的数据包"),
    ('{"format": "dangzhibu-package", "version": 3}', "版本为3"),
    ('{"format": "dangzhibu-package"}', "缺少版本号"),
])
def test_bad_envelopes(text, words):
    with pytest.raises(PackageError, match=words):
        parse_package_text(text)


def _bad(doc, mutate):
    doc = copy.deepcopy(doc)
    mutate(doc)
    return doc


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d["meetings"][0]["attendance"].append({"member_id": 999, "status": "出席"}),
     "三会一课及组织生活第1条（编号1 学习贯彻全会精神）的出勤第3条：党员（编号999）"),
    (lambda d: d["members"][1].update(id_number="110105194912310021"), "党员及入党人员第2条（编号2 张伟）：身份证号校验位错误"),
    (lambda d: d["dues"][0].update(amount_due=24), "金额应为以元为单位的字符串"),
    (lambda d: d["party_groups"][0].update(leader_id=77), "党小组组长（编号77）"),
    (lambda d: d["members"][0].update(status="在岗"), "党籍状态只能是"),
    (lambda d: d["trainings"][0].update(hours=3.25), "最多一位小数"),
])
def test_bad_rows_refused_whole_naming_the_row(tmp_path, full_doc, mutate, words):
    path = tmp_path / "dst.sqlite"
    with open_ledger(path, create=True) as led:
        with pytest.raises(PackageError) as e:
            import_package(led, _bad(full_doc, mutate))
        assert words in str(e.value)
        for table in ("branch", *PACKAGE_TABLES, "attendance", "development_steps"):
            assert led.scalar(f"SELECT COUNT(*) FROM {table}") == 0, table


def test_row_ids_must_be_positive_integers_and_too_large_is_said(tmp_path, full_doc):
    # 0 and a negative number are not ids (nothing said about size); 2^63 is one past SQLite's
    # largest integer and is called too large; 2^63 - 1 is the largest id a package may hold.
    for rid, too_large in ((0, False), (-3, False), ("7", False), (2 ** 63, True)):
        with open_ledger(tmp_path / f"dst{rid}.sqlite", create=True) as led:
            with pytest.raises(PackageError, match="编号 id 应为正整数") as e:
                import_package(led, _bad(full_doc, lambda d: d["trainings"][0].update(id=rid)))
            assert ("数值过大" in str(e.value)) is too_large, rid
    with open_ledger(tmp_path / "big.sqlite", create=True) as led:
        import_package(led, _bad(full_doc, lambda d: d["trainings"][0].update(id=2 ** 63 - 1)))
        assert led.scalar("SELECT MAX(id) FROM trainings") == 2 ** 63 - 1


def test_import_file_checks_encoding(tmp_path):
    bad = tmp_path / "p.json"
    bad.write_bytes('{"format": "dangzhibu-package"}'.encode("utf-16"))
    with open_ledger(tmp_path / "dst.sqlite", create=True) as led:
        with pytest.raises(PackageError, match="UTF-8"):
            import_package_file(led, bad)


# ---- the package file: written and read a table at a time ------------------------------
def _empty(led) -> bool:
    return all(led.scalar(f"SELECT COUNT(*) FROM {t}") == 0
               for t in ("branch", *PACKAGE_TABLES, "attendance", "development_steps"))


@pytest.fixture
def src(tmp_path):
    with open_ledger(tmp_path / "src.sqlite", create=True) as led:
        fill(led)
        yield led


def test_written_file_is_exactly_the_documented_json(tmp_path, src, monkeypatch):
    import dangzhibu_desktop.ledger.package as package

    monkeypatch.setattr(package, "_CHUNK", 1)  # children fetched parent by parent
    out = write_package(src, tmp_path / "p.json")
    expected = json.dumps(export_package(src), ensure_ascii=False, indent=1)
    assert out.read_text(encoding="utf-8") == expected
    assert not (tmp_path / "p.json.tmp").exists()


def test_written_file_of_an_empty_ledger(tmp_path):
    with open_ledger(tmp_path / "e.sqlite", create=True) as led:
        out = write_package(led, tmp_path / "p.json")
        assert out.read_text(encoding="utf-8") == json.dumps(export_package(led), ensure_ascii=False, indent=1)
        assert '"members": []' in out.read_text(encoding="utf-8")


def _import_text(tmp_path, text: str, name="dst.sqlite"):
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    led = open_ledger(tmp_path / name, create=True)
    return led, path


def test_members_in_any_order_and_compact_json_import_the_same(tmp_path, full_doc):
    # another program may order the members differently and write without indentation
    shuffled = {k: full_doc[k] for k in reversed(list(full_doc))}
    led, path = _import_text(tmp_path, json.dumps(shuffled, ensure_ascii=False, separators=(",", ":")))
    with led:
        counts = import_package_file(led, path)
        assert export_package(led) == full_doc
    assert counts["党员及入党人员"] == 2 and counts["出勤"] == 2


@pytest.mark.parametrize("damage, words", [
    (lambda t: t[:-1] + ', "extra": [1, 2,]}', "不是有效的JSON文件"),  # bad JSON after every table
    (lambda t: t + " x", "不是有效的JSON文件"),  # text after the end
    (lambda t: t[:-1] + ', "members": []}', "出现了不止一次"),
    (lambda t: t.replace('"reason": "出差"', '"reason": "出差",'), "不是有效的JSON文件"),  # inside a table
    (lambda t: t.replace('"学习贯彻全会精神"', '"学习贯彻全会精神" "又一个"', 1), "不是有效的JSON文件"),
])
def test_a_damaged_file_is_refused_whole(tmp_path, src, damage, words):
    text = write_package(src, tmp_path / "good.json").read_text(encoding="utf-8")
    led, path = _import_text(tmp_path, damage(text))
    with led:
        with pytest.raises(PackageError, match=words) as e:
            import_package_file(led, path)
        assert _empty(led)
    if "JSON" in words:
        assert re.search(r"第\d+行第\d+列", str(e.value))


def test_a_table_that_is_not_a_list_is_named(tmp_path, full_doc):
    doc = {**full_doc, "trainings": {"not": "a list"}}
    led, path = _import_text(tmp_path, json.dumps(doc, ensure_ascii=False, indent=1))
    with led:
        with pytest.raises(PackageError, match="教育培训.*应为列表|应为列表"):
            import_package_file(led, path)
        assert _empty(led)


def test_the_window_writes_the_same_package_file(tmp_path, src):
    from dangzhibu_desktop.ui.pages.export import run_export

    out, notices = run_export(src, "package", 2025, str(tmp_path / "台账数据包.json"), show_id=False)
    assert notices == []
    assert open(out, encoding="utf-8").read() == json.dumps(export_package(src), ensure_ascii=False, indent=1)

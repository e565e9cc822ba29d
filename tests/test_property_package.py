"""Property tests: broken packages (random JSON, random bytes, valid packages with random
damage) thrown at the package importer. Never a crash, always a Chinese message, and a
refused package leaves the ledger empty — no rows, no 操作日志 entry."""

import copy
import itertools
import json
import re
import shutil

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger.package import (
    export_package,
    import_package,
    import_package_file,
    parse_package_text,
)
from dangzhibu_desktop.ledger.schema import PACKAGE_TABLES, TABLES

CJK = re.compile(r"[\u4e00-\u9fff]")
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12,
)


def _fill(led):
    led.save_branch({"name": "第一党支部", "parent_org": "集团公司党委"})
    g = led.insert("party_groups", {"name": "第一党小组"})
    a = led.insert("members", {"name": "王秀英", "gender": "女", "id_number": "11010519491231002X",
                               "birth_date": "1949-12-31", "party_group_id": g, "phone": "13812345678"})
    b = led.insert("members", {"name": "张伟", "party_group_id": g})
    led.update("party_groups", g, {"leader_id": a})
    led.insert("development_steps", {"member_id": b, "step": 1, "date": "2024-03-01"})
    m = led.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-05", "host_id": a, "topic": "学习"})
    led.replace_children("attendance", m, [{"member_id": a, "status": "出席"},
                                           {"member_id": b, "status": "请假", "reason": "出差"}])
    t = led.insert("trainings", {"date": "2025-04-01", "title": "党纪学习教育", "hours": 35})
    led.replace_children("training_attendance", t, [{"member_id": a, "hours": 35}])
    v = led.insert("volunteer_activities", {"date": "2025-05-01", "title": "社区清扫"})
    led.replace_children("volunteer_hours", v, [{"member_id": b, "hours": 25}])
    led.insert("dues", {"member_id": a, "month": "2025-01", "amount_due": 2400, "amount_paid": 2400,
                        "paid_on": "2025-01-10"})
    led.insert("appraisals", {"year": 2024, "member_id": a, "rating": "优秀"})
    led.insert("rectifications", {"problem": "会议记录不规范", "status": "整改中", "owner_id": a})
    gone = led.insert("meetings", {"kind": "党课", "date": "2025-01-05", "lecturer_id": a})
    led.delete("meetings", gone)


class Env:
    """An empty ledger file to copy per example, and a valid package."""

    def __init__(self, root):
        self.root = root
        self.template = root / "empty.sqlite"
        open_ledger(self.template, create=True).close()
        with open_ledger(root / "src.sqlite", create=True) as led:
            _fill(led)
            self.package = export_package(led)
        self.n = itertools.count()

    def fresh(self):
        path = self.root / f"t{next(self.n)}.sqlite"
        shutil.copyfile(self.template, path)
        return open_ledger(path, auto_backup=False)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return Env(tmp_path_factory.mktemp("pkgprop"))


def _all_counts(led):
    return {name: led.scalar(f"SELECT COUNT(*) FROM {name}") for name in list(TABLES) + ["audit_log"]}


def _event(what):
    if currently_in_test_context():
        event(what)  # --hypothesis-show-statistics shows how many were refused


def _try_import(env, doc=None, raw: bytes | None = None):
    with env.fresh() as led:
        try:
            if raw is not None:
                path = env.root / f"p{next(env.n)}.json"
                path.write_bytes(raw)
                counts = import_package_file(led, path)
            else:
                counts = import_package(led, doc)
        except LedgerError as exc:
            assert CJK.search(str(exc)), repr(exc)
            assert all(n == 0 for n in _all_counts(led).values()), "a refused package wrote rows"
            _event("refused")
            return None
        assert led.scalar("PRAGMA integrity_check") == "ok"
        assert led.query("PRAGMA foreign_key_check") == []
        assert led.scalar("SELECT COUNT(*) FROM audit_log") == 1
        _event("imported")
        return counts


@settings(SETTINGS, max_examples=100)
@given(json_values)
def test_random_json_documents(env, value):
    _try_import(env, value)
    with_header = {"format": "dangzhibu-package", "version": 1}
    if isinstance(value, dict):
        with_header.update({k: v for k, v in value.items() if k not in ("format", "version")})
    _try_import(env, with_header)


@SETTINGS
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode()),
                 st.text(max_size=100).map(lambda t: t.encode("utf-16"))))
def test_random_files(env, raw):
    assert _try_import(env, raw=raw) is None or raw.strip()


@st.composite
def damaged_packages(draw, base):
    """The valid package with 1–3 random blows: a key removed or replaced, an unknown key
    added, a row duplicated, a reference pointed elsewhere, a list replaced."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        objects = []

        def walk(node):
            if isinstance(node, dict):
                objects.append(node)
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        walk(doc)
        target = draw(st.sampled_from(objects))
        keys = sorted(target)
        blow = draw(st.sampled_from(["drop", "replace", "unknown", "dup", "ref", "swap"]))
        if blow == "drop" and keys:
            target.pop(draw(st.sampled_from(keys)))
        elif blow == "replace" and keys:
            target[draw(st.sampled_from(keys))] = draw(json_values)
        elif blow == "unknown":
            target[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
        elif blow == "dup":
            lists = [v for v in target.values() if isinstance(v, list) and v]
            if lists:
                lst = draw(st.sampled_from(lists))
                lst.append(copy.deepcopy(draw(st.sampled_from(lst))))
        elif blow == "ref":
            refs = [k for k in keys if k.endswith("_id") or k == "id"]
            if refs:
                target[draw(st.sampled_from(refs))] = draw(st.integers(-2, 6))
        elif blow == "swap":
            table = draw(st.sampled_from(PACKAGE_TABLES))
            doc[table] = draw(st.one_of(json_values, st.just([])))
    return doc


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_damaged_valid_packages(env, data):
    doc = data.draw(damaged_packages(env.package))
    _try_import(env, doc)
    text = json.dumps(doc, ensure_ascii=False)
    try:
        parsed = parse_package_text(text)
    except LedgerError as exc:
        assert CJK.search(str(exc))
    else:
        assert parsed == doc


def test_the_undamaged_package_imports(env):
    counts = _try_import(env, copy.deepcopy(env.package))
    assert counts and counts["党员及入党人员"] == 2

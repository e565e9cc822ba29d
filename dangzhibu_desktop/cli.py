"""The command line (a contract: see DESIGN.md). The window is the default command.

Exit status: 0 success; 2 bad input, with one Chinese line on stderr and never a traceback;
3 from ``import roster`` when some rows were skipped and the good ones written.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
from pathlib import Path

from . import __version__, APP_NAME
from .exports.kinds import KINDS, formats_line
from .ledger import enums

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_PARTIAL = 3

EXPORT_KINDS = tuple(KINDS)  # the documents and the data package, as ``exports.kinds`` lists them


class CliError(Exception):
    """Bad input: printed as one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with its complaints in Chinese and exit status 2."""

    def error(self, message: str):  # noqa: D401 - argparse override
        raise CliError(_translate_argparse(message))


def _translate_argparse(message: str) -> str:
    if message.startswith("the following arguments are required:"):
        return "缺少参数：" + message.split(":", 1)[1].strip()
    if message.startswith("unrecognized arguments:"):
        return "无法识别的参数：" + message.split(":", 1)[1].strip()
    if "invalid choice:" in message:
        return "无效的选项：" + message.split("invalid choice:", 1)[1].split("(")[0].strip()
    if "expected one argument" in message:
        return "参数缺少取值：" + message.split(":")[0].replace("argument", "").strip()
    if "invalid int value" in message:
        return "应为整数：" + message.split(":", 1)[1].strip()
    if message.startswith("argument "):
        name, _, rest = message[len("argument "):].partition(": ")
        return f"参数 {name} 有误：{rest}"
    return "参数错误：" + message


def _year(text: str) -> int:
    try:
        y = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年度应为四位数字，现为“{text}”") from None
    if not 1900 <= y <= 2100:
        raise argparse.ArgumentTypeError(f"年度应在1900至2100之间，现为{y}")
    return y


def _member(text: str) -> int | str:
    """``--member``: a person's id, or ``all``."""
    if text.strip().lower() == "all":
        return "all"
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"应为人员编号或 all，现为“{text}”")
    return n


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，现为“{text}”") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dangzhibu-desktop", description=f"{APP_NAME}：党支部台账、达标创星评估与年终材料")
    p.add_argument("--db", help="台账文件（默认在用户数据文件夹）")
    p.add_argument("--demo", action="store_true", help="打开示例台账（不存在时自动生成）")
    p.add_argument("--screenshot", metavar="DIR", help="把每个页面渲染为 DIR/NN-页面.png 后退出")
    p.add_argument("--version", action="store_true", help="显示版本号")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("demo", help="生成示例台账")
    s.add_argument("--db", required=True)
    s.add_argument("--size", choices=("small", "large", "xl"), default="small")
    s.add_argument("--year", type=_year, default=None)

    s = sub.add_parser("check", help="达标创星评估",
                       description="按“截至某日当天结束、此后不再登记”评估一个年度：截至目前的结论、"
                                   "年底预计（已确保、若不再行动、按计划完成）和争创计划")
    s.add_argument("--db", required=True)
    s.add_argument("--year", type=_year, required=True)
    s.add_argument("--as-of", type=_date, default=None,
                   help="评估日期（当天结束时）；默认：本年为今天，往年为12月31日")
    s.add_argument("--json", action="store_true",
                   help="输出 JSON：各项结论、projection（年底预计）和 next_star（计划中的每项工作）")

    s = sub.add_parser("export", help="导出文档或数据包", formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="可导出（格式由 --out 的扩展名决定，第一个为默认）：\n"
                                   + "\n".join("  " + formats_line(k) for k in EXPORT_KINDS))
    s.add_argument("kind", choices=EXPORT_KINDS)
    s.add_argument("--db", required=True)
    s.add_argument("--year", type=_year, default=None)
    s.add_argument("--out", required=True)
    s.add_argument("--encrypt", action="store_true", help="为数据包设置密码（Argon2id + AES-256-GCM）")
    s.add_argument("--show-phone", action="store_true", help="文档中显示完整手机号（默认隐去中间4位）")
    s.add_argument("--meeting", type=int, default=None, help="signin：会议编号")
    s.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), default=None, help="evidence：季度合订")
    s.add_argument("--member", type=_member, default=None,
                   help="development：人员编号，或 all（截止日在册、有发展纪实的全部人员，默认）")

    s = sub.add_parser("import", help="导入花名册或数据包")
    s.add_argument("kind", choices=("roster", "package"))
    s.add_argument("file")
    s.add_argument("--db", required=True)
    s.add_argument("--dry-run", action="store_true")

    s = sub.add_parser("backup", help="备份台账")
    s.add_argument("--db", required=True)
    s.add_argument("--to", default=None)

    s = sub.add_parser("attach", help="添加佐证材料（照片、签到表、扫描件、文件）")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--db", required=True)
    s.add_argument("--to", required=True,
                   help="meeting:ID|training:ID|volunteer:ID|post:ID|rectification:ID|checklist:ID|step:ID|talk:ID")
    s.add_argument("--kind", choices=enums.ATTACHMENT_KINDS, default=None)
    s.add_argument("--title", default=None)

    s = sub.add_parser("verify", help="检查台账文件是否完好")
    s.add_argument("--db", required=True)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except CliError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("已取消")
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # keep the interpreter's final flush quiet
        return EXIT_OK
    except Exception as exc:  # a LedgerError or anything the layers below refuse
        from .ledger.errors import LedgerError, storage_error

        storage = storage_error(exc, None, "操作")  # disk full, read-only, in use, I/O error
        if storage is not None:
            _err(str(storage))
            return EXIT_BAD_INPUT
        if isinstance(exc, (LedgerError, OSError)):
            _err(_oserror_text(exc) if isinstance(exc, OSError) else str(exc))
            return EXIT_BAD_INPUT
        _err(f"出现意外错误：{type(exc).__name__}：{exc}")
        return 1


def _err(text: str) -> None:
    print(text.replace("\n", " "), file=sys.stderr)


def _oserror_text(exc: OSError) -> str:
    where = f"“{exc.filename}”" if getattr(exc, "filename", None) else ""
    return f"文件操作失败{where}：{exc.strerror or exc}"


def _dispatch(args) -> int:
    if args.command is None:
        if args.version:
            print(f"{APP_NAME} {__version__}")
            return EXIT_OK
        return _run_window(args)
    handler = {
        "demo": _cmd_demo, "check": _cmd_check, "export": _cmd_export,
        "import": _cmd_import, "backup": _cmd_backup, "verify": _cmd_verify, "attach": _cmd_attach,
    }[args.command]
    return handler(args)


def _open(path: str, create: bool = False, readonly: bool = False):
    from .ledger import open_ledger

    p = Path(path)
    if not create and not p.exists():
        raise CliError(f"找不到台账文件“{path}”")
    # Read-only commands take no writer lock, so they work while the window has the file open.
    return open_ledger(p, create=create, readonly=readonly)


def _default_year(ledger) -> int:
    return _dt.date.today().year


def _cmd_demo(args) -> int:
    from .demo import build_demo

    p = Path(args.db)
    if p.exists() and p.stat().st_size > 0:
        raise CliError(f"文件“{args.db}”已存在，示例台账只写入新文件")
    year = args.year or _dt.date.today().year
    summary = build_demo(p, size=args.size, year=year)
    print(f"已生成示例台账：{p}（{summary}）")
    return EXIT_OK


def _cmd_check(args) -> int:
    from .rules import evaluate, format_report

    with _open(args.db, readonly=True) as ledger:
        report = evaluate(ledger, args.year, args.as_of)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    return EXIT_OK


def _cmd_export(args) -> int:
    out = Path(args.out)
    if not out.parent.exists():
        raise CliError(f"输出文件夹“{out.parent}”不存在")
    if args.kind == "package":
        from .ledger.package import PERSONAL_DATA_NOTICE, write_package

        password = _password(confirm=True) if args.encrypt else None
        with _open(args.db, readonly=True) as ledger:
            write_package(ledger, out, password=password)
        print(f"已导出加密的数据包：{out}（导入时需要输入密码）" if password else f"已导出数据包：{out}")
        if not password:
            print(f"提示：{PERSONAL_DATA_NOTICE}（可用 --encrypt 设置密码）")
        return EXIT_OK
    if args.encrypt:
        raise CliError("--encrypt 只用于 export package")
    from .exports import export_document

    with _open(args.db, readonly=True) as ledger:
        year = args.year or _default_year(ledger)
        if args.kind == "signin" and args.meeting is not None and args.year is None:
            meeting = ledger.get("meetings", args.meeting)
            year = int(meeting["date"][:4]) if meeting else year
        notices: list[str] = []
        written = export_document(args.kind, ledger, year, out, show_phone=args.show_phone,
                                  meeting_id=args.meeting, quarter=args.quarter, member_id=args.member,
                                  notices=notices)
    print(f"已导出：{written}")
    for notice in notices:
        print(f"注意：{notice}", file=sys.stderr)
    return EXIT_OK


def _cmd_import(args) -> int:
    src = Path(args.file)
    if not src.is_file():
        raise CliError(f"找不到文件“{args.file}”")
    if args.kind == "package":
        from .ledger.package import import_package_into, package_is_sealed

        password = _password(confirm=False) if package_is_sealed(src) else None
        counts = import_package_into(args.db, src, password=password)
        print("已导入数据包：" + "，".join(f"{k}{v}条" for k, v in counts.items()))
        return EXIT_OK
    with _open(args.db, create=False) as ledger:
        return _import_roster(ledger, src, dry_run=args.dry_run)


MAX_WARNINGS_SHOWN = 20


def _import_roster(ledger, path: Path, dry_run: bool = False) -> int:
    """``import roster``: prints each refused row (stderr), the notes and a summary (stdout).

    Exit 0 when every row went in, 3 when rows were skipped (the good ones written);
    ``LedgerError`` (exit 2) when the file is unusable.
    """
    from .ledger.roster import apply_roster, read_roster

    preview = read_roster(path, ledger)
    written = None
    if not dry_run:
        written = apply_roster(ledger, preview)
    for row, message in preview.errors:
        print(f"第{row}行 {message}", file=sys.stderr)
    for row, message in preview.warnings[:MAX_WARNINGS_SHOWN]:
        print(f"提示：第{row}行 {message}")
    if len(preview.warnings) > MAX_WARNINGS_SHOWN:
        print(f"另有{len(preview.warnings) - MAX_WARNINGS_SHOWN}条提示未列出")
    summary = preview.summary(dry_run=dry_run, written=written)
    print("试导入，未写入台账：{summary}".format(summary=summary) if dry_run else summary)
    return EXIT_PARTIAL if preview.errors else EXIT_OK


PASSWORD_ENV = "DANGZHIBU_PACKAGE_PASSWORD"


def _password(confirm: bool) -> str:
    """The data package password: from the environment (scripts), else asked at the terminal
    (never an argument: it would stay in the shell's history)."""
    from .ledger.sealed import NEEDS_PASSWORD, check_password

    given = os.environ.get(PASSWORD_ENV)
    if given:
        return check_password(given)
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"{NEEDS_PASSWORD}（在终端中运行时会提示输入，或通过环境变量 {PASSWORD_ENV} 提供）")
    import getpass

    first = getpass.getpass("请输入数据包密码：")
    check_password(first)
    if confirm and getpass.getpass("请再输入一次：") != first:
        raise CliError("两次输入的密码不一致，未导出")
    return first


def _cmd_backup(args) -> int:
    from .ledger.backup import backup_ledger

    with _open(args.db, readonly=True):
        pass  # refuses damaged or foreign files before copying them; no lock, so the window may be open
    target = backup_ledger(args.db, args.to)
    print(f"已备份到：{target}")
    return EXIT_OK


def _cmd_attach(args) -> int:
    from .ledger import attachments

    for f in args.files:
        if not Path(f).is_file():
            raise CliError(f"找不到文件“{f}”")
    with _open(args.db) as ledger:
        table, owner_id = attachments.resolve_owner(ledger, args.to)
        ids = attachments.attach(ledger, table, owner_id, args.files, kind=args.kind, title=args.title)
        rows = [ledger.get("attachments", i) for i in ids]
    label = attachments.OWNER_LABELS[table]
    print(f"已添加到{label}（编号{owner_id}）：{attachments.summary_text(rows)}，附件编号 "
          + "、".join(str(i) for i in ids))
    return EXIT_OK


def _cmd_verify(args) -> int:
    from .ledger.verify import verify_ledger

    problems = verify_ledger(Path(args.db))
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"台账文件完好：{args.db}")
    return EXIT_OK


def _run_window(args) -> int:
    try:
        from .ui.app import run_window
    except ImportError as exc:
        if "dangzhibu_desktop.ui" in str(exc) or "PySide6" in str(exc):
            raise CliError("图形界面尚未就绪：" + str(exc)) from None
        raise
    return run_window(db=args.db, demo=args.demo, screenshot_dir=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())

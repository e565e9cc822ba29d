"""An unexpected error in the window: one Chinese dialog (with 复制错误信息) instead of a silent
failure, and the details in the log file through the personal-data mask."""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ..ledger.safety import mask_personal_data
from ..logfile import install_log_file, log

TEXT = {
    "title": "出现意外错误",
    "body": "出现了意外错误，刚才的操作可能没有完成（已保存的数据不受影响）。",
    "where": "错误信息已记入日志文件：\n{path}\n需要求助时，请把日志文件或复制的错误信息发给技术人员。",
    "nowhere": "错误信息未能写入日志文件（数据文件夹不可写）；需要求助时，请复制错误信息发给技术人员。",
    "copy": "复制错误信息",
    "close": "关闭",
}

def error_text(exc_type, exc, tb) -> str:
    """The traceback with 身份证号 and 手机号 masked: what the log and the clipboard get."""
    return mask_personal_data("".join(traceback.format_exception(exc_type, exc, tb)))


def report(exc_type, exc, tb) -> QMessageBox | None:
    """Log the error and show the dialog (non-blocking); returns the dialog."""
    details = error_text(exc_type, exc, tb)
    path = install_log_file()
    log().error("未处理的异常\n%s", details)
    app = QApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        print(details, file=sys.stderr)  # no window to show it in (a worker reports its own)
        return None
    box = QMessageBox(QMessageBox.Critical, TEXT["title"], TEXT["body"], parent=app.activeWindow())
    box.setInformativeText(TEXT["where"].format(path=path) if path else TEXT["nowhere"])
    box.setDetailedText(details)
    copy = box.addButton(TEXT["copy"], QMessageBox.ActionRole)
    box.addButton(TEXT["close"], QMessageBox.RejectRole)
    # 复制 must not close the box: copy, then keep it open.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box


def install() -> None:
    """Route unexpected exceptions of the window (Qt slots included) to ``report``."""
    install_log_file()
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            report(exc_type, exc, tb)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            previous(exc_type, exc, tb)

    hook.dangzhibu = True
    if not getattr(sys.excepthook, "dangzhibu", False):
        sys.excepthook = hook

"""Run in a child process on an offscreen screen of a given size (``offscreen:configfile=``):
open the first window as the app does and the meeting dialog, print their geometries as JSON,
save screenshots of every page. Used by tests/test_ui_screen_fit.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(db: str, out_dir: str) -> None:
    from dangzhibu_desktop.ledger import open_ledger
    from dangzhibu_desktop.ui.app import application, wait_until_loaded
    from dangzhibu_desktop.ui.dialogs.meeting import MeetingDialog
    from dangzhibu_desktop.ui.main_window import MainWindow
    from dangzhibu_desktop.ui.screenfit import FRAME_H, FRAME_W

    app = application()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ledger = open_ledger(db)
    window = MainWindow(ledger)  # persist: the first window as a person's first start opens it
    window.show()
    app.processEvents()
    avail = window.screen().availableGeometry()

    def rect(w):
        g = w.geometry()
        return [g.x(), g.y(), g.width(), g.height()]

    def framed(w):
        g = w.frameGeometry()
        return [g.x(), g.y(), g.width(), g.height()]

    result = {"available": [avail.x(), avail.y(), avail.width(), avail.height()],
              "frame": [FRAME_W, FRAME_H], "window": rect(window),
              "window_frame": framed(window), "pages": []}
    for i, page in enumerate(window.pages, 1):
        window.show_page(page.slug)
        page.ensure_fresh()
        wait_until_loaded(window, page, 60)
        app.processEvents()
        target = out / f"{i:02d}-{page.slug}.png"
        window.grab().save(str(target))
        result["pages"].append(str(target))
        hint = page.minimumSizeHint()
        result.setdefault("page_minimum", {})[page.slug] = [hint.width() + window.nav.width(), hint.height()]
    dlg = MeetingDialog(ledger, None, {"kind": "支部党员大会"}, parent=window)
    dlg.show()
    app.processEvents()
    result["meeting"] = rect(dlg)
    result["meeting_frame"] = framed(dlg)
    buttons = dlg.ui.buttonBox
    bottom_left = buttons.mapTo(dlg, buttons.rect().bottomLeft())
    result["buttons_bottom"] = bottom_left.y()
    dlg.grab().save(str(out / "meeting-dialog.png"))
    dlg.reject()
    window.persist = False  # leave the isolated settings alone on close
    window.close()
    ledger.close()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

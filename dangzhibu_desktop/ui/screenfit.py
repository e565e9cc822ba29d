"""Windows and dialogs that fit the screen's work area (issue 14, item 8).

A laptop at 1366×768 with a 40 px taskbar leaves 1366×728; 1920×1080 at 150 % leaves 1280×720
logical pixels less the taskbar. A window sized in fixed pixels ran off such screens and put
保存 under the taskbar. Every first window and every dialog goes through ``fit_to_screen``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and border the window manager adds around a window's client area
# (geometry() excludes them); measured ~31 px at 100 % on Windows 10/11 and Kylin.
FRAME_W = 16
FRAME_H = 40


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The work area (screen less taskbar/panels, logical pixels) the widget is — or will be — on."""
    screen = None
    if widget is not None:
        screen = widget.screen()
        parent = widget.parentWidget()
        if parent is not None and parent.window().isVisible():
            screen = parent.window().screen() or screen
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(width: int, height: int, avail: QRect) -> tuple[int, int]:
    """``width × height`` shrunk so the framed window lies inside ``avail``."""
    return (max(min(width, avail.width() - FRAME_W), 200),
            max(min(height, avail.height() - FRAME_H), 150))


def fit_to_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize ``widget`` to ``width × height`` (default: its current size) no larger than the
    work area, lowering its minimum size if the layout asked for more, and move it inside."""
    avail = available_geometry(widget)
    w, h = fitted_size(width or widget.width(), height or widget.height(), avail)
    if widget.minimumWidth() > w or widget.minimumHeight() > h:
        widget.setMinimumSize(min(widget.minimumWidth(), w), min(widget.minimumHeight(), h))
    layout = widget.layout()
    if layout is not None and (layout.minimumSize().width() > w or layout.minimumSize().height() > h):
        # The layout would force its minimum back: let it shrink (the content scrolls or squeezes).
        from PySide6.QtWidgets import QLayout

        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    widget.resize(w, h)
    move_inside(widget, avail)


def move_inside(widget: QWidget, avail: QRect | None = None) -> None:
    """Move a window so its frame lies within the work area (title bar reachable, 保存 visible)."""
    avail = avail or available_geometry(widget)
    frame = widget.frameGeometry()
    fw = max(frame.width(), widget.width() + FRAME_W)
    fh = max(frame.height(), widget.height() + FRAME_H)
    x = min(max(frame.x(), avail.left()), avail.left() + max(avail.width() - fw, 0))
    y = min(max(frame.y(), avail.top()), avail.top() + max(avail.height() - fh, 0))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def first_window_size(avail: QRect, preferred=(1366, 768)) -> tuple[int, int] | None:
    """The size of the first main window on ``avail``, or None when it should open maximized
    (the preferred size and its frame do not fit the work area)."""
    w, h = preferred
    if w + FRAME_W <= avail.width() and h + FRAME_H <= avail.height():
        return w, h
    return None

"""Background work: ledger reads that take long (rules on a big ledger, exports).

A task is a plain function ``fn(reader, *args) -> result`` run on the global thread pool
with its own read connection to the ledger file (``open_reader``); it returns plain data
and never touches a widget. Results come back through queued signals to slots of a
QObject on the main thread.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..ledger import open_ledger
from ..ledger.validate import LedgerError


def open_reader(path):
    """A read-only ledger connection for a worker thread (never takes the writer's lock).

    The window opened (and checked) this file already: the reader skips the opening checks,
    whose ``integrity_check`` reads the whole file — 45 ms a task on ten years of history.
    """
    return open_ledger(path, readonly=True, verify=False)


class TaskSignals(QObject):
    """Signals of one task.

    Signals:
        done(object): the task's return value.
        failed(str): a Chinese sentence when it raised.
        progress(int, int): done / total from the task's ``progress`` callback.
    """

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)


class Task(QRunnable):
    def __init__(self, path, fn: Callable[..., Any], args: tuple, wants_progress: bool):
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals are delivered
        self.path = path
        self.fn = fn
        self.args = args
        self.wants_progress = wants_progress
        self.signals = TaskSignals()
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            if self.path is None:
                reader = None
            else:
                reader = open_reader(self.path)
            try:
                kwargs = {}
                if self.wants_progress:
                    kwargs = {"progress": lambda d, t: self.signals.progress.emit(int(d), int(t)),
                              "cancel": self.cancel_event.is_set}
                result = self.fn(reader, *self.args, **kwargs)
            finally:
                if reader is not None:
                    reader.close()
        except LedgerError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # shown in a dialog, never a crash of the window
            if self.cancel_event.is_set():
                self.signals.failed.emit("已取消")
                return
            traceback.print_exc()
            self.signals.failed.emit(f"出现意外错误：{type(exc).__name__}：{exc}")
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Starts tasks and counts those still running (the screenshot mode waits on it).

    Signals:
        busy_changed(int): number of tasks running.
    """

    busy_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tasks: set[Task] = set()
        self.pool = QThreadPool.globalInstance()

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def run(self, path, fn, *args, on_done=None, on_failed=None, on_progress=None) -> Task:
        """Run ``fn(reader, *args)``; slots are called on the main thread.

        With ``on_progress`` the function also receives ``progress`` and ``cancel`` keywords.
        """
        task = Task(path, fn, args, on_progress is not None)
        if on_done is not None:
            task.signals.done.connect(on_done)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        # Bound slots of this main-thread QObject: delivered queued, on the main thread.
        task.signals.done.connect(self._finished)
        task.signals.failed.connect(self._finished)
        self._tasks.add(task)
        self.busy_changed.emit(len(self._tasks))
        self.pool.start(task)
        return task

    def _finished(self, *_args) -> None:
        sender = self.sender()
        for task in list(self._tasks):
            if task.signals is sender:
                self._tasks.discard(task)
        self.busy_changed.emit(len(self._tasks))

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel_event.set()

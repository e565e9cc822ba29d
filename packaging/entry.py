"""Entry point of the frozen build: the same ``main`` as the ``dangzhibu-desktop`` command."""

import os
import sys


def _ensure_streams() -> None:
    # A windowed Windows executable starts with no stdout/stderr; give libraries somewhere to write.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


if __name__ == "__main__":
    _ensure_streams()
    from dangzhibu_desktop.cli import main

    sys.exit(main())

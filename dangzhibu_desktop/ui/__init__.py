"""The window (PySide6): main window, list pages, dashboard, editors. The only layer that imports Qt."""

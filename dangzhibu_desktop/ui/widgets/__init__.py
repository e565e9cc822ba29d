"""Widgets the editors share (the typed date and time fields)."""

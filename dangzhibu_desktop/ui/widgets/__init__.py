"""Reusable widgets shared by several editors and pages (typed date and time fields, the 佐证材料 panel)."""

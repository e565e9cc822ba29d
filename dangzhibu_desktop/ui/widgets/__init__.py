"""Reusable widgets shared by several editors and pages."""

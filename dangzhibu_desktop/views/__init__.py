"""What each page and action of the window shows, as plain rows (DESIGN.md "Architecture").

The window asks these functions and only builds widgets from what they return; no SQL is
written under ``ui/``. Nothing here imports Qt: the read models are tested with plain pytest on
temp-file ledgers. This layer imports ``exports``, ``rules`` and ``ledger``, never ``ui``.

- ``common``: the years a table has rows in, member names by id.
- ``lists``: the rows of the list pages (党员名册, 发展党员, 三会一课, 教育培训, 志愿服务, 先锋岗,
  整改台账, 支委分工, 党小组 — the 支部信息 dialog shows the same two), dicts keyed by the pages'
  column keys.
- ``dues``: the 党费 page and grid (years, the year's sums, one row per paying member).
- ``dashboard``: what the 工作台 paints (the report, the 三会一课 grid and its counts).
- ``person``: the 党员档案 of one person for a year (category over time, the 25 steps, 组织生活,
  学时 against the rule set's target, 志愿服务, posts, dues months, talks, 评议).
- ``calendar``: 年度工作日历 — the rule set's required meetings month by month beside those held
  and the plan's lines due by each month's end.
- ``search``: 搜索全部台账 — names, 议题 and titles, each hit with its page and year.
- ``fixes``: where each gap is fixed — a red 缺 cell, a rule, a reminder, a plan action → the
  editor that records it, prefilled, or the page filtered to the month.
- ``export``: what a document will lack (the 述职报告's missing records), said before export.
"""

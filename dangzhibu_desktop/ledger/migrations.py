"""Versioned schema migrations over ``PRAGMA user_version``.

Each migration is frozen SQL: once released it never changes, so a file written by any
released version opens and upgrades the same way (tests keep a saved file per version).
Migrations run with foreign keys off (``ALTER``/rebuilds of parent tables need it), then
``PRAGMA foreign_key_check`` must come back empty before the version is bumped.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE branch (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_org TEXT,
    org_type TEXT DEFAULT '党支部',
    established_on TEXT,
    address TEXT,
    committee_elected_on TEXT,
    committee_term_years INTEGER DEFAULT 3,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE party_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    leader_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT,
    ethnicity TEXT,
    birth_date TEXT,
    id_number TEXT,
    education TEXT,
    phone TEXT,
    work_post TEXT,
    party_group_id INTEGER REFERENCES party_groups(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT '在册',
    mobile INTEGER DEFAULT 0,
    dues_class TEXT DEFAULT '在职',
    joined_branch_on TEXT,
    left_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE development_steps (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    date TEXT NOT NULL,
    note TEXT,
    outcome TEXT,
    persons TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE committee_roles (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    host_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    recorder_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    party_group_id INTEGER REFERENCES party_groups(id) ON DELETE SET NULL,
    lecturer_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    topic TEXT,
    content TEXT,
    resolutions TEXT,
    guests TEXT,
    vote INTEGER DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    hours INTEGER NOT NULL,
    kind TEXT DEFAULT '集中培训',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE training_attendance (
    id INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    hours INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE volunteer_activities (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    place TEXT,
    kind TEXT NOT NULL DEFAULT '志愿服务',
    description TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE volunteer_hours (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES volunteer_activities(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    hours INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE pioneer_posts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    established_on TEXT,
    ended_on TEXT,
    commitment TEXT,
    achievements TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE post_members (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES pioneer_posts(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    role TEXT,
    since TEXT,
    until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE dues (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    base_income INTEGER,
    rate REAL,
    amount_due INTEGER NOT NULL,
    amount_paid INTEGER DEFAULT 0,
    paid_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE appraisals (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    rating TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE rectifications (
    id INTEGER PRIMARY KEY,
    source TEXT,
    problem TEXT NOT NULL,
    measure TEXT,
    owner_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    deadline TEXT,
    status TEXT NOT NULL DEFAULT '未开始',
    closed_on TEXT,
    evidence TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE checklist (
    id INTEGER PRIMARY KEY,
    rule_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    met INTEGER DEFAULT 0,
    evidence TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX idx_members_status ON members(status);
CREATE INDEX idx_members_group ON members(party_group_id);
CREATE INDEX idx_steps_member ON development_steps(member_id, step);
CREATE INDEX idx_steps_date ON development_steps(date);
CREATE INDEX idx_roles_member ON committee_roles(member_id);
CREATE INDEX idx_meetings_date ON meetings(date);
CREATE INDEX idx_meetings_kind_date ON meetings(kind, date);
CREATE UNIQUE INDEX idx_attendance_meeting_member ON attendance(meeting_id, member_id);
CREATE INDEX idx_attendance_member ON attendance(member_id);
CREATE INDEX idx_trainings_date ON trainings(date);
CREATE UNIQUE INDEX idx_training_att ON training_attendance(training_id, member_id);
CREATE INDEX idx_training_att_member ON training_attendance(member_id);
CREATE INDEX idx_volunteer_date ON volunteer_activities(date);
CREATE UNIQUE INDEX idx_volunteer_hours ON volunteer_hours(activity_id, member_id);
CREATE INDEX idx_volunteer_hours_member ON volunteer_hours(member_id);
CREATE INDEX idx_post_members_post ON post_members(post_id);
CREATE INDEX idx_post_members_member ON post_members(member_id);
CREATE UNIQUE INDEX idx_dues_member_month ON dues(member_id, month) WHERE deleted_at IS NULL;
CREATE INDEX idx_dues_month ON dues(month);
CREATE UNIQUE INDEX idx_appraisals_year_member ON appraisals(year, member_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX idx_checklist_rule_year ON checklist(rule_code, year) WHERE deleted_at IS NULL;
CREATE INDEX idx_rectifications_deadline ON rectifications(deadline);
CREATE INDEX idx_audit_row ON audit_log(table_name, row_id);
CREATE INDEX idx_audit_at ON audit_log(at);
"""

# 佐证材料: photos, scans and documents that prove a record. The file itself lives beside the
# ledger in ``<台账名>_附件/`` under its sha256; ``owner_table``/``owner_id`` name the record.
V2_ATTACHMENTS = """
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    owner_table TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT '照片',
    title TEXT,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    mime TEXT,
    original_name TEXT,
    taken_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_attachments_owner ON attachments(owner_table, owner_id);
CREATE INDEX idx_attachments_sha256 ON attachments(sha256);
"""

V2_TALKS = """
CREATE TABLE talks (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    talker_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
    member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
    person_name TEXT,
    kind TEXT NOT NULL DEFAULT '谈心谈话',
    topic TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_talks_date ON talks(date);
CREATE INDEX idx_talks_member ON talks(member_id);
"""

# 发展/转正 表决 at a 支部党员大会: the counts of the vote (NULL: no vote recorded).
V2_VOTES = """
ALTER TABLE meetings ADD COLUMN votes_for INTEGER;
ALTER TABLE meetings ADD COLUMN votes_against INTEGER;
ALTER TABLE meetings ADD COLUMN votes_abstain INTEGER;
"""

# 组织关系转接: a member's relation moved into (转入) or out of (转出) the branch, with the
# introduction letter (介绍信编号, 有效期), the receipt (回执) and the month dues were paid up to.
V2_TRANSFERS = """
CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    date TEXT NOT NULL,
    other_org TEXT,
    letter_no TEXT,
    valid_until TEXT,
    receipt_on TEXT,
    dues_paid_to TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_transfers_date ON transfers(date);
CREATE INDEX idx_transfers_member ON transfers(member_id, date);
"""

MIGRATIONS: tuple[str, ...] = (V1, V2_ATTACHMENTS, V2_TALKS, V2_VOTES, V2_TRANSFERS)
SCHEMA_VERSION = len(MIGRATIONS)


class MigrationError(Exception):
    pass


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` (autocommit mode) up to SCHEMA_VERSION; returns the version it had.

    Each step runs in its own transaction together with its version bump.
    """
    start = schema_version(conn)
    if start >= SCHEMA_VERSION:
        return start
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for version in range(start, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(f"迁移到第{version + 1}版后外键检查失败：{problems[:3]}")
                conn.execute(f"PRAGMA user_version = {version + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return start


def _statements(script: str):
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()

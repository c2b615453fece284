//! The schema, as a list of migrations. `PRAGMA user_version` is the number of migrations
//! applied; each runs in its own transaction. Changelog:
//!
//! - 1: interruptions, schedule and non-negotiable versions, preferences.
//! - 2: notices: the warnings that fired, whether they were announced and read.
//! - 3: reflections: the person's answers, one row per ISO week.
//! - 4: selfchecks: the monthly self-check's takes, with their answers.
//! - 5: a random uid for the person whose record this is, so a team merge knows the same
//!   person twice; it stays with the file (a restore keeps it) and never leaves but in a share.
//! - 6: suggestions: what capture found in the systems that interrupt, pending, accepted (with
//!   the entry it became, by uid) or dismissed; a (kind, external id) is kept once, forever.

pub const MIGRATIONS: &[&str] = &[
    // 1
    r#"
    CREATE TABLE interruptions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        start_utc INTEGER NOT NULL,
        zone TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 10080),
        channel TEXT NOT NULL,
        source TEXT,
        severity TEXT NOT NULL,
        chosen INTEGER NOT NULL CHECK (chosen IN (0, 1)),
        delegable INTEGER NOT NULL CHECK (delegable IN (0, 1)),
        note TEXT NOT NULL,
        tags TEXT NOT NULL,
        costs TEXT NOT NULL,
        logged_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX interruptions_by_start ON interruptions (start_utc);

    -- valid_from NULL: in force from the beginning of time.
    CREATE TABLE schedule_versions (
        id INTEGER PRIMARY KEY,
        valid_from INTEGER,
        body TEXT NOT NULL
    ) STRICT;

    CREATE TABLE boundaries (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
    ) STRICT;
    -- body NULL: removed from valid_from on.
    CREATE TABLE boundary_versions (
        id INTEGER PRIMARY KEY,
        boundary_id INTEGER NOT NULL REFERENCES boundaries (id) ON DELETE CASCADE,
        valid_from INTEGER,
        body TEXT
    ) STRICT;
    CREATE INDEX boundary_versions_by_boundary ON boundary_versions (boundary_id);

    CREATE TABLE prefs (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    "#,
    // 2
    r#"
    CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        rule TEXT NOT NULL,
        subject TEXT NOT NULL,
        week TEXT NOT NULL,
        severity TEXT NOT NULL,
        body TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        -- the highest severity announced by a desktop notification; NULL: not yet
        notified TEXT,
        read_at INTEGER,
        UNIQUE (rule, subject, week)
    ) STRICT;
    "#,
    // 3
    r#"
    CREATE TABLE reflections (
        week TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    "#,
    // 4
    r#"
    CREATE TABLE selfchecks (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL,
        zone TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX selfchecks_by_at ON selfchecks (at);
    "#,
    // 5
    r#"
    INSERT OR IGNORE INTO prefs (key, value) VALUES ('person-uid', lower(hex(randomblob(16))));
    "#,
    // 6
    r#"
    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        external_id TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'dismissed')),
        entry_uid TEXT,
        found_at INTEGER NOT NULL,
        decided_at INTEGER,
        UNIQUE (kind, external_id)
    ) STRICT;
    "#,
];

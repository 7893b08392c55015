"""The schema of the learner database, as an ordered list of migration steps.

`MIGRATIONS[i]` takes the database from version `i` to version `i + 1`
(`PRAGMA user_version`). The store runs the missing steps in order, each in its
own write transaction, and sets `user_version` at the end of each step.

Rules for whoever adds a step:
- Only ever append. Never edit or reorder a step that has shipped: databases
  in the wild have already run it.
- A step is plain SQL (several statements are fine). Do not write
  `BEGIN`/`COMMIT` or `PRAGMA user_version` in it: the runner does both.
- Timestamps are ISO-8601 UTC text (`2025-01-27T09:30:00.000000+00:00`), so
  they sort and compare as text.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: learner profiles, quiz sessions, attempts (one row per answer), FSRS card state.
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
    );

    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        kind TEXT NOT NULL DEFAULT 'quiz',
        mode TEXT NOT NULL,
        banks TEXT NOT NULL,          -- JSON list of bank ids
        config TEXT NOT NULL,         -- JSON of the session settings (seed included)
        started TEXT NOT NULL,
        finished TEXT,
        earned REAL,
        possible REAL
    );
    CREATE INDEX sessions_profile ON sessions(profile_id, started);

    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        session_id INTEGER REFERENCES sessions(id),
        question_id TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        qtype TEXT NOT NULL,
        mode TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        seconds REAL NOT NULL,
        response TEXT,                -- JSON, null when skipped or timed out
        fraction REAL NOT NULL,       -- 0..1 share of the points
        earned REAL NOT NULL,         -- fraction * points
        points REAL NOT NULL,
        correct INTEGER NOT NULL,     -- 1 when full credit
        timed_out INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        confidence INTEGER,           -- 1..3 when confidence marking was on
        marks REAL,                   -- certainty-based marks
        blitz REAL,                   -- blitz points (with streak bonus)
        rating INTEGER,               -- FSRS rating given in review mode (1..4)
        tags TEXT NOT NULL DEFAULT '[]',
        difficulty INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX attempts_profile ON attempts(profile_id, answered_at);
    CREATE INDEX attempts_question ON attempts(profile_id, question_id);

    CREATE TABLE cards (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        question_id TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        state INTEGER NOT NULL,       -- fsrs.State: 1 learning, 2 review, 3 relearning
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,        -- first review: counts against the daily cap of new cards
        PRIMARY KEY (profile_id, question_id)
    );
    CREATE INDEX cards_due ON cards(profile_id, due);
    """,
    # 2: debate practice: drill results (one row per answered drill item) and sparring rounds.
    """
    CREATE TABLE drill_results (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        run_id TEXT NOT NULL,         -- one sitting of one drill: its items share it
        drill TEXT NOT NULL,          -- side | pick | rebuttal | case | weigh
        motion_id TEXT NOT NULL,
        item_id TEXT NOT NULL,        -- argument id (side, pick, rebuttal), side (case), "a~b" (weigh)
        level INTEGER NOT NULL DEFAULT 1,
        seed INTEGER,
        answered_at TEXT NOT NULL,
        seconds REAL NOT NULL,
        time_limit REAL,
        answer TEXT NOT NULL,
        earned REAL NOT NULL,
        possible REAL NOT NULL,
        correct INTEGER,              -- 1 or 0 where right/wrong applies, else NULL
        detail TEXT NOT NULL DEFAULT '{}'  -- JSON: why, made, missed, models, notes
    );
    CREATE INDEX drill_results_profile ON drill_results(profile_id, answered_at);
    CREATE INDEX drill_results_run ON drill_results(run_id);

    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        motion_id TEXT NOT NULL,
        format_id TEXT NOT NULL,
        side TEXT NOT NULL,           -- the learner's side: prop | opp
        seed INTEGER,
        started TEXT NOT NULL,
        updated TEXT NOT NULL,        -- saved after every speech, so a killed round keeps its speeches
        finished TEXT,                -- NULL while in progress or abandoned
        score REAL,                   -- on the format's speaker scale
        scale_low REAL,
        scale_high REAL,
        content REAL,                 -- criterion shares 0..1
        rebuttal REAL,
        strategy REAL,
        detail TEXT NOT NULL DEFAULT '{}'  -- JSON: speeches, flow sheet, adjudication
    );
    CREATE INDEX rounds_profile ON rounds(profile_id, started);
    """,
    # 3: drafts: text typed but not yet submitted (a speech, prep notes, a typed drill answer), autosaved
    # while typing, so a crash or a kill loses at most a few seconds of it.
    """
    CREATE TABLE drafts (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        key TEXT NOT NULL,            -- round:<round id>:speech:<index> | round:<round id>:prep
                                      -- | drill:<kind>:<motion id>:<item id>
        round_id INTEGER REFERENCES rounds(id),  -- set for a round's drafts: shown with the round
        label TEXT NOT NULL DEFAULT '',          -- what it is a draft of, in words ("First Proposition")
        text TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (profile_id, key)
    );
    CREATE INDEX drafts_round ON drafts(profile_id, round_id);
    """,
]

-- Assessments: one schema for SQLite and PostgreSQL. ${identity} is the one thing the two spell
-- differently (an auto-numbered primary key); dev.pygrade.store.Dialect fills it in.
-- Times are milliseconds since the epoch (UTC), JSON is stored as text.

CREATE TABLE assessments (
    id ${identity},
    name TEXT NOT NULL,
    time_allowed_seconds BIGINT NOT NULL CHECK (time_allowed_seconds > 0),
    opens_at BIGINT,
    closes_at BIGINT,
    attempts_allowed INTEGER NOT NULL CHECK (attempts_allowed > 0),
    feedback TEXT NOT NULL CHECK (feedback IN ('full', 'scores', 'none_until_closed')),
    created_at BIGINT NOT NULL,
    CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
);

-- The exercises of an assessment, in the order candidates see them (ids of exercises/<id>/).
CREATE TABLE assessment_exercises (
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    exercise_id TEXT NOT NULL,
    PRIMARY KEY (assessment_id, exercise_id),
    UNIQUE (assessment_id, ordinal)
);

-- A candidate is an invitation: one link per candidate, whose token is kept only as its SHA-256.
-- started_at: when the candidate first opened the link (their clock starts then).
CREATE TABLE candidates (
    id ${identity},
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    invited_at BIGINT NOT NULL,
    started_at BIGINT,
    UNIQUE (assessment_id, name)
);

-- Every accepted submission, written (pending) before it is graded. files: JSON array of
-- {"path", "name", "text"}. A grader claims a pending submission with a lease (owner, until);
-- a lease that ran out (its grader died) lets another grader take it.
CREATE TABLE submissions (
    id ${identity},
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    attempt INTEGER NOT NULL CHECK (attempt > 0),
    label TEXT NOT NULL,
    files TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'graded')),
    lease_owner TEXT,
    lease_until BIGINT,
    UNIQUE (candidate_id, exercise_id, attempt)
);
CREATE INDEX submissions_by_status ON submissions (status, id);

-- Every grading of a submission: the first (reason 'submission') and each regrade. The latest
-- row of a submission is its current result. The receipt says what produced it: SHA-256 of the
-- exercise's checks, prompt and limits, of the code graded, and pygrade's version.
CREATE TABLE results (
    id ${identity},
    submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (reason IN ('submission', 'regrade')),
    graded_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    max_score DOUBLE PRECISION NOT NULL,
    duration_ms BIGINT NOT NULL,
    checks_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    checks_sha256 TEXT NOT NULL,
    prompt_sha256 TEXT NOT NULL,
    limits_sha256 TEXT NOT NULL,
    code_sha256 TEXT NOT NULL,
    pygrade_version TEXT NOT NULL
);
CREATE INDEX results_by_submission ON results (submission_id, id);

-- Bearer tokens of instructors, created with 'pygrade assessment token create'; kept as SHA-256.
CREATE TABLE instructor_tokens (
    id ${identity},
    name TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

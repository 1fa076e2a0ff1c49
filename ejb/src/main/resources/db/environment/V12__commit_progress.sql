-- The progress of each transaction's latest commit attempt (issue 12): written by the engine as
-- the commit goes, in auto-commit on a connection of its own, so that every server node and every
-- browser session reads the same progress while the commit runs, and after it ended or was recovered.
create table if not exists iasql_commit_progress (
    transaction_id bigint      primary key references iasql_transaction (id),
    -- 1 for the first attempt; a failed commit tried again, or one recovered after its server died, counts up
    attempt        integer     not null default 1,
    state          text        not null check (state in ('PLANNING', 'APPLYING', 'UNDOING', 'SYNCING', 'COMMITTED',
                                                         'FAILED', 'REFUSED')),
    -- this attempt finishes a commit whose server stopped
    recovered      boolean     not null default false,
    started_by     text        not null,
    started_at     timestamptz not null default clock_timestamp(),
    updated_at     timestamptz not null default clock_timestamp(),
    -- the cloud's refusal (or the review gate's), null while all goes well
    error          text,
    -- the cloud has the changes but the sync after them failed
    sync_error     text,
    -- each undo after a failure, in the order done: {"step": 2, "succeeded": true, "message": "…"}
    undo           jsonb       not null default '[]'::jsonb
);

-- One row per plan step of the attempt, in the plan's order.
create table if not exists iasql_commit_progress_step (
    transaction_id bigint      not null references iasql_commit_progress (transaction_id) on delete cascade,
    step_index     integer     not null,
    action         text        not null,
    table_name     text        not null,
    row_id         text        not null,
    description    text,
    status         text        not null check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'NOT_RUN', 'UNDONE',
                                                          'UNDO_FAILED')),
    message        text,
    started_at     timestamptz,
    finished_at    timestamptz,
    primary key (transaction_id, step_index)
);

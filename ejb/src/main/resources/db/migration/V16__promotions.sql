-- Scheduled promotions (DESIGN §7): the users' changes committed in a source environment, replayed
-- in a target as a reviewed transaction. The promoted position moves only when the target commits.

create table promotion (
    id                 bigserial    primary key,
    source_env         varchar(63)  not null references environment (name) on delete cascade,
    target_env         varchar(63)  not null references environment (name) on delete cascade,
    -- one of: a Quartz cron expression in time_zone, a single moment, or neither (run by hand only)
    cron               varchar(200),
    time_zone          varchar(64)  not null default 'UTC',
    run_at             timestamptz,
    commit_mode        varchar(16)  not null check (commit_mode in ('next-window', 'manual')),
    paused             boolean      not null default false,
    created_by         varchar(63)  not null,
    created_at         timestamptz  not null,
    -- the source's audit entries with id <= this one are in the target
    promoted_position  bigint       not null default 0,
    next_run_at        timestamptz,
    -- a node running it now, so that two nodes (or a person and the job) never run it at once
    running_on         varchar(63),
    running_since      timestamptz,
    check (source_env <> target_env),
    check (cron is null or run_at is null),
    unique (source_env, target_env)
);

create table promotion_run (
    id                    bigserial    primary key,
    promotion_id          bigint       not null references promotion (id) on delete cascade,
    started_at            timestamptz  not null,
    finished_at           timestamptz,
    node                  varchar(63)  not null,
    started_by            varchar(63)  not null,
    outcome               varchar(16)  not null,
    message               varchar(4000),
    -- the source's committed transactions it carries, and the audit position it covers
    source_transactions   varchar(2000),
    source_authors        varchar(2000),
    from_position         bigint       not null,
    up_to_position        bigint,
    target_transaction_id bigint,
    review_id             bigint,
    -- the statement that stopped it (1-based), and the script it ran
    statement_number      integer,
    script                text,
    -- how the target's transaction ended (COMMITTED: the position moved; ROLLED_BACK: proposed again)
    settled               varchar(16),
    settled_at            timestamptz
);
create index promotion_run_promotion on promotion_run (promotion_id, id desc);
create index promotion_run_target on promotion_run (target_transaction_id);

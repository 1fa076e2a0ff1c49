-- Commit windows and freezes per environment, scheduled commits (DESIGN §7), and the job history
-- per environment.

-- A window opens when its Quartz cron expression fires, in its time zone, and stays open for its
-- duration. No window: commits may run at any time.
create table commit_window (
    id               bigserial    primary key,
    environment_name varchar(63)  not null references environment (name) on delete cascade,
    position         integer      not null,
    cron             varchar(200) not null,
    duration_minutes integer      not null check (duration_minutes between 1 and 10080),
    time_zone        varchar(64)  not null,
    created_by       varchar(63)  not null,
    created_at       timestamptz  not null
);
create index commit_window_environment on commit_window (environment_name, position);

-- During a freeze nothing commits, not by hand either, unless an admin overrides with a reason.
create table commit_freeze (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    reason           varchar(1000) not null,
    created_by       varchar(63)   not null,
    created_at       timestamptz   not null,
    check (ends_at > starts_at)
);
create index commit_freeze_environment on commit_freeze (environment_name, ends_at);

-- The commit of one open transaction, at a time or in the next window; run by the scheduled-commit
-- job on whichever node Quartz picks, claimed by an update so that it runs once.
create table scheduled_commit (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    transaction_id   bigint        not null,
    -- 'at': at a time the requester chose; 'next-window': when the environment next allows it
    mode             varchar(20)   not null check (mode in ('at', 'next-window')),
    due_at           timestamptz   not null,
    requested_by     varchar(63)   not null,
    requested_at     timestamptz   not null,
    state            varchar(20)   not null check (state in ('scheduled', 'running', 'committed', 'failed',
                                                             'refused', 'cancelled', 'abandoned')),
    node             varchar(200),
    started_at       timestamptz,
    finished_at      timestamptz,
    message          varchar(4000)
);
-- One waiting or running schedule per environment: there is one open transaction.
create unique index scheduled_commit_one_active on scheduled_commit (environment_name)
    where state in ('scheduled', 'running');
create index scheduled_commit_due on scheduled_commit (due_at) where state = 'scheduled';

alter table job_run add column environment_name varchar(63);
alter table job_run drop constraint job_run_outcome_check;
alter table job_run add constraint job_run_outcome_check
    check (outcome in ('SUCCEEDED', 'FAILED', 'SKIPPED', 'MISSED_WINDOW'));
create index job_run_environment_started on job_run (environment_name, started_at desc);
create index job_run_started on job_run (started_at desc);

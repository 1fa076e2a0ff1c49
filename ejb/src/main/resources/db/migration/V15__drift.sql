-- Drift (DESIGN §4, §7): how often each environment syncs to find changes made in the cloud by hand,
-- and each sync outside a transaction that found some, with the audit entries it wrote.

-- No row, or a null interval: the server's default (tablecloud.drift.default.minutes).
create table drift_schedule (
    environment_name varchar(63) primary key references environment (name) on delete cascade,
    interval_minutes integer check (interval_minutes between 0 and 10080),
    last_run_at      timestamptz
);

create table drift_run (
    id               bigserial   primary key,
    environment_name varchar(63) not null references environment (name) on delete cascade,
    detected_at      timestamptz not null,
    detected_by      varchar(63) not null,
    -- the environment's audit entries with audit_from < id <= audit_to are the drift
    audit_from       bigint      not null,
    audit_to         bigint      not null,
    inserted         integer     not null,
    updated          integer     not null,
    deleted          integer     not null
);
create index drift_run_environment on drift_run (environment_name, id desc);

-- Platform objects of an environment database. Runs as the environment's engine role, which owns
-- the database; ${user_role} is the restricted role that users' SQL runs as.

-- Users may read everything the engine creates, and change only what a module grants them.
alter default privileges for role ${engine_role} in schema public grant select on tables to ${user_role};
alter default privileges for role ${engine_role} in schema public grant select on sequences to ${user_role};
revoke create on schema public from public;
grant usage on schema public to ${user_role};

-- Every change, in one order: id is the sequence, never the clock.
create table iasql_audit_log (
    id             bigserial   primary key,
    ts             timestamptz not null default clock_timestamp(),
    actor          text        not null,
    origin         text        not null check (origin in ('user', 'engine')),
    change_type    text        not null check (change_type in ('INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'PREVIEW',
                                   'COMMIT_START', 'COMMIT_END', 'ROLLBACK', 'ERROR', 'SYNC', 'INSTALL', 'UNINSTALL')),
    table_name     text,
    old            jsonb,
    new            jsonb,
    transaction_id bigint
);
create index iasql_audit_log_transaction on iasql_audit_log (transaction_id, id);

create function iasql_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'iasql_audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger iasql_audit_log_no_update before update or delete on iasql_audit_log
    for each row execute function iasql_audit_log_append_only();
create trigger iasql_audit_log_no_truncate before truncate on iasql_audit_log
    for each statement execute function iasql_audit_log_append_only();

-- Module registry: what is installed, and which tables belong to which module.
create table iasql_module (
    name         text        primary key,
    version      text        not null,
    dependencies text[]      not null default '{}',
    installed_at timestamptz not null default clock_timestamp()
);
create table iasql_tables (
    table_name text primary key,
    module     text not null references iasql_module (name) on delete cascade
);

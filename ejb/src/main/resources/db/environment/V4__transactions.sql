-- IaSQL transactions (DESIGN §4): one row per transaction, in the database that its changes go to,
-- so that every server node, a restarted one included, sees the same truth.
create table iasql_transaction (
    id               bigserial   primary key,
    state            text        not null check (state in ('OPEN', 'COMMITTING', 'COMMITTED', 'ROLLED_BACK')),
    opened_by        text        not null,
    opened_at        timestamptz not null default clock_timestamp(),
    ended_by         text,
    ended_at         timestamptz,
    -- Who holds a commit: the server node and run; a commit whose heartbeat stops is recovered.
    commit_owner     text,
    commit_heartbeat timestamptz,
    -- The last failed commit's error, kept until the next commit starts.
    error            text
);
-- At most one transaction not ended per environment. The database decides between two begins,
-- whichever server node they come from: the second insert fails on this index.
create unique index iasql_transaction_one_not_ended on iasql_transaction ((true))
    where state in ('OPEN', 'COMMITTING');

-- Writes of cloud-generated values back into users' rows during a commit.
alter table iasql_audit_log drop constraint iasql_audit_log_change_type_check;
alter table iasql_audit_log add constraint iasql_audit_log_change_type_check check (change_type in (
    'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'PREVIEW', 'COMMIT_START', 'COMMIT_END', 'ROLLBACK', 'ERROR', 'SYNC',
    'INSTALL', 'UNINSTALL', 'APPLY'));

-- The key that signs the application user the engine names for a session (tablecloud.actor =
-- 'name:signature'). Users can set any session setting, but cannot read this table, so they cannot
-- name someone else: an unsigned or wrongly signed name is ignored and the login's own name is used.
create table iasql_engine_secret (
    secret text not null
);
insert into iasql_engine_secret values (gen_random_uuid()::text || gen_random_uuid()::text);
revoke all on iasql_engine_secret from ${user_role};

create function iasql_actor() returns text language plpgsql stable security definer set search_path = public as $$
declare
    claimed   text := nullif(current_setting('tablecloud.actor', true), '');
    name      text;
    signature text;
    key       text;
begin
    if claimed is null or position(':' in claimed) = 0 then
        return session_user;
    end if;
    name := left(claimed, length(claimed) - position(':' in reverse(claimed)));
    signature := right(claimed, position(':' in reverse(claimed)) - 1);
    select secret into key from iasql_engine_secret;
    if signature = encode(sha256(convert_to(key || ':' || name || ':' || key, 'UTF8')), 'hex') then
        return name;
    end if;
    return session_user;
end
$$;

-- The audit trigger, now also the guard of DESIGN §4: users change resource rows only while a
-- transaction is OPEN (never while it is COMMITTING), and every change carries its transaction.
-- A table whose trigger is created with the argument 'unguarded' (aws_regions: a setting, not a
-- resource) may change at any time.
create or replace function iasql_audit() returns trigger language plpgsql security definer set search_path = public as $$
declare
    from_engine boolean := pg_has_role(session_user, '${engine_role_name}', 'MEMBER');
    guarded     boolean := tg_nargs = 0 or tg_argv[0] <> 'unguarded';
    open_id     bigint;
    open_state  text;
begin
    select id, state into open_id, open_state from iasql_transaction where state in ('OPEN', 'COMMITTING');
    if not from_engine and guarded then
        if open_id is null then
            raise exception 'No transaction is open in this environment: call iasql_begin() before changing %', tg_table_name
                using errcode = 'TC002',
                      hint = 'Changes to resource tables are made inside a transaction: iasql_begin(), then preview and commit.';
        elsif open_state = 'COMMITTING' then
            raise exception 'Commit in progress: % cannot change until the commit of transaction % ends', tg_table_name, open_id
                using errcode = 'TC003';
        end if;
    end if;
    insert into iasql_audit_log (actor, origin, change_type, table_name, old, new, transaction_id)
    values (
        case when from_engine then 'engine' else iasql_actor() end,
        case when from_engine then 'engine' else 'user' end,
        case when from_engine then coalesce(nullif(current_setting('tablecloud.change_type', true), ''), tg_op)
             else tg_op end,
        tg_table_name,
        case when tg_op <> 'INSERT' then to_jsonb(old) end,
        case when tg_op <> 'DELETE' then to_jsonb(new) end,
        case when from_engine then nullif(current_setting('tablecloud.transaction_id', true), '')::bigint
             else open_id end);
    return null;
end
$$;

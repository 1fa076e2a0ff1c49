-- The audit trigger that every resource table gets when its module is installed. It runs as its
-- owner (the engine role), so users whose own privileges stop at resource tables still leave
-- their trace in the audit log, in the same database transaction as the change.
--
-- origin: 'engine' for sessions of the engine's login (a member of ${engine_role}), 'user' for all
-- others. actor: the application user the engine names in tablecloud.actor, else the login.
-- change_type: the operation, or for the engine the kind of work it names (e.g. SYNC).
create function iasql_audit() returns trigger language plpgsql security definer set search_path = public as $$
declare
    from_engine boolean := pg_has_role(session_user, '${engine_role_name}', 'MEMBER');
begin
    insert into iasql_audit_log (actor, origin, change_type, table_name, old, new, transaction_id)
    values (
        case when from_engine then 'engine'
             else coalesce(nullif(current_setting('tablecloud.actor', true), ''), session_user) end,
        case when from_engine then 'engine' else 'user' end,
        case when from_engine then coalesce(nullif(current_setting('tablecloud.change_type', true), ''), tg_op)
             else tg_op end,
        tg_table_name,
        case when tg_op <> 'INSERT' then to_jsonb(old) end,
        case when tg_op <> 'DELETE' then to_jsonb(new) end,
        nullif(current_setting('tablecloud.transaction_id', true), '')::bigint);
    return null;
end
$$;

-- What a commit committed (DESIGN §6): the hash of the plan and SQL it applied, the review revision
-- approved for it, or the reason an admin gave for committing without the approvals.
alter table iasql_transaction add column commit_hash text;
alter table iasql_transaction add column commit_review_id bigint;
alter table iasql_transaction add column commit_revision integer;
alter table iasql_transaction add column commit_override text;

-- The audit trigger of V4, now holding the transaction row while the change is made.
create or replace function iasql_audit() returns trigger language plpgsql security definer set search_path = public as $$
declare
    from_engine boolean := pg_has_role(session_user, '${engine_role_name}', 'MEMBER');
    guarded     boolean := tg_nargs = 0 or tg_argv[0] <> 'unguarded';
    open_id     bigint;
    open_state  text;
begin
    -- FOR SHARE: a commit's OPEN → COMMITTING waits until the database transactions changing rows
    -- now have ended, so the plan it computes (and checks against the approved one) has them all.
    select id, state into open_id, open_state from iasql_transaction where state in ('OPEN', 'COMMITTING')
        for share;
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

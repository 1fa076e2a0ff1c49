-- Exported SQL for a target environment, whose value mappings apply (DESIGN §5).
drop function iasql_get_sql_for_transaction(bigint);
drop function iasql_get_sql_since(timestamptz);

-- Without an id: the open transaction if there is one, else the last committed.
create function iasql_get_sql_for_transaction(transaction_id bigint default null, target text default null)
    returns table (sql text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('sql_for_transaction',
        array[coalesce(transaction_id::text, ''), coalesce(target, '')])) as answer (sql text)
$$;

-- The users' changes since a moment, of every transaction not rolled back, in audit order.
create function iasql_get_sql_since(since timestamptz, target text default null)
    returns table (sql text)
    language plpgsql as $$
begin
    if since is null then
        raise exception 'iasql_get_sql_since needs a moment: iasql_get_sql_since(now() - interval ''1 day'')'
            using errcode = '22004';
    end if;
    return query select * from json_to_recordset(iasql_engine_answer('sql_since',
        array[to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), coalesce(target, '')]))
        as answer (sql text);
end
$$;

-- A review of the open transaction as markdown: title, description, preview and the whole SQL.
create function iasql_create_review(title text, description text default null)
    returns text
    language sql as $$
    select markdown from json_to_recordset(iasql_engine_answer('create_review',
        array[coalesce(title, ''), coalesce(description, '')])) as answer (markdown text)
$$;

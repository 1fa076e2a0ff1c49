-- The portable SQL of a transaction (DESIGN §5), one statement a row, answered by the engine.
-- Without an id: the open transaction if there is one, else the last committed.
create function iasql_get_sql_for_transaction(transaction_id bigint default null)
    returns table (sql text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('sql_for_transaction',
        array[coalesce(transaction_id::text, '')])) as answer (sql text)
$$;

-- The users' changes since a moment, of every transaction not rolled back, in audit order.
create function iasql_get_sql_since(since timestamptz)
    returns table (sql text)
    language sql strict as $$
    select * from json_to_recordset(iasql_engine_answer('sql_since',
        array[to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')])) as answer (sql text)
$$;

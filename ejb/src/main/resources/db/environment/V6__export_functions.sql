-- The portable SQL of a transaction (DESIGN §5), one statement a row, answered by the engine.
-- Without an id: the open transaction if there is one, else the last committed.
create function iasql_get_sql_for_transaction(transaction_id bigint default null)
    returns table (sql text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('sql_for_transaction',
        array[coalesce(transaction_id::text, '')])) as answer (sql text)
$$;

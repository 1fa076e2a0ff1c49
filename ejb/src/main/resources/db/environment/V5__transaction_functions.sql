-- The transaction functions of IaSQL, answered by the engine like the others (see V3).
create function iasql_begin()
    returns table (transaction_id bigint, opened_by text, opened_at timestamptz)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('begin', '{}'))
        as answer (transaction_id bigint, opened_by text, opened_at timestamptz)
$$;

create function iasql_rollback()
    returns table (transaction_id bigint, state text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('rollback', '{}'))
        as answer (transaction_id bigint, state text)
$$;

-- One row per cloud action the commit would take now; changes is 'column: old → new' per line.
create function iasql_preview()
    returns table (action text, table_name text, id text, description text, changes text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('preview', '{}'))
        as answer (action text, table_name text, id text, description text, changes text)
$$;

-- One row per cloud action the commit took, with its outcome.
create function iasql_commit()
    returns table (action text, table_name text, id text, description text, status text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('commit', '{}'))
        as answer (action text, table_name text, id text, description text, status text)
$$;

-- The iasql_* functions that the engine answers. PostgreSQL cannot call the engine by itself, so
-- a call is handed over: the function raises SQLSTATE TC001 naming the call; Tablecloud's SQL
-- endpoint carries it out with the same session beans as the REST API, puts the answer into the
-- session setting tablecloud.answers and runs the statement again, and this time the function
-- returns the answer's rows. So projections, WHERE and ORDER BY around the call work as usual.
-- (Connections from psql will reach the engine over an RPC of their own.)
create function iasql_engine_answer(call text, args text[]) returns json language plpgsql as $$
declare
    answers json := nullif(current_setting('tablecloud.answers', true), '')::json;
    key     text := call || '(' || coalesce(array_to_string(args, ',', ''), '') || ')';
begin
    if answers is null or answers -> key is null then
        raise exception 'iasql_% must be called through Tablecloud (its SQL endpoint or console)', call
            using errcode = 'TC001', detail = json_build_object('call', call, 'args', args, 'key', key)::text;
    end if;
    return answers -> key;
end
$$;

create function iasql_install(variadic modules text[])
    returns table (module_name text, created_table_count integer, record_count integer)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('install', modules))
        as answer (module_name text, created_table_count integer, record_count integer)
$$;

create function iasql_uninstall(variadic modules text[])
    returns table (module_name text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('uninstall', modules)) as answer (module_name text)
$$;

create function iasql_modules_list()
    returns table (module_name text, module_version text, dependencies text[], installed boolean)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('modules_list', '{}'))
        as answer (module_name text, module_version text, dependencies text[], installed boolean)
$$;

create function iasql_sync()
    returns table (table_name text, inserted bigint, updated bigint, deleted bigint)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('sync', '{}'))
        as answer (table_name text, inserted bigint, updated bigint, deleted bigint)
$$;

-- The iasql_* functions that the engine answers. Called through the SQL endpoint, they hand the
-- call to the engine, which runs it with the same session beans as the REST API and returns the
-- rows as the statement's result. (PostgreSQL cannot call out by itself; connections from psql
-- will reach the engine over an RPC of their own.)
create function iasql_engine_call(call text, args text[]) returns void language plpgsql as $$
begin
    raise exception 'iasql_% must be called through Tablecloud (the SQL endpoint or console)', call
        using errcode = 'TC001', detail = json_build_object('call', call, 'args', args)::text;
end
$$;

create function iasql_install(variadic modules text[])
    returns table (module_name text, created_table_count integer, record_count integer)
    language plpgsql as $$
begin
    perform iasql_engine_call('install', modules);
end
$$;

create function iasql_uninstall(variadic modules text[])
    returns table (module_name text, dropped_table_count integer)
    language plpgsql as $$
begin
    perform iasql_engine_call('uninstall', modules);
end
$$;

create function iasql_modules_list()
    returns table (module_name text, module_version text, dependencies text[], installed boolean)
    language plpgsql as $$
begin
    perform iasql_engine_call('modules_list', '{}');
end
$$;

create function iasql_sync()
    returns table (table_name text, inserted bigint, updated bigint, deleted bigint)
    language plpgsql as $$
begin
    perform iasql_engine_call('sync', '{}');
end
$$;

grant execute on function iasql_install(text[]), iasql_uninstall(text[]), iasql_modules_list(), iasql_sync()
    to ${user_role};

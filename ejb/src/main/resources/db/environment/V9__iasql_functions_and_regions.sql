-- IaSQL's built-in functions and region behaviour (issue 11), for databases made before them; new
-- databases get the aws_account part from the module's DDL.

-- iasql_get_sql_since(): with no moment, everything from the beginning; with text, as IaSQL takes it
-- (iasql_get_sql_since((now() - interval '30 minutes')::text)). A null moment is the beginning too.
drop function iasql_get_sql_since(timestamptz, text);

create function iasql_get_sql_since(since timestamptz default null, target text default null)
    returns table (sql text)
    language sql as $$
    select * from json_to_recordset(iasql_engine_answer('sql_since',
        array[coalesce(to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ''), coalesce(target, '')]))
        as answer (sql text)
$$;

create function iasql_get_sql_since(since text, target text default null)
    returns table (sql text)
    language sql as $$
    select * from iasql_get_sql_since(since::timestamptz, target)
$$;

-- IaSQL's iasql_help(): the functions of the platform and of the installed modules, one row each.
create function iasql_help()
    returns table (module text, name text, signature text, description text, sample_usage text)
    language sql stable as $$
    select f.module, f.name, f.signature, f.description, f.sample_usage
    from (values
        ('iasql_functions', 'iasql_begin', 'iasql_begin()',
         'Opens the environment''s transaction; changes to resource tables are made inside it.',
         'SELECT * FROM iasql_begin()'),
        ('iasql_functions', 'iasql_preview', 'iasql_preview()',
         'The cloud actions a commit would take now, with the changed columns.',
         'SELECT * FROM iasql_preview()'),
        ('iasql_functions', 'iasql_commit', 'iasql_commit()',
         'Applies the open transaction to the cloud, writes back what the cloud made, and ends it.',
         'SELECT * FROM iasql_commit()'),
        ('iasql_functions', 'iasql_rollback', 'iasql_rollback()',
         'Discards the open transaction''s changes by syncing the tables from the cloud, and ends it.',
         'SELECT * FROM iasql_rollback()'),
        ('iasql_functions', 'iasql_install', 'iasql_install(variadic modules text[])',
         'Installs modules and the modules they need, and imports what the cloud already has.',
         'SELECT * FROM iasql_install(''aws_ec2'')'),
        ('iasql_functions', 'iasql_uninstall', 'iasql_uninstall(variadic modules text[])',
         'Drops the tables of modules nothing installed depends on; never touches the cloud.',
         'SELECT * FROM iasql_uninstall(''aws_s3'')'),
        ('iasql_functions', 'iasql_modules_list', 'iasql_modules_list()',
         'Every module, its dependencies and whether it is installed.',
         'SELECT * FROM iasql_modules_list()'),
        ('iasql_functions', 'iasql_sync', 'iasql_sync()',
         'Makes the tables equal to the cloud, recording what changed as drift.',
         'SELECT * FROM iasql_sync()'),
        ('iasql_functions', 'iasql_get_sql_for_transaction', 'iasql_get_sql_for_transaction(transaction_id bigint default null, target text default null)',
         'The portable SQL of a transaction (default: the open one, else the last committed), for another environment.',
         'SELECT * FROM iasql_get_sql_for_transaction()'),
        ('iasql_functions', 'iasql_get_sql_since', 'iasql_get_sql_since(since timestamptz default null, target text default null)',
         'The portable SQL of the users'' changes since a moment (default: the beginning).',
         'SELECT * FROM iasql_get_sql_since(now() - interval ''30 minutes'')'),
        ('iasql_functions', 'iasql_create_review', 'iasql_create_review(title text, description text default null)',
         'Opens a review of the open transaction and returns it as markdown.',
         'SELECT iasql_create_review(''Add the app VPC'', ''For the new service'')'),
        ('iasql_functions', 'iasql_help', 'iasql_help()',
         'This list: the functions of the platform and of the installed modules.',
         'SELECT * FROM iasql_help()'),
        ('aws_account', 'default_aws_region', 'default_aws_region()',
         'The default region: regional tables'' region column defaults to it.',
         'SELECT default_aws_region()'),
        ('aws_account', 'default_aws_region', 'default_aws_region(new_default text)',
         'Makes a region the default (the old one is unset), as UPDATE aws_regions SET is_default = true does.',
         'SELECT default_aws_region(''us-east-2'')'),
        ('aws_ec2', 'key_pair_request', 'key_pair_request(name text, region text default default_aws_region())',
         'Creates a key pair in the cloud now and returns its private key, once: Tablecloud never stores it.',
         'SELECT * FROM key_pair_request(''deploy'', ''us-east-1'')'),
        ('aws_ec2', 'key_pair_import', 'key_pair_import(name text, public_key text, region text default default_aws_region())',
         'Imports a public key into the cloud now as a key pair.',
         'SELECT * FROM key_pair_import(''deploy'', ''ssh-ed25519 AAAA…'', ''us-east-1'')')
    ) as f (module, name, signature, description, sample_usage)
    where f.module = 'iasql_functions' or exists (select from iasql_module m where m.name = f.module)
$$;

do $migrate$
declare
    col record;
begin
    if to_regclass('aws_regions') is null then
        return;
    end if;
    -- The default moves in one statement: the check of one default waits for the commit.
    drop index if exists aws_regions_one_default;
    alter table aws_regions add constraint aws_regions_one_default exclude using btree (is_default with =)
        where (is_default) deferrable initially deferred;
        execute $ddl$
create function default_aws_region() returns text language sql stable as $$
    select region from aws_regions where is_default
$$
$ddl$;
        execute $ddl$
create function default_aws_region(new_default text) returns text language plpgsql as $$
begin
    update aws_regions set is_default = true where region = new_default;
    if not found then
        raise exception 'No region % in aws_regions', new_default using errcode = 'foreign_key_violation',
            hint = 'select region from aws_regions lists the regions of the account.';
    end if;
    return new_default;
end
$$
$ddl$;
        execute $ddl$
create or replace function iasql_default_region() returns text language sql stable as $$
    select default_aws_region()
$$
$ddl$;
        execute $ddl$
create function aws_regions_enable_default() returns trigger language plpgsql as $$
begin
    if new.is_default and not new.is_enabled then
        if tg_op = 'UPDATE' and old.is_default and old.is_enabled then
            raise exception '% is the default region and stays enabled', new.region
                using errcode = 'check_violation', hint = 'Make another region the default first.';
        end if;
        new.is_enabled := true;
    end if;
    return new;
end
$$
$ddl$;
        execute $ddl$
create trigger aws_regions_enable_default before insert or update on aws_regions
    for each row execute function aws_regions_enable_default()
$ddl$;
        execute $ddl$
create function aws_regions_move_default() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    if new.is_default and (tg_op = 'INSERT' or not old.is_default) then
        update aws_regions set is_default = false where is_default and region <> new.region;
    end if;
    return null;
end
$$
$ddl$;
        execute $ddl$
create trigger aws_regions_move_default after insert or update of is_default on aws_regions
    for each row execute function aws_regions_move_default()
$ddl$;
        execute $ddl$
create function aws_regions_keep_a_default() returns trigger language plpgsql as $$
begin
    if exists (select from aws_regions) and not exists (select from aws_regions where is_default) then
        raise exception 'aws_regions needs a default region'
            using errcode = 'check_violation',
                  hint = 'Set is_default = true on the region that should be the default instead: the old one is unset with it.';
    end if;
    return null;
end
$$
$ddl$;
        execute $ddl$
create trigger aws_regions_keep_a_default after update or delete on aws_regions
    for each statement execute function aws_regions_keep_a_default()
$ddl$;
    for col in select c.table_name from information_schema.columns c
               where c.table_schema = 'public' and c.column_name = 'region'
                 and c.column_default = 'iasql_default_region()' loop
        execute format('alter table %I alter column region set default default_aws_region()', col.table_name);
    end loop;
end
$migrate$;

-- aws_ec2's key pair functions, where aws_ec2 is installed.
do $migrate$
begin
    if to_regclass('key_pair') is null then
        return;
    end if;
    execute $ddl$
create function key_pair_request(key_name text, region text default default_aws_region())
    returns table (name text, status text, message text, privatekey text)
    language plpgsql as $$
begin
    if key_name is null or region is null then
        raise exception 'key_pair_request needs a name and a region: key_pair_request(''deploy'', ''us-east-1'')'
            using errcode = '22004';
    end if;
    return query select * from json_to_recordset(iasql_engine_answer('key_pair_request', array[key_name, region]))
        as answer (name text, status text, message text, privatekey text);
end
$$
$ddl$;
    execute $ddl$
create function key_pair_import(key_name text, public_key text, region text default default_aws_region())
    returns table (name text, status text, message text)
    language plpgsql as $$
begin
    if key_name is null or public_key is null or region is null then
        raise exception 'key_pair_import needs a name, a public key and a region: key_pair_import(''deploy'', ''ssh-ed25519 AAAA…'', ''us-east-1'')'
            using errcode = '22004';
    end if;
    return query select * from json_to_recordset(iasql_engine_answer('key_pair_import',
        array[key_name, public_key, region])) as answer (name text, status text, message text);
end
$$
$ddl$;
end
$migrate$;

-- aws_account: the regions of the account and their availability zones.
create table aws_regions (
    region     text    primary key,
    is_default boolean not null default false,
    is_enabled boolean not null default false,
    -- Exactly one default region, checked when the transaction commits: moving the default sets the
    -- new one and unsets the old one (aws_regions_move_default), in either order.
    constraint aws_regions_one_default exclude using btree (is_default with =) where (is_default)
        deferrable initially deferred
);

-- IaSQL's function; region columns default to it.
create function default_aws_region() returns text language sql stable as $$
    select region from aws_regions where is_default
$$;

-- IaSQL's setter: default_aws_region('eu-west-1') makes that region the default.
create function default_aws_region(new_default text) returns text language plpgsql as $$
begin
    update aws_regions set is_default = true where region = new_default;
    if not found then
        raise exception 'No region % in aws_regions', new_default using errcode = 'foreign_key_violation',
            hint = 'select region from aws_regions lists the regions of the account.';
    end if;
    return new_default;
end
$$;

-- Tablecloud's earlier name, kept for SQL written against it.
create function iasql_default_region() returns text language sql stable as $$
    select default_aws_region()
$$;

-- A region that becomes the default is enabled (synced); the default stays enabled.
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
$$;
create trigger aws_regions_enable_default before insert or update on aws_regions
    for each row execute function aws_regions_enable_default();

-- UPDATE aws_regions SET is_default = true WHERE region = '…' moves the default: the old one is unset
-- by the same statement. Security definer: users may update only some columns of aws_regions.
create function aws_regions_move_default() returns trigger language plpgsql security definer
    set search_path = public as $$
begin
    if new.is_default and (tg_op = 'INSERT' or not old.is_default) then
        update aws_regions set is_default = false where is_default and region <> new.region;
    end if;
    return null;
end
$$;
create trigger aws_regions_move_default after insert or update of is_default on aws_regions
    for each row execute function aws_regions_move_default();

-- Unsetting the default without naming another leaves rows without a region to default to.
create function aws_regions_keep_a_default() returns trigger language plpgsql as $$
begin
    if exists (select from aws_regions) and not exists (select from aws_regions where is_default) then
        raise exception 'aws_regions needs a default region'
            using errcode = 'check_violation',
                  hint = 'Set is_default = true on the region that should be the default instead: the old one is unset with it.';
    end if;
    return null;
end
$$;
create trigger aws_regions_keep_a_default after update or delete on aws_regions
    for each statement execute function aws_regions_keep_a_default();

create table availability_zone (
    name   text not null,
    region text not null references aws_regions (region),
    primary key (name),
    unique (name, region)
);

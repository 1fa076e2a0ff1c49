-- aws_vpc: VPCs and subnets (IaSQL's table and column names).
create table vpc (
    id                   serial  primary key,
    vpc_id               text,
    cidr_block           cidr    not null,
    state                text    check (state in ('pending', 'available')),
    is_default           boolean not null default false,
    enable_dns_hostnames boolean not null default false,
    enable_dns_support   boolean not null default true,
    tags                 jsonb,
    region               text    not null default default_aws_region() references aws_regions (region),
    unique (vpc_id, region),
    unique (id, region)
);

create table subnet (
    id                         serial  primary key,
    subnet_id                  text,
    availability_zone          text    not null,
    vpc_id                     integer not null,
    cidr_block                 cidr,
    state                      text    check (state in ('pending', 'available')),
    available_ip_address_count integer,
    owner_id                   text,
    subnet_arn                 text,
    region                     text    not null default default_aws_region() references aws_regions (region),
    unique (subnet_id, region),
    unique (id, region),
    -- A subnet lives in its VPC's region and in one of that region's zones.
    foreign key (vpc_id, region) references vpc (id, region),
    foreign key (availability_zone, region) references availability_zone (name, region)
);

create table internet_gateway (
    id                  serial  primary key,
    internet_gateway_id text,
    -- The VPC it is attached to, if any.
    vpc_id              integer,
    tags                jsonb,
    region              text    not null default default_aws_region() references aws_regions (region),
    unique (internet_gateway_id, region),
    foreign key (vpc_id, region) references vpc (id, region)
);

create table route_table (
    id             serial  primary key,
    route_table_id text,
    vpc_id         integer not null,
    tags           jsonb,
    region         text    not null default default_aws_region() references aws_regions (region),
    unique (route_table_id, region),
    unique (id, region),
    -- Deleting a VPC's row deletes its route tables' rows (and with them their routes and
    -- associations), as IaSQL's entities cascade: AWS deletes the main route table with the VPC.
    foreign key (vpc_id, region) references vpc (id, region) on delete cascade
);

-- A route is known by its table and destination; its target is one of the *_id columns, as AWS names it.
create table route (
    id                        serial  primary key,
    route_table_id            integer not null,
    destination               text    not null,
    gateway_id                text,
    nat_gateway_id            text,
    instance_id               text,
    vpc_peering_connection_id text,
    transit_gateway_id        text,
    state                     text,
    origin                    text,
    region                    text    not null default default_aws_region() references aws_regions (region),
    egress_only_internet_gateway_id text,
    local_gateway_id          text,
    carrier_gateway_id        text,
    core_network_arn          text,
    -- The account of the instance a route leads to; the cloud's.
    instance_owner_id         text,
    -- IaSQL's columns for the destination, one per kind: each is destination when it is of its kind
    -- (the trigger below), so that a script may write either form.
    destination_cidr_block      text,
    destination_ipv6_cidr_block text,
    destination_prefix_list_id  text,
    unique (route_table_id, destination),
    foreign key (route_table_id, region) references route_table (id, region) on delete cascade
);

-- Whichever form a statement sets is the destination: destination itself, or one of IaSQL's three.
-- Two that differ are refused. The three then show destination by its kind: a prefix list (pl-…),
-- an IPv6 block (with a colon), or an IPv4 block.
create or replace function route_destination() returns trigger language plpgsql as $$
declare
    given text[] := array[]::text[];
    alias text;
    aliases text[] := array[new.destination_cidr_block, new.destination_ipv6_cidr_block,
                            new.destination_prefix_list_id];
    previous text[] := case when tg_op = 'UPDATE' then array[old.destination_cidr_block,
                            old.destination_ipv6_cidr_block, old.destination_prefix_list_id] end;
begin
    for i in 1 .. 3 loop
        alias := aliases[i];
        if alias is not null and (tg_op = 'INSERT' or alias is distinct from previous[i]) then
            given := given || alias;
        end if;
    end loop;
    if new.destination is null or (tg_op = 'UPDATE' and new.destination is not distinct from old.destination
                                   and cardinality(given) > 0) then
        new.destination := given[1];
    end if;
    foreach alias in array given loop
        if alias is distinct from new.destination then
            raise exception 'route %: its destination is % but % is given too; they are one destination, set one',
                coalesce(new.id::text, '(new)'), new.destination, alias
                using errcode = '23514';
        end if;
    end loop;
    new.destination_prefix_list_id := case when new.destination like 'pl-%' then new.destination end;
    new.destination_ipv6_cidr_block := case when new.destination not like 'pl-%' and new.destination like '%:%'
                                            then new.destination end;
    new.destination_cidr_block := case when new.destination not like 'pl-%' and new.destination not like '%:%'
                                       then new.destination end;
    return new;
end
$$;

create trigger route_destination before insert or update on route
    for each row execute function route_destination();

create table route_table_association (
    id                         serial  primary key,
    route_table_association_id text,
    route_table_id             integer not null,
    -- null for the main association, which binds the table to its VPC rather than to a subnet.
    subnet_id                  integer,
    is_main                    boolean not null default false,
    region                     text    not null default default_aws_region() references aws_regions (region),
    -- IaSQL's column: the VPC of the route table, filled from it by the trigger below when left out.
    vpc_id                     integer not null,
    unique (route_table_association_id, region),
    foreign key (route_table_id, region) references route_table (id, region) on delete cascade,
    foreign key (subnet_id, region) references subnet (id, region),
    foreign key (vpc_id, region) references vpc (id, region) on delete cascade
);

-- AWS associates a route table only with subnets of its own VPC, and the main association binds the
-- table to that VPC: vpc_id is always the route table's, so a row may leave it out (IaSQL's scripts
-- give it), and one that names another VPC is refused here rather than by the cloud at commit.
create or replace function route_table_association_vpc() returns trigger language plpgsql as $$
declare
    table_vpc integer;
begin
    select vpc_id into table_vpc from route_table where id = new.route_table_id;
    if new.vpc_id is null then
        new.vpc_id := table_vpc;
    elsif table_vpc is not null and new.vpc_id <> table_vpc then
        raise exception 'route_table_association % names vpc % but its route table % is in vpc %',
            coalesce(new.id::text, '(new)'), new.vpc_id, new.route_table_id, table_vpc
            using errcode = '23514',
                  hint = 'An association binds a route table to a subnet of the same VPC: leave vpc_id out, or name the route table''s VPC.';
    end if;
    return new;
end
$$;

create trigger route_table_association_vpc before insert or update of route_table_id, vpc_id
    on route_table_association for each row execute function route_table_association_vpc();

-- aws_ec2: key pairs, instances and the security groups of each instance (IaSQL's names).
create table key_pair (
    id          serial primary key,
    key_pair_id text,
    name        text   not null,
    fingerprint text,
    public_key  text,
    region      text   not null default default_aws_region() references aws_regions (region),
    -- rsa or ed25519: the key's, as EC2 reports it (IaSQL's column).
    type        text,
    unique (key_pair_id, region),
    unique (name, region)
);

create table instance (
    id            serial primary key,
    instance_id   text,
    ami           text   not null,
    instance_type text   not null,
    key_pair_name text,
    -- hibernate: users ask for it (IaSQL's state); EC2 then reports the instance stopped.
    state         text   not null default 'running'
                  check (state in ('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'hibernate')),
    user_data     text,
    tags          jsonb,
    subnet_id     integer,
    region        text   not null default default_aws_region() references aws_regions (region),
    hibernation_enabled boolean not null default false,
    unique (instance_id, region),
    unique (id, region),
    -- No foreign key to key_pair: EC2 lets a key pair be deleted while instances still name it.
    foreign key (subnet_id, region) references subnet (id, region)
);

-- IaSQL's link table; the id column is ours, so that a sync can address each link.
create table instance_security_groups (
    id                serial  primary key,
    instance_id       integer not null,
    security_group_id integer not null,
    region            text    not null default default_aws_region() references aws_regions (region),
    unique (instance_id, security_group_id),
    foreign key (instance_id, region) references instance (id, region) on delete cascade,
    foreign key (security_group_id, region) references security_group (id, region)
);

-- IaSQL's key pair functions, answered by the engine (see V3). They act in the cloud at once, with
-- or without an open transaction, and the key_pair row appears: key_pair_request returns the
-- private key once, and Tablecloud keeps it nowhere.
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
$$;

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
$$;

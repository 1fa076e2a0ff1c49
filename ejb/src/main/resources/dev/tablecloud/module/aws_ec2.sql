-- aws_ec2: key pairs, instances and the security groups of each instance (IaSQL's names).
create table key_pair (
    id          serial primary key,
    key_pair_id text,
    name        text   not null,
    fingerprint text,
    public_key  text,
    region      text   not null default default_aws_region() references aws_regions (region),
    unique (key_pair_id, region),
    unique (name, region)
);

create table instance (
    id            serial primary key,
    instance_id   text,
    ami           text   not null,
    instance_type text   not null,
    key_pair_name text,
    state         text   not null default 'running'
                  check (state in ('pending', 'running', 'stopping', 'stopped', 'shutting-down')),
    user_data     text,
    tags          jsonb,
    subnet_id     integer,
    region        text   not null default default_aws_region() references aws_regions (region),
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

-- aws_security_group: security groups and their rules (IaSQL's table and column names).
create table security_group (
    id          serial  primary key,
    group_id    text,
    group_name  text    not null,
    description text    not null,
    owner_id    text,
    vpc_id      integer,
    region      text    not null default default_aws_region() references aws_regions (region),
    unique (group_id, region),
    unique (id, region),
    unique nulls not distinct (group_name, vpc_id, region),
    foreign key (vpc_id, region) references vpc (id, region)
);

create table security_group_rule (
    id                     serial  primary key,
    security_group_rule_id text,
    security_group_id      integer not null,
    is_egress              boolean not null,
    -- null only with a source_security_group and no ports: all TCP, UDP and ICMP from that group, as
    -- IaSQL's rule; the engine writes back the protocol and ports of the TCP rule it becomes.
    ip_protocol            text,
    from_port              integer check (from_port between -1 and 65535),
    to_port                integer check (to_port between -1 and 65535),
    cidr_ipv4              cidr,
    cidr_ipv6              cidr,
    source_security_group  integer references security_group (id),
    description            text,
    region                 text    not null default default_aws_region() references aws_regions (region),
    -- A managed prefix list as the source or destination (IaSQL's column): pl-….
    prefix_list_id         text,
    unique (security_group_rule_id, region),
    foreign key (security_group_id, region) references security_group (id, region)
);

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
    ip_protocol            text    not null,
    from_port              integer check (from_port between -1 and 65535),
    to_port                integer check (to_port between -1 and 65535),
    cidr_ipv4              cidr,
    cidr_ipv6              cidr,
    source_security_group  integer references security_group (id),
    description            text,
    region                 text    not null default default_aws_region() references aws_regions (region),
    unique (security_group_rule_id, region),
    foreign key (security_group_id, region) references security_group (id, region)
);

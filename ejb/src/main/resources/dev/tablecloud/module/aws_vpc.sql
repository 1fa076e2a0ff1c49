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
    region               text    not null default iasql_default_region() references aws_regions (region),
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
    region                     text    not null default iasql_default_region() references aws_regions (region),
    unique (subnet_id, region),
    unique (id, region),
    -- A subnet lives in its VPC's region and in one of that region's zones.
    foreign key (vpc_id, region) references vpc (id, region),
    foreign key (availability_zone, region) references availability_zone (name, region)
);

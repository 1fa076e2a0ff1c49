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

create table internet_gateway (
    id                  serial  primary key,
    internet_gateway_id text,
    -- The VPC it is attached to, if any.
    vpc_id              integer,
    tags                jsonb,
    region              text    not null default iasql_default_region() references aws_regions (region),
    unique (internet_gateway_id, region),
    foreign key (vpc_id, region) references vpc (id, region)
);

create table route_table (
    id             serial  primary key,
    route_table_id text,
    vpc_id         integer not null,
    tags           jsonb,
    region         text    not null default iasql_default_region() references aws_regions (region),
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
    region                    text    not null default iasql_default_region() references aws_regions (region),
    unique (route_table_id, destination),
    foreign key (route_table_id, region) references route_table (id, region) on delete cascade
);

create table route_table_association (
    id                         serial  primary key,
    route_table_association_id text,
    route_table_id             integer not null,
    -- null for the main association, which binds the table to its VPC rather than to a subnet.
    subnet_id                  integer,
    is_main                    boolean not null default false,
    region                     text    not null default iasql_default_region() references aws_regions (region),
    unique (route_table_association_id, region),
    foreign key (route_table_id, region) references route_table (id, region) on delete cascade,
    foreign key (subnet_id, region) references subnet (id, region)
);

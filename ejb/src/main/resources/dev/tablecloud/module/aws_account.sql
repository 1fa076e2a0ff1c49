-- aws_account: the regions of the account and their availability zones.
create table aws_regions (
    region     text    primary key,
    is_default boolean not null default false,
    is_enabled boolean not null default false
);
-- Exactly one default region.
create unique index aws_regions_one_default on aws_regions (is_default) where is_default;

create function iasql_default_region() returns text language sql stable as $$
    select region from aws_regions where is_default
$$;

create table availability_zone (
    name   text not null,
    region text not null references aws_regions (region),
    primary key (name),
    unique (name, region)
);

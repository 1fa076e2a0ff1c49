-- aws_route53: hosted zones and their record sets (IaSQL's names). Route 53 is global: no region.
create table hosted_zone (
    id             serial primary key,
    hosted_zone_id text   unique,
    domain_name    text   not null,
    comment        text
);

create table resource_record_set (
    id                    serial  primary key,
    name                  text    not null,
    record_type           text    not null,
    -- The values of the record set, one per line, as IaSQL kept them.
    record                text,
    ttl                   integer,
    parent_hosted_zone_id integer not null references hosted_zone (id) on delete cascade,
    unique (parent_hosted_zone_id, name, record_type)
);

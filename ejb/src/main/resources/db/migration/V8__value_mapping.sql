-- Value mappings of an environment: applied to SQL exported for it from another one (DESIGN §5).
create table value_mapping (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    kind             varchar(20)   not null check (kind in ('value', 'region', 'availability_zone', 'name')),
    table_name       varchar(63),
    column_name      varchar(63),
    from_value       varchar(1000) not null,
    to_value         varchar(1000) not null
);
-- One mapping of a value in a place: a second one could only contradict the first.
create unique index value_mapping_once
    on value_mapping (environment_name, kind, coalesce(table_name, ''), coalesce(column_name, ''), from_value);

-- aws_route53: hosted zones and their record sets (IaSQL's names). Route 53 is global: no region.

-- Route 53 answers every name absolute (with a trailing dot), and any character other than a
-- letter, digit, hyphen or underscore as a backslash and three octal digits (* as \052). Rows keep
-- names as Route 53 answers them, however users write them, so that a row equals its resource; a
-- backslash is taken as the start of an escape already written.
create function route53_name(name text) returns text language plpgsql immutable as $$
declare
    answer text := '';
    c text;
    code integer;
begin
    if name is null then
        return null;
    end if;
    foreach c in array regexp_split_to_array(name, '') loop
        code := ascii(c);
        if c ~ '[A-Za-z0-9._\\-]' or code <= 32 or code >= 127 then
            answer := answer || c;
        else
            answer := answer || '\' || (code / 64) || (code / 8 % 8) || (code % 8);
        end if;
    end loop;
    return case when answer like '%.' then answer else answer || '.' end;
end
$$;

create function route53_names() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'hosted_zone' then
        new.domain_name := route53_name(new.domain_name);
    else
        new.name := route53_name(new.name);
    end if;
    return new;
end
$$;

create table hosted_zone (
    id             serial primary key,
    hosted_zone_id text   unique,
    domain_name    text   not null,
    comment        text
);

create trigger hosted_zone_names before insert or update of domain_name on hosted_zone
    for each row execute function route53_names();

-- A zone renamed by users takes its record sets along, as IaSQL does: names in the old domain move
-- to the new one (www.old.example. becomes www.new.example.), so that the commit can make them in
-- the new zone, which holds only names of its own domain. The zone's own SOA and NS stay as they
-- are: they go with the old zone, and the new zone comes with its own, which the sync after the
-- commit reads. The engine's own writes (a sync, a commit's write-back) mirror the cloud and
-- rename nothing.
create function route53_rename_records() returns trigger language plpgsql as $$
begin
    if coalesce(nullif(current_setting('tablecloud.change_type', true), ''), 'user') not in ('SYNC', 'APPLY') then
        update resource_record_set
            set name = left(name, length(name) - length(old.domain_name)) || new.domain_name
            where parent_hosted_zone_id = new.id
              and (name = old.domain_name or right(name, length(old.domain_name) + 1) = '.' || old.domain_name)
              and not (name = old.domain_name and record_type in ('SOA', 'NS'));
    end if;
    return null;
end
$$;

create trigger hosted_zone_renames_records after update of domain_name on hosted_zone
    for each row when (old.domain_name is distinct from new.domain_name)
    execute function route53_rename_records();

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

create trigger resource_record_set_names before insert or update of name on resource_record_set
    for each row execute function route53_names();

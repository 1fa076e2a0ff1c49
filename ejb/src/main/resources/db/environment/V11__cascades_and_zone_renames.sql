-- Deleting a vpc row deletes its route_table rows, and through their own cascades their routes and
-- route table associations, as IaSQL's entities declare (route_table.vpc ON DELETE CASCADE) and as
-- new installs of aws_vpc create it. Environments that installed aws_vpc before get the same
-- foreign key here; those without the module are left alone (installing it creates the new one).
do $$
begin
    if to_regclass('public.route_table') is not null then
        alter table route_table drop constraint if exists route_table_vpc_id_region_fkey;
        alter table route_table add constraint route_table_vpc_id_region_fkey
            foreign key (vpc_id, region) references vpc (id, region) on delete cascade;
    end if;
end
$$;

-- A hosted zone renamed by users renames its record sets along, as IaSQL does and as new installs
-- of aws_route53 create it (see aws_route53.sql): here for environments that installed it before.
do $$
begin
    if to_regclass('public.hosted_zone') is not null then
        create or replace function route53_rename_records() returns trigger language plpgsql as $body$
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
        $body$;
        drop trigger if exists hosted_zone_renames_records on hosted_zone;
        create trigger hosted_zone_renames_records after update of domain_name on hosted_zone
            for each row when (old.domain_name is distinct from new.domain_name)
            execute function route53_rename_records();
    end if;
end
$$;

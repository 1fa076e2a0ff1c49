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

-- Columns IaSQL has that the modules' first tables lacked. New installs get them from the module
-- DDL (dev/tablecloud/module/aws_*.sql); this brings tables installed before up to the same shape.

-- aws_ec2: hibernation, and the state users write to hibernate a running instance.
alter table if exists instance add column if not exists hibernation_enabled boolean not null default false;
alter table if exists instance drop constraint if exists instance_state_check;
alter table if exists instance add constraint instance_state_check
    check (state in ('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'hibernate'));

-- aws_security_group: a rule may name only its source group (IaSQL's rule from a group).
alter table if exists security_group_rule alter column ip_protocol drop not null;

-- aws_vpc: route_table_association.vpc_id, the VPC of the association's route table, kept so by a
-- trigger (the same as in aws_vpc.sql); rows there already get it from their route tables.
do $$
begin
    if to_regclass('route_table_association') is null then
        return;
    end if;
    alter table route_table_association add column if not exists vpc_id integer;
    alter table route_table_association add constraint route_table_association_vpc_id_region_fkey
        foreign key (vpc_id, region) references vpc (id, region) on delete cascade;
    execute $fn$
        create or replace function route_table_association_vpc() returns trigger language plpgsql as $body$
        declare
            table_vpc integer;
        begin
            select vpc_id into table_vpc from route_table where id = new.route_table_id;
            if new.vpc_id is null then
                new.vpc_id := table_vpc;
            elsif table_vpc is not null and new.vpc_id <> table_vpc then
                raise exception 'route_table_association % names vpc % but its route table % is in vpc %',
                    coalesce(new.id::text, '(new)'), new.vpc_id, new.route_table_id, table_vpc
                    using errcode = '23514',
                          hint = 'An association binds a route table to a subnet of the same VPC: leave vpc_id out, or name the route table''s VPC.';
            end if;
            return new;
        end
        $body$
    $fn$;
    create trigger route_table_association_vpc before insert or update of route_table_id, vpc_id
        on route_table_association for each row execute function route_table_association_vpc();
    update route_table_association a set vpc_id = t.vpc_id from route_table t
        where t.id = a.route_table_id and a.vpc_id is null;
    alter table route_table_association alter column vpc_id set not null;
end
$$;

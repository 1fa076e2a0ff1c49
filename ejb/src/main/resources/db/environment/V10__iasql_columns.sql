-- Columns IaSQL has that the modules' first tables lacked. New installs get them from the module
-- DDL (dev/tablecloud/module/aws_*.sql); this brings tables installed before up to the same shape.

-- aws_ec2: hibernation, and the state users write to hibernate a running instance.
alter table if exists instance add column if not exists hibernation_enabled boolean not null default false;
alter table if exists instance drop constraint if exists instance_state_check;
alter table if exists instance add constraint instance_state_check
    check (state in ('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'hibernate'));

-- aws_security_group: a rule may name only its source group (IaSQL's rule from a group).
alter table if exists security_group_rule alter column ip_protocol drop not null;
-- and may have a managed prefix list as its source or destination.
alter table if exists security_group_rule add column if not exists prefix_list_id text;

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

-- aws_ec2: a key pair's type.
alter table if exists key_pair add column if not exists type text;

-- aws_s3: bucket.policy_document, IaSQL's name for the policy (the same as in aws_s3.sql).
do $$
begin
    if to_regclass('bucket') is null then
        return;
    end if;
    alter table bucket add column if not exists policy_document jsonb;
    execute $fn$
        create or replace function bucket_policy_document() returns trigger language plpgsql as $body$
        begin
            if tg_op = 'INSERT' then
                if new.policy is null then
                    new.policy := new.policy_document;
                elsif new.policy_document is not null and new.policy_document <> new.policy then
                    raise exception 'bucket %: policy and policy_document differ; they are one policy, set either', new.name
                        using errcode = '23514';
                end if;
            elsif new.policy_document is distinct from old.policy_document then
                if new.policy is not distinct from old.policy then
                    new.policy := new.policy_document;
                elsif new.policy_document is distinct from new.policy then
                    raise exception 'bucket %: policy and policy_document differ; they are one policy, set either', new.name
                        using errcode = '23514';
                end if;
            end if;
            new.policy_document := new.policy;
            return new;
        end
        $body$
    $fn$;
    create trigger bucket_policy_document before insert or update of policy, policy_document on bucket
        for each row execute function bucket_policy_document();
    update bucket set policy_document = policy where policy is not null;
end
$$;

-- aws_vpc: IaSQL's route columns: more targets, the owner of a target instance, and the
-- destination by its kind (the same as in aws_vpc.sql); rows there already get them from it.
do $$
begin
    if to_regclass('route') is null then
        return;
    end if;
    alter table route add column if not exists egress_only_internet_gateway_id text,
                      add column if not exists local_gateway_id text,
                      add column if not exists carrier_gateway_id text,
                      add column if not exists core_network_arn text,
                      add column if not exists instance_owner_id text,
                      add column if not exists destination_cidr_block text,
                      add column if not exists destination_ipv6_cidr_block text,
                      add column if not exists destination_prefix_list_id text;
    execute $fn$
        create or replace function route_destination() returns trigger language plpgsql as $body$
        declare
            given text[] := array[]::text[];
            alias text;
            aliases text[] := array[new.destination_cidr_block, new.destination_ipv6_cidr_block,
                                    new.destination_prefix_list_id];
            previous text[] := case when tg_op = 'UPDATE' then array[old.destination_cidr_block,
                                    old.destination_ipv6_cidr_block, old.destination_prefix_list_id] end;
        begin
            for i in 1 .. 3 loop
                alias := aliases[i];
                if alias is not null and (tg_op = 'INSERT' or alias is distinct from previous[i]) then
                    given := given || alias;
                end if;
            end loop;
            if new.destination is null or (tg_op = 'UPDATE' and new.destination is not distinct from old.destination
                                           and cardinality(given) > 0) then
                new.destination := given[1];
            end if;
            foreach alias in array given loop
                if alias is distinct from new.destination then
                    raise exception 'route %: its destination is % but % is given too; they are one destination, set one',
                        coalesce(new.id::text, '(new)'), new.destination, alias
                        using errcode = '23514';
                end if;
            end loop;
            new.destination_prefix_list_id := case when new.destination like 'pl-%' then new.destination end;
            new.destination_ipv6_cidr_block := case when new.destination not like 'pl-%' and new.destination like '%:%'
                                                    then new.destination end;
            new.destination_cidr_block := case when new.destination not like 'pl-%' and new.destination not like '%:%'
                                               then new.destination end;
            return new;
        end
        $body$
    $fn$;
    create trigger route_destination before insert or update on route
        for each row execute function route_destination();
    update route set destination = destination;
end
$$;

-- Columns IaSQL has that the modules' first tables lacked. New installs get them from the module
-- DDL (dev/tablecloud/module/aws_*.sql); this brings tables installed before up to the same shape.

-- aws_ec2: hibernation, and the state users write to hibernate a running instance.
alter table if exists instance add column if not exists hibernation_enabled boolean not null default false;
alter table if exists instance drop constraint if exists instance_state_check;
alter table if exists instance add constraint instance_state_check
    check (state in ('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'hibernate'));

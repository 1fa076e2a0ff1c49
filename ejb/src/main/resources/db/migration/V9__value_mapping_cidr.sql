-- cidr mappings: a block moves with the blocks and addresses inside it.
alter table value_mapping drop constraint value_mapping_kind_check;
alter table value_mapping add constraint value_mapping_kind_check
    check (kind in ('value', 'region', 'availability_zone', 'cidr', 'name'));

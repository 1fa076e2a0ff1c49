-- aws_s3: buckets. Bucket names are global, so the name is the key; the region is where it lives.
create table bucket (
    name       text        primary key,
    policy     jsonb,
    tags       jsonb,
    created_at timestamptz,
    region     text        not null default default_aws_region() references aws_regions (region),
    -- IaSQL's name for the policy: always the same value as policy (the trigger below).
    policy_document jsonb
);

-- Scripts written for IaSQL set policy_document, others policy: whichever a statement sets is the
-- policy, and the other column follows. Setting both to different values is refused.
create or replace function bucket_policy_document() returns trigger language plpgsql as $$
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
$$;

create trigger bucket_policy_document before insert or update of policy, policy_document on bucket
    for each row execute function bucket_policy_document();

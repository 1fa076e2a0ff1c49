-- aws_s3: buckets. Bucket names are global, so the name is the key; the region is where it lives.
create table bucket (
    name       text        primary key,
    policy     jsonb,
    tags       jsonb,
    created_at timestamptz,
    region     text        not null default default_aws_region() references aws_regions (region)
);

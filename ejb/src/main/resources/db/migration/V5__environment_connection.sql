-- How an environment authenticates to its AWS account. Without a row: the default provider chain.
-- The secret access key is stored only encrypted (AES-GCM, key TABLECLOUD_SECRET_KEY).
create table environment_connection (
    environment_name            varchar(63)  primary key references environment (name) on delete cascade,
    credentials_type            varchar(20)  not null
                                check (credentials_type in ('default-chain', 'access-key', 'assume-role')),
    access_key_id               varchar(128),
    secret_access_key_encrypted varchar(512),
    role_arn                    varchar(2048),
    external_id                 varchar(1224),
    updated_at                  timestamptz  not null default now(),
    check ((credentials_type = 'access-key') = (access_key_id is not null and secret_access_key_encrypted is not null)),
    check ((credentials_type = 'assume-role') = (role_arn is not null))
);

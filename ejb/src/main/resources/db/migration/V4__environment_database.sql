-- Each environment's own PostgreSQL database: where it is and the roles that reach it.
-- The restricted role's password is stored only encrypted (AES-GCM, key TABLECLOUD_SECRET_KEY).
create table environment_database (
    environment_id          bigint        primary key references environment (id) on delete cascade,
    database_name           varchar(63)   not null,
    jdbc_url                varchar(2048) not null,
    engine_role             varchar(63)   not null,
    user_role               varchar(63)   not null,
    user_password_encrypted varchar(512)  not null,
    created_at              timestamptz   not null default now()
);

-- Users' roles in environment databases must not reach the control database at all.
do $$
begin
    execute format('revoke connect on database %I from public', current_database());
end
$$;

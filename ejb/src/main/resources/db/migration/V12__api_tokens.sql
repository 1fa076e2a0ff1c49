-- Personal API tokens (issue 15): a script sends one as "Authorization: Bearer <token>" and acts as
-- its owner, with the owner's roles. Only a SHA-256 of the token is kept: the token itself is shown
-- once, when it is created. A revoked token keeps its row, so that the refusal can say why.
create table api_token (
    id           bigserial    primary key,
    user_name    varchar(63)  not null references app_user (name) on delete cascade,
    name         varchar(100) not null,
    secret_hash  char(64)     not null unique,
    -- The first characters of the token, so its owner can tell their tokens apart.
    prefix       varchar(16)  not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(63)
);
create index api_token_user on api_token (user_name);

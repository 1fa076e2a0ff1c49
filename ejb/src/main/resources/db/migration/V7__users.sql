-- People who use Tablecloud, and what they may do in which environment (DESIGN §9).
create table app_user (
    name          varchar(63)  primary key check (name ~ '^[a-z][a-z0-9._-]*$'),
    password_hash varchar(200) not null,
    created_at    timestamptz  not null default now()
);

-- environment_name null: the role holds in every environment, present and future.
create table role_grant (
    id               bigserial   primary key,
    user_name        varchar(63) not null references app_user (name) on delete cascade,
    environment_name varchar(63) references environment (name) on delete cascade,
    role             varchar(20) not null check (role in ('viewer', 'author', 'reviewer', 'admin'))
);
create unique index role_grant_once on role_grant (user_name, coalesce(environment_name, ''), role);

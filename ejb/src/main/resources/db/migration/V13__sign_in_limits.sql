-- Failed sign-ins, counted per user and per client address in the control database so that every
-- node of the installation agrees (issue 15). A row exists only while there are failures to count.
create table sign_in_throttle (
    key             varchar(120) primary key,
    failures        integer      not null,
    last_failure_at timestamptz  not null,
    blocked_until   timestamptz
);

-- Every refused sign-in, for admins to see (GET /api/v1/sign-in-refusals).
create table sign_in_refusal (
    id        bigserial    primary key,
    at        timestamptz  not null default now(),
    user_name varchar(200) not null,
    address   varchar(64)  not null,
    reason    varchar(200) not null
);
create index sign_in_refusal_at on sign_in_refusal (at);
create index sign_in_refusal_user on sign_in_refusal (user_name, at);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);

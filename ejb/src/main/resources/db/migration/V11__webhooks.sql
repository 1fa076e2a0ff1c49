-- Webhooks of an environment (DESIGN §6): where its review events are posted, and every delivery
-- and attempt, so that a receiver's outage is visible rather than silent.

create table webhook (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    -- the order the environment's admins gave them in
    position         integer       not null,
    url              varchar(2000) not null,
    -- SecretBox (AES-256-GCM with TABLECLOUD_SECRET_KEY): the HMAC key is never stored in clear
    secret_encrypted text          not null,
    -- the event labels it is sent, comma-separated; null: every event
    events           varchar(400),
    unique (environment_name, url)
);

-- A delivery keeps the address it was sent to: replacing the webhooks must not erase the record.
create table webhook_delivery (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    webhook_id       bigint        references webhook (id) on delete set null,
    url              varchar(2000) not null,
    event_id         bigint        not null,
    event_kind       varchar(20)   not null,
    review_id        bigint        not null,
    status           varchar(10)   not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer       not null default 0,
    last_http_status integer,
    last_error       varchar(1000),
    created_at       timestamptz   not null,
    last_attempt_at  timestamptz,
    finished_at      timestamptz
);
create index webhook_delivery_recent on webhook_delivery (environment_name, id desc);

create table webhook_attempt (
    id          bigserial     primary key,
    delivery_id bigint        not null references webhook_delivery (id) on delete cascade,
    number      integer       not null,
    started_at  timestamptz   not null,
    millis      bigint        not null,
    -- the receiver's answer, or null when none came (refused, timed out…)
    http_status integer,
    error       varchar(1000),
    unique (delivery_id, number)
);

-- Reviews and approvals (DESIGN §6): each environment's policy, the reviews of its transactions,
-- their frozen revisions, the decisions and comments on them, and the history of it all.

-- No row: the default policy (no approval needed, IaSQL's behaviour).
create table review_policy (
    environment_name   varchar(63) primary key references environment (name) on delete cascade,
    approvals_required integer     not null check (approvals_required between 0 and 5),
    self_approval      boolean     not null,
    rejection_blocks   boolean     not null,
    approver_role      varchar(20) not null check (approver_role in ('reviewer', 'admin'))
);

create table review (
    id               bigserial     primary key,
    environment_name varchar(63)   not null references environment (name) on delete cascade,
    transaction_id   bigint        not null,
    title            varchar(200)  not null,
    description      text          not null,
    opened_by        varchar(63)   not null,
    opened_at        timestamptz   not null,
    -- open while its transaction is; then committed or rolled_back
    state            varchar(20)   not null check (state in ('open', 'committed', 'rolled_back')),
    closed_at        timestamptz
);
-- One open review per transaction: a second would split the approvals.
create unique index review_one_open on review (environment_name, transaction_id) where state = 'open';

-- What reviewers decide on: the transaction as it was at one audit position.
create table review_revision (
    id             bigserial   primary key,
    review_id      bigint      not null references review (id) on delete cascade,
    number         integer     not null,
    -- the last user change of the transaction the revision includes, and how many there were
    audit_position bigint      not null,
    change_count   integer     not null,
    plan           text        not null,
    sql_text       text        not null,
    hash           char(64)    not null,
    -- who changed what since the previous revision, as JSON
    changes_since  text        not null,
    created_by     varchar(63) not null,
    created_at     timestamptz not null,
    unique (review_id, number)
);

create table review_decision (
    id         bigserial   primary key,
    review_id  bigint      not null references review (id) on delete cascade,
    revision   integer     not null,
    hash       char(64)    not null,
    actor      varchar(63) not null,
    decision   varchar(10) not null check (decision in ('approve', 'reject')),
    comment    text,
    decided_at timestamptz not null
);

create table review_comment (
    id               bigserial   primary key,
    review_id        bigint      not null references review (id) on delete cascade,
    revision         integer     not null,
    actor            varchar(63) not null,
    text             text        not null,
    -- set when the comment is on one line of the plan
    plan_action      varchar(10),
    plan_table       varchar(63),
    plan_row_id      varchar(200),
    commented_at     timestamptz not null
);

create table review_event (
    id          bigserial   primary key,
    review_id   bigint      not null references review (id) on delete cascade,
    kind        varchar(20) not null,
    actor       varchar(63) not null,
    revision    integer,
    detail      text,
    happened_at timestamptz not null
);
create index review_event_of_review on review_event (review_id, id);

-- Current state of the indicator catalogue, goal letters, goals, goal budgets and proposals, each derived from its
-- streams of the event log in the transaction that appends the events.

create table indicator (
    indicator_id  varchar(8)   primary key,
    name          varchar(300) not null,
    perspective   varchar(16)  not null,
    measure       varchar(8)   not null,
    direction     varchar(20)  not null,
    description   text,
    scale_min     numeric,
    scale_max     numeric,
    owner_unit_id varchar(4)   references unit (unit_id),
    version       bigint       not null
);

-- main_goals, goals and goal_ids are JSON arrays: a letter is read and replaced whole.
create table goal_letter (
    letter_id      varchar(36)  primary key,
    year           integer      not null,
    issuer_unit_id varchar(4)   not null references unit (unit_id),
    title          varchar(300) not null,
    main_goals     text         not null,
    goals          text         not null,
    status         varchar(16)  not null,
    goal_ids       text         not null,
    version        bigint       not null
);

create index goal_letter_by_year on goal_letter (year, issuer_unit_id);

create table goal (
    goal_id          varchar(36) primary key,
    indicator_id     varchar(8)  not null references indicator (indicator_id),
    year             integer     not null,
    classification   varchar(16) not null,
    target           numeric,
    origin           varchar(16) not null,
    source_unit_id   varchar(4)  not null references unit (unit_id),
    letter_id        varchar(36) references goal_letter (letter_id),
    main_goal        varchar(200),
    local_adjustment varchar(16),
    proposal_id      varchar(36),
    rationale        text,
    status           varchar(16) not null,
    version          bigint      not null
);

create index goal_by_year on goal (year, status);

create table goal_budget (
    budget_id          varchar(16) primary key,
    unit_id            varchar(4)  not null references unit (unit_id),
    year               integer     not null,
    max_steering_goals integer     not null
);

create unique index goal_budget_unit_year on goal_budget (unit_id, year);

create table goal_proposal (
    proposal_id     varchar(36) primary key,
    unit_id         varchar(4)  not null references unit (unit_id),
    indicator_id    varchar(8)  not null references indicator (indicator_id),
    year            integer     not null,
    classification  varchar(16) not null,
    target          numeric,
    rationale       text,
    status          varchar(16) not null,
    proposed_by     varchar(200) not null,
    decided_by      varchar(200),
    decision_reason text,
    goal_id         varchar(36),
    version         bigint      not null
);

create index goal_proposal_by_unit on goal_proposal (unit_id, status);

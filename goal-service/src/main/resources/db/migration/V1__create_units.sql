-- Current state of the organisation, derived from the unit streams of the event log in the same transaction.
create table unit (
    unit_id   varchar(4)  primary key,
    name      varchar(200) not null,
    level     varchar(16)  not null,
    parent_id varchar(4)   references unit (unit_id),
    version   bigint       not null
);

create unique index unit_one_national on unit (level) where level = 'NATIONAL';

-- The dated hierarchy: the unit belonged to parent_id from valid_from on (null: from the beginning).
create table unit_parent (
    id         bigint generated always as identity primary key,
    unit_id    varchar(4) not null references unit (unit_id),
    parent_id  varchar(4) not null references unit (unit_id),
    valid_from varchar(7)
);

create index unit_parent_by_unit on unit_parent (unit_id);
create index unit_by_parent on unit (parent_id);

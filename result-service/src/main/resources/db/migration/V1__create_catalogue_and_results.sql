-- The organisation and the indicator catalogue as result-service learns them from mrs.goal-events.
-- version = the stream version of the last goal event applied, so that a replayed older event changes nothing.
create table catalogue_unit (
    unit_id   text primary key,
    level     text   not null,
    parent_id text,
    version   bigint not null
);

-- The dated hierarchy: the unit belonged to parent_id from valid_from (YYYY-MM; null: from the beginning).
create table catalogue_unit_parent (
    id         bigint generated always as identity primary key,
    unit_id    text not null,
    parent_id  text not null,
    valid_from text
);
create index catalogue_unit_parent_unit_idx on catalogue_unit_parent (unit_id);

create table catalogue_indicator (
    indicator_id  text primary key,
    measure       text   not null,
    scale_min     numeric,
    scale_max     numeric,
    owner_unit_id text,
    version       bigint not null
);

-- Every version of every result, one row per measurementId (the client's idempotency key): the history.
create table result_measurement (
    measurement_id    text primary key,
    unit_id           text        not null,
    indicator_id      text        not null,
    period            text        not null,
    stream_version    bigint      not null,
    numerator         numeric,
    denominator       numeric,
    value             numeric,
    comment           text,
    correction_reason text,
    actor             text        not null,
    received_at       timestamptz not null,
    constraint result_measurement_version_uk unique (unit_id, indicator_id, period, stream_version)
);

-- The current value per (unit, indicator, period); version = the result stream's version.
create table result_current (
    unit_id           text        not null,
    indicator_id      text        not null,
    period            text        not null,
    measurement_id    text        not null,
    numerator         numeric,
    denominator       numeric,
    value             numeric,
    comment           text,
    correction_reason text,
    actor             text        not null,
    received_at       timestamptz not null,
    version           bigint      not null,
    primary key (unit_id, indicator_id, period)
);

-- Closed months.
create table period_lock (
    period    text primary key,
    reason    text,
    actor     text        not null,
    locked_at timestamptz not null
);

-- The read models of reporting-service live in two identical schemas, slot_a and slot_b. One is active (the API
-- and the live consumer use it); a rebuild replays the topics into the other, emptied first, and then switches
-- the pointer in read_model_slot in one transaction. The tables are compact: figures are aggregated in memory
-- when read, so the tables hold only what the events said (office figures, units, indicators, goals).

create function create_read_model(slot text) returns void language plpgsql as $$
begin
    execute format('create schema %I', slot);

    -- The organisation: a unit and the spells of its parents (valid_from null: from the beginning).
    execute format('create table %I.unit (
        unit_id text primary key,
        name    text not null,
        level   text not null)', slot);
    execute format('create table %I.unit_parent (
        unit_id    text    not null,
        seq        integer not null,
        parent_id  text    not null,
        valid_from text,
        primary key (unit_id, seq))', slot);

    -- The indicator catalogue.
    execute format('create table %I.indicator (
        indicator_id  text primary key,
        name          text not null,
        perspective   text not null,
        measure       text not null,
        direction     text not null,
        description   text,
        scale_min     numeric,
        scale_max     numeric,
        owner_unit_id text)', slot);

    -- Goals as they stand now (revisions replace the target; retired_from: the first month it no longer counts).
    execute format('create table %I.goal (
        goal_id          text primary key,
        indicator_id     text    not null,
        year             integer not null,
        classification   text    not null,
        target           numeric,
        origin           text    not null,
        source_unit_id   text    not null,
        letter_id        text,
        main_goal        text,
        local_adjustment text,
        proposal_id      text,
        retired_from     text)', slot);

    -- The current figure of each office, indicator and month (a correction replaces it).
    execute format('create table %I.result (
        unit_id        text not null,
        indicator_id   text not null,
        period         text not null,
        numerator      numeric,
        denominator    numeric,
        value          numeric,
        comment        text,
        measurement_id text,
        primary key (unit_id, indicator_id, period))', slot);

    -- Idempotency: the last version applied of each stream (a duplicate or redelivered event is skipped) ...
    execute format('create table %I.stream_position (
        stream_id text primary key,
        version   bigint not null)', slot);
    -- ... and the next offset to apply of each partition, with the time of the last event applied there.
    execute format('create table %I.partition_position (
        topic       text        not null,
        partition   integer     not null,
        next_offset bigint      not null,
        event_time  timestamptz,
        applied_at  timestamptz not null,
        primary key (topic, partition))', slot);
end $$;

select create_read_model('slot_a');
select create_read_model('slot_b');
drop function create_read_model(text);

-- Which slot the API reads (exactly one row).
create table read_model_slot (
    id          integer primary key check (id = 1),
    active      text        not null check (active in ('slot_a', 'slot_b')),
    switched_at timestamptz not null default now()
);
insert into read_model_slot (id, active) values (1, 'slot_a');

-- Rebuild requests and their progress.
create table rebuild (
    rebuild_id     uuid primary key,
    state          text        not null,
    target_slot    text        not null,
    events_total   bigint      not null,
    events_applied bigint      not null,
    requested_by   text        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    error          text
);

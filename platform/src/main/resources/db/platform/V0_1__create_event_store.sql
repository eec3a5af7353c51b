-- The platform's tables, shared by every MRS service's own database (migrations under db/platform are
-- versioned 0.x so that they run before a service's own V1+).

-- The append-only event log: the source of truth. One stream per aggregate; the (stream_id, stream_version)
-- constraint gives optimistic concurrency.
create table event_log (
    position       bigint generated always as identity primary key,
    event_id       uuid        not null unique,
    stream_id      text        not null,
    stream_version bigint      not null,
    event_type     text        not null,
    subject        text        not null,
    occurred_at    timestamptz not null,
    actor          text        not null,
    data           jsonb       not null,
    constraint event_log_stream_version_uk unique (stream_id, stream_version)
);

-- The transactional outbox: a row per event still to publish, written in the same transaction as the event.
-- The relay publishes in position order and deletes the row once the broker has acknowledged it.
create table outbox (
    position    bigint primary key references event_log (position),
    topic       text not null,
    message_key text not null
);

-- The inbox of an idempotent consumer: the ids of events already applied.
create table inbox (
    event_id     uuid primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

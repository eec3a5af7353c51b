-- The event log is the outbox (issue 16): the relay publishes event_log rows in position order from the position it
-- stored in relay_state, so the outbox table (a row inserted per event, deleted after publication) goes. How the relay
-- tells positions still in flight from final ones: OutboxRelay and docs/EVENTS.md.

-- The Kafka key, written with the event (it was the outbox row's). Rows written before have none: if they are ever
-- published again, the relay takes the key from the payload as the services always did.
alter table event_log add column message_key text;
update event_log e set message_key = o.message_key from outbox o where o.position = e.position;

-- Where publication stands: every event at or below position is on the broker (acknowledged, acks=all). One row.
create table relay_state (
    id         smallint    primary key default 1 check (id = 1),
    position   bigint      not null,
    updated_at timestamptz not null default now()
);

-- Rows still in the outbox were not published: start below the first of them (an event after it that was published
-- goes out again: at least once, as after any crash). An empty outbox: everything was published.
insert into relay_state (position)
select coalesce((select min(position) - 1 from outbox), (select max(position) from event_log), 0);

drop table outbox;

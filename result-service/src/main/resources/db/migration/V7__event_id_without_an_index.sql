-- The event id's unique index goes (issue 16): an event's id is a random UUID made in one place (EventStore, as the
-- event is appended), it is never looked up in this database, and each insert into the index touched a random page
-- of it — one more index write per result, ~3 µs of PostgreSQL's time an event measured alone and more under the
-- ingestion's concurrent batches. Consumers still tell events apart by it (the CloudEvent id); the position, the
-- stream's version and the measurement id keep their unique indexes.
alter table event_log drop constraint event_log_event_id_key;

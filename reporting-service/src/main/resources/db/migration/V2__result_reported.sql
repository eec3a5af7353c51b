-- When and by whom each office figure was first reported, for the reporting status (GET /api/reporting-status).
-- Kept in the slot only, not in memory: the status reads it on demand for the offices of one page. Null for
-- figures projected before this column existed until the next rebuild; reporter_kind is null for events
-- published before result-service said whether a system or a person submitted.
alter table slot_a.result add column reported_at timestamptz, add column reported_by text, add column reporter_kind text;
alter table slot_b.result add column reported_at timestamptz, add column reported_by text, add column reporter_kind text;

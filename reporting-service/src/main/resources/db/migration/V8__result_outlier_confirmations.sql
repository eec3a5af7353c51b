-- How many OutlierConfirmed events a figure's stream holds: they count up the stream version without being
-- corrections, so the burden's corrections (stream version - 1 - confirmations) leave them out. Existing rows: 0
-- until the rebuild the upgrade asks for anyway (an old slot's confirmed figures would count them as corrections).
alter table slot_a.result add column outlier_confirmations integer not null default 0;
alter table slot_b.result add column outlier_confirmations integer not null default 0;

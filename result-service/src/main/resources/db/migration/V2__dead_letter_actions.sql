-- What operators did with records of the dead-letter topic (mrs.result-submissions.dlq), projected from the
-- DeadLetterResubmitted/DeadLetterDiscarded events in the same transaction: at most one action per record.
create table dead_letter_action (
    topic         text        not null,
    dlq_partition integer     not null,
    dlq_offset    bigint      not null,
    action        text        not null check (action in ('RESUBMITTED', 'DISCARDED')),
    outcome       text        check (outcome in ('ACCEPTED', 'DUPLICATE')),
    reason        text        not null,
    actor         text        not null,
    acted_at      timestamptz not null,
    primary key (topic, dlq_partition, dlq_offset)
);

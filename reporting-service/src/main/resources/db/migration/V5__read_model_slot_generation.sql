-- Replicas: every switch of the active slot (a rebuild) counts up the generation, so that a replica can tell that
-- the slot it follows was replaced, even by two switches (a -> b -> a) between two of its looks. The replica
-- that saves the slot (the leader) checks it in each save's transaction, so no save lands in a replaced slot.
alter table read_model_slot add column generation bigint not null default 0;

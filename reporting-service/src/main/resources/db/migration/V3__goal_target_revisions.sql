-- Dated targets: a goal's revisions, each from a month on ("2021-06=80;2021-09=85.5", oldest month first; null:
-- never revised). goal.target is now the target the goal was set with. Goals projected before this column existed
-- keep their latest target in goal.target for every month until the next rebuild replays their revisions.
alter table slot_a.goal add column target_revisions text;
alter table slot_b.goal add column target_revisions text;

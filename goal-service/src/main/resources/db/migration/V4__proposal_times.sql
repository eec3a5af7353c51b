-- When a proposal was made and decided, for the people who read the list (the event log holds the same instants).
alter table goal_proposal add column proposed_at timestamptz;
alter table goal_proposal add column decided_at timestamptz;

update goal_proposal p set proposed_at = e.occurred_at
  from event_log e where e.stream_id = 'proposal:' || p.proposal_id and e.stream_version = 1;
update goal_proposal p set decided_at = e.occurred_at
  from event_log e where e.stream_id = 'proposal:' || p.proposal_id and e.stream_version = 2;

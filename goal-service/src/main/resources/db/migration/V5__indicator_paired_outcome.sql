-- The outcome indicator an activity indicator is meant to serve (IndicatorPaired), null when not paired.
alter table indicator add column paired_outcome varchar(8) references indicator (indicator_id);

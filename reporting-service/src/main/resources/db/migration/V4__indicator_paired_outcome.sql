-- The outcome indicator an activity indicator serves (IndicatorPaired, goal displacement), in both slots.
alter table slot_a.indicator add column paired_outcome text;
alter table slot_b.indicator add column paired_outcome text;

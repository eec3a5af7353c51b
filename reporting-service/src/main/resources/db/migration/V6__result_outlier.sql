-- The outlier check's mark on an office's figure (ResultRecorded/ResultCorrected's outlier; cleared by
-- OutlierConfirmed or a correction without a warning), in both slots. Null: not marked.
alter table slot_a.result add column outlier_figure numeric, add column outlier_low numeric, add column outlier_high numeric;
alter table slot_b.result add column outlier_figure numeric, add column outlier_low numeric, add column outlier_high numeric;

-- The outlier check's warning on the current figure (null: none) and, once a leader confirmed the figure, who, when
-- and why (the OutlierConfirmed event is the record; these columns answer the API). A correction replaces both.
alter table result_current
    add column outlier_figure              numeric,
    add column outlier_low                 numeric,
    add column outlier_high                numeric,
    add column outlier_confirmed_by        text,
    add column outlier_confirmed_at        timestamptz,
    add column outlier_confirmation_reason text;

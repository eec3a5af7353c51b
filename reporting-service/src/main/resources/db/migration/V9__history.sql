-- History for asOf reads (a scorecard "as published" at an instant): the time each current office figure became
-- known (the epoch milliseconds of the CloudEvent time that set it; null: known from the beginning), every
-- superseded version of a figure with what replaced it, and every version of each unit, indicator and goal.
-- Existing slots have no history until the rebuild that the upgrade asks for: until then their rows count as known
-- from the beginning.
create function add_history(slot text) returns void language plpgsql as $$
begin
    execute format('alter table %I.result add column known_from bigint', slot);
    -- an office figure's earlier versions, seq 0 the first; superseded_by CORRECTION (with the correction's
    -- reason) or CONFIRMATION (a leader confirmed the outlier)
    execute format('create table %I.result_version (
        unit_id               text    not null,
        indicator_id          text    not null,
        period                text    not null,
        seq                   integer not null,
        numerator             numeric,
        denominator           numeric,
        value                 numeric,
        comment               text,
        outlier_figure        numeric,
        outlier_low           numeric,
        outlier_high          numeric,
        outlier_confirmations integer not null,
        known_from            bigint,
        superseded_by         text    not null check (superseded_by in (''CORRECTION'', ''CONFIRMATION'')),
        reason                text,
        primary key (unit_id, indicator_id, period, seq))', slot);
    -- every version of a unit, indicator or goal (the current one last), as JSON
    execute format('create table %I.entity_version (
        kind       text    not null check (kind in (''UNIT'', ''INDICATOR'', ''GOAL'')),
        id         text    not null,
        seq        integer not null,
        known_from bigint,
        body       jsonb   not null,
        primary key (kind, id, seq))', slot);
end $$;

select add_history('slot_a');
select add_history('slot_b');
drop function add_history(text);

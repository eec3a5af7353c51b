-- The reporting burden and comments on aggregates, in both slots: the units' own goal budgets (GoalBudgetSet; a
-- unit without one has the default cap) and the comments of regions and the nation on their own figures
-- (FigureCommented; seq = the comment's place on its figure, 1, 2, …). Both are small: a row per unit and year,
-- a row per comment.
create function add_burden_and_comments(slot text) returns void language plpgsql as $$
begin
    execute format('create table %I.goal_budget (
        unit_id            text    not null,
        year               integer not null,
        max_steering_goals integer not null,
        primary key (unit_id, year))', slot);
    execute format('create table %I.figure_comment (
        unit_id      text        not null,
        indicator_id text        not null,
        period       text        not null,
        seq          integer     not null,
        comment      text        not null,
        author       text,
        commented_at timestamptz,
        primary key (unit_id, indicator_id, period, seq))', slot);
end $$;

select add_burden_and_comments('slot_a');
select add_burden_and_comments('slot_b');
drop function add_burden_and_comments(text);

-- Comments of a region or the nation on their own figure (FigureCommented): the read side of GET
-- /api/figure-comments, kept up to date in the transaction that appends the event. seq = the stream version.
create table figure_comment (
    unit_id      text        not null,
    indicator_id text        not null,
    period       text        not null,
    seq          bigint      not null,
    comment      text        not null,
    author       text        not null,
    commented_at timestamptz not null,
    primary key (unit_id, indicator_id, period, seq)
);

-- An office figure's row carries the version of its stream (issue 16): the save of an applied result event writes the
-- figure's row only, not a stream_position row beside it (half the rows a live batch or a rebuild saves per event),
-- and a start reads the versions with the figures. stream_position keeps the other streams (units, goals, …) and
-- the result streams saved before this migration (0 here): a load takes the greater of the two.
create function add_result_stream_version(slot text) returns void language plpgsql as $$
begin
    execute format('alter table %I.result add column stream_version bigint not null default 0', slot);
end $$;

select add_result_stream_version('slot_a');
select add_result_stream_version('slot_b');
drop function add_result_stream_version(text);

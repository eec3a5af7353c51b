-- A result's versions are read from the event log (issue 16): every ResultRecorded and ResultCorrected event already
-- holds what result_measurement held — the measurement id, the key, the figures, the comment, the correction's
-- reason and receivedAt in its data, the actor and the stream version in its columns — so writing each accepted result
-- a second time goes. The history of a key is its stream (event_log_stream_version_uk); a measurement id is found
-- by this index, which also keeps a measurement id to one event as the table's primary key did. The queries repeat
-- the predicate literally (ResultStore), so that PostgreSQL can use the index with a generic plan. A new version of
-- either event type must be added to the predicate here and there.
create unique index event_log_measurement_id_uk on event_log ((data ->> 'measurementId'))
    where event_type in ('no.mrs.result.ResultRecorded.v1', 'no.mrs.result.ResultCorrected.v1');

drop table result_measurement;

-- The event log without a global lock (issue 12). An event's `seq` is no longer drawn from a
-- sequence under an advisory lock held through commit; the writing transaction derives it from
-- its own transaction id: seq = pg_current_xact_id() * 1024 + the event's ordinal within the
-- transaction. Tailers read only below the oldest transaction still running
-- (pg_snapshot_xmin), where the log can no longer change; stream/hub.ts has the proof.
--
-- Old sequence numbers and new positions are not comparable, so the retained events are dropped
-- and the cut recorded: a client resuming from an id older than the cut gets `reset` and
-- refetches, which is what retention already promised.
insert into settings (key, value)
  select 'events_pruned_through', max(seq)::text from events having count(*) > 0
  on conflict (key) do update set value = greatest(settings.value::float8, excluded.value::float8)::text;

drop table events;

create table events (
  seq bigint primary key,
  session_id text collate "C" not null,
  doc jsonb not null,
  prev jsonb
);

-- Session Lens schema, version 2: who may write a session's activity (A19).
-- `writer` names the principal that started the session:
--   member:<member id>  a member's token started it;
--   agent:<agent id>    an agent runtime's token started it (any token of that agent writes);
--   owner:<member id>   recorded before this migration, when the server kept no writer: any
--                       token the owning member holds (member or agent), or a token of the
--                       agent the session runs on, writes it, as before.
-- A null writer (rows a seed inserts without one) means the same as owner:<owner_id>.
alter table sessions add column writer text collate "C";

update sessions set writer = 'owner:' || owner_id where writer is null;

-- Search inside the work (A12, issue 15). `content` matches the redacted transcript — message
-- text, tool names with the JSON text of their arguments, and file paths — through a trigram
-- index, which PGlite (its pg_trgm contrib extension) and PostgreSQL both have.
--
-- The searched text is a generated column, so the database derives it from the stored entry in
-- one place for every writer, old rows included: lower-cased (the query's words are lower-cased
-- by the same function), redaction markers ([REDACTED:<kind>]) removed so a search can match
-- neither a secret (never stored) nor the kind of one, and cut at 65,536 characters.
--
-- The extension lives in `public` so that several schemas of one database (the benchmarks and
-- the scale-out tests use one each) share it; the operator class is named with its schema.
create extension if not exists pg_trgm schema public;

alter table transcript_entries add column search text generated always as (
  left(
    regexp_replace(
      lower(
        case entry->>'type'
          when 'message' then coalesce(entry->>'text', '')
          when 'tool_call' then coalesce(entry->>'name', '') || ' ' || coalesce((entry->'arguments')::text, '')
          when 'file_edit' then coalesce(entry->>'path', '')
          else ''
        end
      ),
      '\[redacted:[^]]*\]', ' ', 'g'
    ),
    65536
  )
) stored;

create index transcript_entries_search on transcript_entries using gin (search public.gin_trgm_ops);

-- Saved views (A13, issue 15): named list filters, private to their owner unless shared. The
-- filters are stored as the API took them (checked against the contract's SessionFilters when
-- saved) and applied under the reader's own visibility and embed lock, so a view never widens
-- what anyone may see.
create table views (
  id text collate "C" primary key,
  owner_id text collate "C" not null references members (id),
  name text not null,
  filters jsonb not null,
  shared boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- GET /v1/views: a member's own views, and the shared ones, newest first.
create index views_owner on views (owner_id, created_at desc, id desc);
create index views_shared on views (created_at desc, id desc) where shared;

-- Session Lens schema, version 1. The same file runs on PGlite and on PostgreSQL.
-- Identifiers use the "C" collation so that the database orders ids exactly as JavaScript
-- compares strings (compareSessions in the SDK), whatever the cluster's default locale is.

create table settings (
  key text primary key,
  value text not null
);

create table groups (
  id text collate "C" primary key,
  name text not null
);

create table members (
  id text collate "C" primary key,
  name text not null,
  email text,
  avatar_url text,
  groups text[] not null default '{}',
  position int not null default 0
);

-- Default visibility of new sessions comes from the playbook, else the agent's group (X3).
create table playbooks (
  name text primary key,
  visibility jsonb
);

create table agents (
  id text collate "C" primary key,
  hostname text not null,
  visibility jsonb
);

create table api_tokens (
  hash text primary key,
  label text not null,
  principal text not null check (principal in ('member', 'agent')),
  member_id text not null references members (id),
  agent_id text references agents (id),
  scopes text[] not null,
  created_at timestamptz not null default now()
);

-- One row per session. `doc` is the full Session as served (cost included; it is removed per
-- caller). The other columns are what filtering, ordering and authorization need.
create table sessions (
  id text collate "C" primary key,
  kind text not null,
  status text not null,
  owner_id text collate "C" not null,
  agent_id text collate "C",
  hostname text,
  playbook text,
  initiative_id text,
  plan_id text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Activeness (S8) split into the part no clock changes and the instant a chat lapses, so a
  -- query can evaluate it against the `now` its cursor froze.
  active_static boolean not null,
  active_until timestamptz,
  vis_workspace boolean not null,
  vis_members text[] not null,
  vis_groups text[] not null,
  -- lower-cased title, description, hostname, playbook and owner name, for `q`.
  search text not null,
  version int not null,
  transcript_seq int not null default 0,
  summary text,
  review_comment text,
  doc jsonb not null
);

-- Keyset order (S9) within each activeness phase, plus one index per selective filter so a page
-- at any depth starts with an index seek.
create index sessions_order on sessions (updated_at desc, id desc);
create index sessions_active_static on sessions (updated_at desc, id desc) where active_static;
create index sessions_active_until on sessions (active_until) where active_until is not null;
create index sessions_kind_order on sessions (kind, updated_at desc, id desc);
create index sessions_owner_order on sessions (owner_id, updated_at desc, id desc);
create index sessions_status_order on sessions (status, updated_at desc, id desc);
create index sessions_agent_order on sessions (agent_id, updated_at desc, id desc) where agent_id is not null;
create index sessions_initiative_order on sessions (initiative_id, updated_at desc, id desc) where initiative_id is not null;
create index sessions_plan_order on sessions (plan_id, updated_at desc, id desc) where plan_id is not null;
-- A3: at most one running assessment per agent, enforced by the database itself.
create unique index sessions_one_running_assessment on sessions (agent_id)
  where kind = 'assessment' and status = 'running' and agent_id is not null;

create table transcript_entries (
  session_id text collate "C" not null references sessions (id),
  seq int not null,
  entry jsonb not null,
  primary key (session_id, seq)
);

create table executions (
  session_id text collate "C" not null references sessions (id),
  position int not null,
  doc jsonb not null,
  primary key (session_id, position)
);

create table insights (
  session_id text collate "C" not null references sessions (id),
  position int not null,
  doc jsonb not null,
  primary key (session_id, position)
);

create table cost_turns (
  session_id text collate "C" not null references sessions (id),
  turn int not null,
  model text not null,
  pricing text not null,
  amount_micros bigint,
  tokens int not null,
  credits int not null default 0,
  primary key (session_id, turn)
);

-- The event log behind the stream (A8): one row per committed change, written in the same
-- transaction as the change. `prev` is the session before the change, so a subscriber can be
-- told when a session leaves its view.
create table events (
  seq bigserial primary key,
  session_id text collate "C" not null,
  doc jsonb not null,
  prev jsonb
);

-- A4: a retried POST with the same Idempotency-Key returns the stored response.
create table idempotency_keys (
  principal text not null,
  key text not null,
  operation text not null,
  request_hash text not null,
  status int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);

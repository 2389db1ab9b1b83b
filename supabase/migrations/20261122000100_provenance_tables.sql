-- Inferra provenance: append-only tables, one row per executed notebook cell run.
-- Row-level security keeps every row private to its user; nobody can update or delete through
-- the API (no grants + a trigger), except the retention function in the next migration.

-- 1. analysis_runs: one row per cell run
create table public.analysis_runs (
  id              uuid primary key default gen_random_uuid(),
  user_id         uuid not null default auth.uid() references auth.users (id) on delete cascade,
  notebook_id     text not null check (length(notebook_id) between 1 and 512),
  cell_id         text not null check (length(cell_id) between 1 and 256),
  client_run_id   uuid not null,                 -- the record's run_id: makes retries idempotent
  status          text not null check (status in ('ok', 'error', 'ambiguous', 'no_match')),
  dataset_hashes  jsonb not null default '[]',   -- [{name, sha256, table_hash, rows, rows_used}]
  decision        jsonb not null,                -- the record's plan: source, rule_id / llm, confidence
  analysis        text not null,
  parameters      jsonb not null default '{}',   -- {roles, options, seed}
  environment     jsonb not null,
  result_digest   text check (result_digest ~ '^[0-9a-f]{64}$'),
  result          jsonb,
  prov            jsonb,                         -- W3C PROV-JSON document
  record          jsonb not null,                -- the full record as hashed in the notebook
  record_hash     text not null check (record_hash ~ '^[0-9a-f]{64}$'),
  previous_hash   text check (previous_hash ~ '^[0-9a-f]{64}$'),
  figure_paths    jsonb not null default '[]',   -- [{name, path, sha256}] in the figures bucket
  started_at      timestamptz not null,
  ended_at        timestamptz not null,
  created_at      timestamptz not null default now(),
  unique (user_id, client_run_id)
);

create index analysis_runs_user_notebook_created_idx
  on public.analysis_runs (user_id, notebook_id, created_at desc);

comment on table public.analysis_runs is
  'Inferra provenance: one append-only row per notebook cell run, private to its user.';

-- 2. llm_calls: the LLM call behind a decision, when one was made
create table public.llm_calls (
  id             uuid primary key default gen_random_uuid(),
  user_id        uuid not null default auth.uid() references auth.users (id) on delete cascade,
  client_run_id  uuid not null,                  -- the run the call decided
  model          text not null,
  prompt_hash    text not null,
  request_id     text,
  usage          jsonb,
  cost_usd       numeric(12, 6),
  created_at     timestamptz not null default now(),
  unique (user_id, client_run_id)
);

create index llm_calls_user_created_idx on public.llm_calls (user_id, created_at desc);

-- 3. run_deletions: what the retention function removed (the log outlives the rows)
create table public.run_deletions (
  id             bigint generated always as identity primary key,
  user_id        uuid not null references auth.users (id) on delete cascade,
  table_name     text not null check (table_name in ('analysis_runs', 'llm_calls')),
  row_id         uuid not null,
  client_run_id  uuid not null,
  notebook_id    text,
  cell_id        text,
  result_digest  text,
  record_hash    text,
  figure_paths   jsonb,
  row_created_at timestamptz not null,
  deleted_at     timestamptz not null default now(),
  reason         text not null
);

create index run_deletions_user_deleted_idx on public.run_deletions (user_id, deleted_at desc);

-- 4. privileges: Supabase's default privileges grant everything to anon and authenticated;
--    take that back and grant only what the API needs (RLS then narrows it to own rows).
revoke all on table public.analysis_runs, public.llm_calls, public.run_deletions from anon, authenticated;
grant select, insert on table public.analysis_runs, public.llm_calls to authenticated;
grant select on table public.run_deletions to authenticated;

-- 5. row-level security: a user inserts and reads only their own rows
alter table public.analysis_runs enable row level security;
alter table public.llm_calls     enable row level security;
alter table public.run_deletions enable row level security;

create policy "analysis_runs: insert own" on public.analysis_runs
  for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "analysis_runs: read own" on public.analysis_runs
  for select to authenticated using ((select auth.uid()) = user_id);

create policy "llm_calls: insert own" on public.llm_calls
  for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "llm_calls: read own" on public.llm_calls
  for select to authenticated using ((select auth.uid()) = user_id);

create policy "run_deletions: read own" on public.run_deletions
  for select to authenticated using ((select auth.uid()) = user_id);

-- 6. append-only: refuse every update, and every delete except the retention function's
--    (it sets inferra.purge for its own transaction) and the cascade when an auth user is deleted.
create or replace function public.refuse_provenance_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE'
     and current_user not in ('anon', 'authenticated')
     and (current_setting('inferra.purge', true) = 'on' or pg_trigger_depth() > 1) then
    return old;
  end if;
  raise exception 'inferra provenance is append-only: % on %.% is not allowed', tg_op, tg_table_schema, tg_table_name
    using errcode = 'insufficient_privilege',
          hint = 'Old runs can be removed only with purge_my_runs_older_than(days).';
end;
$$;

revoke all on function public.refuse_provenance_change() from public, anon, authenticated;

create trigger analysis_runs_append_only
  before update or delete on public.analysis_runs
  for each row execute function public.refuse_provenance_change();
create trigger llm_calls_append_only
  before update or delete on public.llm_calls
  for each row execute function public.refuse_provenance_change();
create trigger run_deletions_append_only
  before update or delete on public.run_deletions
  for each row execute function public.refuse_provenance_change();

-- 7. created_at is the server's clock, never the client's (retention relies on it)
create or replace function public.set_server_created_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_at := now();
  return new;
end;
$$;

revoke all on function public.set_server_created_at() from public, anon, authenticated;

create trigger analysis_runs_created_at before insert on public.analysis_runs
  for each row execute function public.set_server_created_at();
create trigger llm_calls_created_at before insert on public.llm_calls
  for each row execute function public.set_server_created_at();

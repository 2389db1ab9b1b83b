-- Teams: profiles (one per auth user), tiers, projects, members with roles (owner / editor /
-- viewer), invitations by e-mail that the invitee accepts, and project_id on runs and LLM calls.
--
-- Rules (all enforced here, by RLS and security definer functions):
--   * members read their project's runs, LLM calls and figures; editors and owners append; viewers
--     only read; nobody updates or deletes a run (append-only as before; retention excepted);
--   * only the owner renames, archives or deletes a project and manages its members and invitations;
--   * outsiders see nothing: not the project, not its members, not its runs (a refused call says
--     "no such project" whether or not it exists).
-- A deleted project is kept as a tombstone row nobody can read (runs are append-only and keep their
-- project_id); members lose access at once; each author still reads their own runs, which their
-- retention (purge_my_runs_older_than) removes as before. Each deletion is logged in project_deletions.

-- 0. private helpers: not in an exposed schema (PostgREST serves only `public`)
create schema if not exists inferra_private;
revoke all on schema inferra_private from public;
grant usage on schema inferra_private to authenticated;

-- 1. tiers: the daily LLM token allowance of each subscription tier
create table public.tiers (
  id                text primary key check (id ~ '^[a-z][a-z0-9_-]{0,31}$'),
  daily_llm_tokens  bigint not null check (daily_llm_tokens >= 0),
  description       text not null default ''
);

insert into public.tiers (id, daily_llm_tokens, description) values
  ('free',    50000,   'Free: 50 000 LLM tokens per UTC day'),
  ('pro',     500000,  'Pro: 500 000 LLM tokens per UTC day'),
  ('team',    2000000, 'Team: 2 000 000 LLM tokens per UTC day, shared by the projects the account owns');

-- 2. profiles: one per auth user, kept in sync with auth.users by a trigger
create table public.profiles (
  id            uuid primary key references auth.users (id) on delete cascade,
  email         text,
  display_name  text not null default '' check (length(display_name) <= 200),
  tier          text not null default 'free' references public.tiers (id),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create or replace function inferra_private.sync_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  name text := coalesce(nullif(meta ->> 'display_name', ''), nullif(meta ->> 'full_name', ''), nullif(meta ->> 'name', ''),
                        nullif(split_part(coalesce(new.email, ''), '@', 1), ''), '');
begin
  insert into public.profiles (id, email, display_name)
  values (new.id, lower(new.email), left(name, 200))
  on conflict (id) do update
    set email = excluded.email,
        -- a name the user set themselves wins over the account's metadata
        display_name = case when public.profiles.display_name = '' then excluded.display_name else public.profiles.display_name end,
        updated_at = now();
  return new;
end;
$$;

create trigger inferra_sync_profile
  after insert or update of email, raw_user_meta_data on auth.users
  for each row execute function inferra_private.sync_profile();

-- accounts that existed before this migration
insert into public.profiles (id, email, display_name)
select u.id, lower(u.email), left(coalesce(nullif(u.raw_user_meta_data ->> 'display_name', ''), nullif(split_part(coalesce(u.email, ''), '@', 1), ''), ''), 200)
from auth.users u
on conflict (id) do nothing;

-- 3. projects, members, invitations, the deletion log
create table public.projects (
  id           uuid primary key default gen_random_uuid(),
  owner_id     uuid not null references auth.users (id) on delete cascade,
  name         text not null check (length(btrim(name)) between 1 and 200),
  archived_at  timestamptz,
  deleted_at   timestamptz,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create unique index projects_owner_name_live_idx on public.projects (owner_id, lower(name)) where deleted_at is null;

create table public.project_members (
  project_id  uuid not null references public.projects (id) on delete cascade,
  user_id     uuid not null references auth.users (id) on delete cascade,
  role        text not null check (role in ('owner', 'editor', 'viewer')),
  added_by    uuid references auth.users (id) on delete set null,
  created_at  timestamptz not null default now(),
  primary key (project_id, user_id)
);

create index project_members_user_idx on public.project_members (user_id);

create table public.project_invitations (
  id           uuid primary key default gen_random_uuid(),
  project_id   uuid not null references public.projects (id) on delete cascade,
  email        text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  role         text not null check (role in ('editor', 'viewer')),
  invited_by   uuid references auth.users (id) on delete set null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null default now() + interval '14 days',
  accepted_at  timestamptz,
  accepted_by  uuid references auth.users (id) on delete set null
);

create unique index project_invitations_pending_idx on public.project_invitations (project_id, email) where accepted_at is null;

create table public.project_deletions (
  id          bigint generated always as identity primary key,
  project_id  uuid not null,
  name        text not null,
  owner_id    uuid not null references auth.users (id) on delete cascade,
  members     integer not null,
  runs        integer not null,
  deleted_at  timestamptz not null default now()
);

-- 4. who the caller is in a project (null: not a member, or the project is deleted)
create or replace function inferra_private.project_role(project uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select m.role
  from public.project_members m
  join public.projects p on p.id = m.project_id
  where m.project_id = project and m.user_id = (select auth.uid()) and p.deleted_at is null
$$;

create or replace function inferra_private.is_project_member(project uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select inferra_private.project_role(project) is not null $$;

-- editors and owners append, while the project is neither archived nor deleted
create or replace function inferra_private.can_append_to_project(project uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.project_members m
    join public.projects p on p.id = m.project_id
    where m.project_id = project and m.user_id = (select auth.uid()) and m.role in ('owner', 'editor')
      and p.deleted_at is null and p.archived_at is null
  )
$$;

create or replace function inferra_private.is_project_owner(project uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select inferra_private.project_role(project) = 'owner' $$;

-- whether the caller and `other` are members of a common live project (profiles shown as "recorded by")
create or replace function inferra_private.shares_project_with(other uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.project_members mine
    join public.project_members theirs on theirs.project_id = mine.project_id
    join public.projects p on p.id = mine.project_id
    where mine.user_id = (select auth.uid()) and theirs.user_id = other and p.deleted_at is null
  )
$$;

-- the project id of a figures path `projects/<project id>/<user id>/...`, or null
create or replace function inferra_private.path_project(name text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when split_part(name, '/', 1) = 'projects'
     and split_part(name, '/', 2) ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    then split_part(name, '/', 2)::uuid
  end
$$;

-- the caller's e-mail, as the account has it (not as the token claims it)
create or replace function inferra_private.my_email()
returns text
language sql
stable
security definer
set search_path = ''
as $$ select lower(u.email) from auth.users u where u.id = (select auth.uid()) $$;

revoke all on all functions in schema inferra_private from public, anon;
grant execute on function
  inferra_private.project_role(uuid), inferra_private.is_project_member(uuid), inferra_private.can_append_to_project(uuid),
  inferra_private.is_project_owner(uuid), inferra_private.shares_project_with(uuid), inferra_private.path_project(text),
  inferra_private.my_email()
  to authenticated;

-- 5. runs and LLM calls carry their project (null: a personal run; earlier rows stay personal)
alter table public.analysis_runs add column project_id uuid references public.projects (id);
alter table public.llm_calls     add column project_id uuid references public.projects (id);

create index analysis_runs_project_notebook_created_idx
  on public.analysis_runs (project_id, notebook_id, created_at desc) where project_id is not null;
create index llm_calls_project_created_idx on public.llm_calls (project_id, created_at desc) where project_id is not null;

-- members read the project's rows (permissive: added to "read own")
create policy "analysis_runs: read project" on public.analysis_runs
  for select to authenticated using (project_id is not null and (select inferra_private.is_project_member(project_id)));
create policy "llm_calls: read project" on public.llm_calls
  for select to authenticated using (project_id is not null and (select inferra_private.is_project_member(project_id)));

-- a row names a project only if the caller may append to it (restrictive: AND-ed with "insert own")
create policy "analysis_runs: append to project as editor" on public.analysis_runs
  as restrictive for insert to authenticated
  with check (project_id is null or (select inferra_private.can_append_to_project(project_id)));
create policy "llm_calls: append to project as editor" on public.llm_calls
  as restrictive for insert to authenticated
  with check (project_id is null or (select inferra_private.can_append_to_project(project_id)));

-- 6. privileges and RLS of the new tables (Supabase's default privileges grant everything: take it back)
revoke all on table public.tiers, public.profiles, public.projects, public.project_members,
  public.project_invitations, public.project_deletions from anon, authenticated;
grant select on table public.tiers, public.profiles, public.projects, public.project_members,
  public.project_invitations, public.project_deletions to authenticated;
grant update (display_name) on table public.profiles to authenticated;
grant update (name, archived_at) on table public.projects to authenticated;
grant update (role), delete on table public.project_members to authenticated;
grant delete on table public.project_invitations to authenticated;

alter table public.tiers               enable row level security;
alter table public.profiles            enable row level security;
alter table public.projects            enable row level security;
alter table public.project_members     enable row level security;
alter table public.project_invitations enable row level security;
alter table public.project_deletions   enable row level security;

create policy "tiers: everyone signed in reads" on public.tiers
  for select to authenticated using (true);

create policy "profiles: read own and co-members" on public.profiles
  for select to authenticated using (id = (select auth.uid()) or (select inferra_private.shares_project_with(id)));
create policy "profiles: rename own" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy "projects: members read" on public.projects
  for select to authenticated using ((select inferra_private.is_project_member(id)));
create policy "projects: owner renames or archives" on public.projects
  for update to authenticated
  using ((select inferra_private.is_project_owner(id)))
  with check ((select inferra_private.is_project_owner(id)));

create policy "project_members: members read" on public.project_members
  for select to authenticated using ((select inferra_private.is_project_member(project_id)));
-- the owner changes others' roles between editor and viewer (ownership itself never moves this way)
create policy "project_members: owner changes roles" on public.project_members
  for update to authenticated
  using ((select inferra_private.is_project_owner(project_id)) and role <> 'owner')
  with check ((select inferra_private.is_project_owner(project_id)) and role in ('editor', 'viewer'));
-- the owner removes others; a member may leave; the owner's own row stays
create policy "project_members: owner removes, member leaves" on public.project_members
  for delete to authenticated
  using (role <> 'owner' and ((select inferra_private.is_project_owner(project_id)) or user_id = (select auth.uid())));

create policy "project_invitations: owner and invitee read" on public.project_invitations
  for select to authenticated
  using ((select inferra_private.is_project_owner(project_id)) or email = (select inferra_private.my_email()));
create policy "project_invitations: owner withdraws" on public.project_invitations
  for delete to authenticated using ((select inferra_private.is_project_owner(project_id)) and accepted_at is null);

create policy "project_deletions: owner reads" on public.project_deletions
  for select to authenticated using (owner_id = (select auth.uid()));

-- the log is append-only too
create trigger project_deletions_append_only
  before update or delete on public.project_deletions
  for each row execute function public.refuse_provenance_change();

-- 7. the project API (security definer: each checks the caller's role itself)

-- creates a project owned by the caller, who becomes its first member (owner)
create or replace function public.create_project(name text)
returns public.projects
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  created public.projects;
begin
  if caller is null then
    raise exception 'creating a project needs a signed-in user' using errcode = 'insufficient_privilege';
  end if;
  if name is null or length(btrim(name)) not between 1 and 200 then
    raise exception 'a project name must have 1 to 200 characters' using errcode = 'invalid_parameter_value';
  end if;
  insert into public.projects (owner_id, name) values (caller, btrim(name)) returning * into created;
  insert into public.project_members (project_id, user_id, role, added_by) values (created.id, caller, 'owner', caller);
  return created;
exception
  when unique_violation then
    raise exception 'you already have a project named "%"', btrim(name) using errcode = 'unique_violation';
end;
$$;

-- invites an e-mail address as editor or viewer (owner only); a pending invitation is renewed
create or replace function public.invite_to_project(project uuid, email text, role text default 'viewer')
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  address text := lower(btrim(email));
  invitation uuid;
begin
  if not coalesce(inferra_private.is_project_owner(project), false) then
    -- the same answer whether the project exists or not: outsiders learn nothing
    raise exception 'no such project, or you are not its owner' using errcode = 'insufficient_privilege';
  end if;
  if exists (select 1 from public.projects p where p.id = project and p.archived_at is not null) then
    raise exception 'the project is archived: unarchive it before inviting' using errcode = 'invalid_parameter_value';
  end if;
  if role is null or role not in ('editor', 'viewer') then
    raise exception 'role must be editor or viewer, got %', coalesce(role, 'nothing') using errcode = 'invalid_parameter_value';
  end if;
  if address is null or address !~ '^[^@\s]+@[^@\s]+$' then
    raise exception '"%" is not an e-mail address', coalesce(email, '') using errcode = 'invalid_parameter_value';
  end if;
  if exists (select 1 from public.project_members m join auth.users u on u.id = m.user_id
             where m.project_id = project and lower(u.email) = address) then
    raise exception '% is already a member of the project', address using errcode = 'unique_violation';
  end if;
  insert into public.project_invitations (project_id, email, role, invited_by)
  values (project, address, invite_to_project.role, auth.uid())
  on conflict (project_id, email) where accepted_at is null
  do update set role = excluded.role, invited_by = excluded.invited_by, created_at = now(), expires_at = now() + interval '14 days'
  returning id into invitation;
  return invitation;
end;
$$;

-- the invitee (the signed-in account with the invited e-mail) joins the project with the invited role
create or replace function public.accept_invitation(invitation uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  found public.project_invitations;
begin
  select i.* into found
  from public.project_invitations i
  join public.projects p on p.id = i.project_id
  where i.id = invitation and i.email = inferra_private.my_email() and i.accepted_at is null
    and i.expires_at > now() and p.deleted_at is null
  for update of i;
  if caller is null or found.id is null then
    raise exception 'no such invitation for your account (it may have expired or been withdrawn)' using errcode = 'insufficient_privilege';
  end if;
  insert into public.project_members (project_id, user_id, role, added_by)
  values (found.project_id, caller, found.role, found.invited_by)
  on conflict (project_id, user_id) do nothing;
  update public.project_invitations set accepted_at = now(), accepted_by = caller where id = found.id;
  return found.project_id;
end;
$$;

-- the invitations waiting for the caller, with the project's name (which the invitee may see)
create or replace function public.my_invitations()
returns table (id uuid, project_id uuid, project_name text, role text, invited_by_email text, created_at timestamptz, expires_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select i.id, i.project_id, p.name, i.role, lower(u.email), i.created_at, i.expires_at
  from public.project_invitations i
  join public.projects p on p.id = i.project_id
  left join auth.users u on u.id = i.invited_by
  where i.email = inferra_private.my_email() and i.accepted_at is null and i.expires_at > now() and p.deleted_at is null
  order by i.created_at desc
$$;

-- deletes a project (owner only): members and invitations go, the tombstone and its runs stay
-- (append-only; readable by their authors until their retention removes them); logged
create or replace function public.delete_project(project uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.projects;
  member_count integer;
  run_count integer;
begin
  if not coalesce(inferra_private.is_project_owner(project), false) then
    raise exception 'no such project, or you are not its owner' using errcode = 'insufficient_privilege';
  end if;
  select * into target from public.projects p where p.id = project for update;
  select count(*) into member_count from public.project_members m where m.project_id = project;
  select count(*) into run_count from public.analysis_runs r where r.project_id = project;
  delete from public.project_invitations i where i.project_id = project;
  delete from public.project_members m where m.project_id = project;
  update public.projects set deleted_at = now(), updated_at = now() where id = project;
  insert into public.project_deletions (project_id, name, owner_id, members, runs)
  values (project, target.name, target.owner_id, member_count, run_count);
  return run_count;
end;
$$;

create or replace function inferra_private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger projects_updated_at before update on public.projects
  for each row execute function inferra_private.touch_updated_at();
create trigger profiles_updated_at before update on public.profiles
  for each row execute function inferra_private.touch_updated_at();

revoke all on function public.create_project(text), public.invite_to_project(uuid, text, text),
  public.accept_invitation(uuid), public.my_invitations(), public.delete_project(uuid) from public, anon;
grant execute on function public.create_project(text), public.invite_to_project(uuid, text, text),
  public.accept_invitation(uuid), public.my_invitations(), public.delete_project(uuid) to authenticated;
revoke all on function inferra_private.sync_profile(), inferra_private.touch_updated_at() from public, anon, authenticated;

-- 8. figures of project runs: figures/projects/<project id>/<user id>/<notebook>/<run id>/<name>.svg
create policy "figures: upload to project as editor" on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'figures'
    and (storage.foldername(name))[1] = 'projects'
    and (storage.foldername(name))[3] = (select auth.uid())::text
    and coalesce(inferra_private.can_append_to_project(inferra_private.path_project(name)), false)
  );

create policy "figures: members read project" on storage.objects
  for select to authenticated
  using (bucket_id = 'figures' and coalesce(inferra_private.is_project_member(inferra_private.path_project(name)), false));

-- the author deletes the project figures of their own purged runs (as for personal figures)
create policy "figures: delete own purged project figures" on storage.objects
  for delete to authenticated
  using (
    bucket_id = 'figures'
    and (storage.foldername(name))[1] = 'projects'
    and (storage.foldername(name))[3] = (select auth.uid())::text
    and exists (
      select 1
      from public.run_deletions d
      where d.user_id = (select auth.uid())
        and d.table_name = 'analysis_runs'
        and d.figure_paths @> jsonb_build_array(jsonb_build_object('path', name))
    )
  );

-- LLM quotas per tier. Before a request the client reserves the call's estimated tokens with
-- reserve_llm_tokens(n [, project]); the reservation is refused once the account's allowance for the
-- UTC day would be passed. After the call the client settles it with the tokens actually used (and
-- the cost), or releases it (0 tokens) when the call failed.
--
-- Who pays: a personal call (no project) is charged to the caller, against the caller's tier; a call
-- for a project is charged to the project's owner, against the owner's tier (the team's allowance is
-- the owner's, shared by every member), and only editors and owners of a live project may reserve.
--
-- Atomic: one counter row per account and day; a reservation is a single
--   update ... set reserved = reserved + n where ... and reserved + n <= allowance returning ...
-- which takes the row lock, so concurrent reservations queue on it and re-check the condition: the
-- sum of granted reservations never passes the allowance.

create table public.llm_daily_usage (
  account_id  uuid not null references auth.users (id) on delete cascade,
  day         date not null,
  -- tokens reserved and not yet settled, plus tokens of settled calls
  reserved    bigint not null default 0 check (reserved >= 0),
  updated_at  timestamptz not null default now(),
  primary key (account_id, day)
);

create table public.llm_reservations (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references auth.users (id) on delete cascade,  -- who asked
  account_id   uuid not null references auth.users (id) on delete cascade,  -- who pays
  project_id   uuid references public.projects (id),
  day          date not null,
  tokens       bigint not null check (tokens > 0),
  used_tokens  bigint check (used_tokens >= 0),
  cost_usd     numeric(12, 6),
  model        text,
  request_id   text,          -- the API's id of the answer: the same as llm_calls.request_id of the run it decided
  created_at   timestamptz not null default now(),
  settled_at   timestamptz
);

create index llm_reservations_user_created_idx on public.llm_reservations (user_id, created_at desc);
create index llm_reservations_project_created_idx on public.llm_reservations (project_id, created_at desc) where project_id is not null;

revoke all on table public.llm_daily_usage, public.llm_reservations from anon, authenticated;
grant select on table public.llm_daily_usage, public.llm_reservations to authenticated;
alter table public.llm_daily_usage  enable row level security;
alter table public.llm_reservations enable row level security;

create policy "llm_daily_usage: account reads own" on public.llm_daily_usage
  for select to authenticated using (account_id = (select auth.uid()));
create policy "llm_reservations: own, and the project's for members" on public.llm_reservations
  for select to authenticated
  using (user_id = (select auth.uid()) or (project_id is not null and (select inferra_private.is_project_member(project_id))));

-- the paying account of a call and its allowance today; refuses a project the caller may not append to
create or replace function inferra_private.llm_account(project uuid)
returns table (account_id uuid, allowance bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  payer uuid;
begin
  if caller is null then
    raise exception 'LLM quotas need a signed-in user' using errcode = 'insufficient_privilege';
  end if;
  if project is null then
    payer := caller;
  else
    if not coalesce(inferra_private.can_append_to_project(project), false) then
      raise exception 'no such project, or you may not run analyses in it (viewers only read)' using errcode = 'insufficient_privilege';
    end if;
    select p.owner_id into payer from public.projects p where p.id = project;
  end if;
  return query
    select payer, coalesce((select t.daily_llm_tokens from public.profiles pr join public.tiers t on t.id = pr.tier where pr.id = payer),
                           (select t.daily_llm_tokens from public.tiers t where t.id = 'free'), 0);
end;
$$;

-- reserves n tokens for one LLM call; returns the reservation's id, or raises PT429 when over quota
create or replace function public.reserve_llm_tokens(n int, project uuid default null)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'utc')::date;
  payer uuid;
  allowed bigint;
  spent bigint;
  reservation uuid;
begin
  if n is null or n <= 0 then
    raise exception 'a reservation needs a positive number of tokens, got %', coalesce(n::text, 'nothing') using errcode = 'invalid_parameter_value';
  end if;
  select a.account_id, a.allowance into payer, allowed from inferra_private.llm_account(project) a;
  insert into public.llm_daily_usage (account_id, day) values (payer, today) on conflict (account_id, day) do nothing;
  update public.llm_daily_usage u
     set reserved = u.reserved + n, updated_at = now()
   where u.account_id = payer and u.day = today and u.reserved + n <= allowed
  returning u.reserved into spent;
  if not found then
    select u.reserved into spent from public.llm_daily_usage u where u.account_id = payer and u.day = today;
    -- PT429: PostgREST answers HTTP 429 with this message
    raise exception 'the daily LLM allowance is spent: % of % tokens used today (UTC), this call needs %', spent, allowed, n
      using errcode = 'PT429',
            detail = json_build_object('used', spent, 'allowance', allowed, 'needed', n, 'day', today)::text,
            hint = 'The allowance renews at midnight UTC; a higher tier raises it.';
  end if;
  insert into public.llm_reservations (user_id, account_id, project_id, day, tokens)
  values (auth.uid(), payer, project, today, n)
  returning id into reservation;
  return reservation;
end;
$$;

-- settles a reservation with what the call used (0 releases it); once only, by the one who reserved;
-- returns the paying account's tokens counted today
create or replace function public.settle_llm_tokens(reservation uuid, used int, cost_usd numeric default null, model text default null, request_id text default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  found public.llm_reservations;
  counted bigint;
begin
  if used is null or used < 0 then
    raise exception 'used tokens must be zero or more, got %', coalesce(used::text, 'nothing') using errcode = 'invalid_parameter_value';
  end if;
  select r.* into found from public.llm_reservations r
  where r.id = reservation and r.user_id = auth.uid() and r.settled_at is null
  for update;
  if found.id is null then
    raise exception 'no open reservation % of yours', reservation using errcode = 'insufficient_privilege';
  end if;
  update public.llm_reservations r
     set used_tokens = used, cost_usd = settle_llm_tokens.cost_usd, model = left(settle_llm_tokens.model, 200),
         request_id = left(settle_llm_tokens.request_id, 200), settled_at = now()
   where r.id = found.id;
  -- what was reserved is replaced by what was used (which may be more: the call happened)
  update public.llm_daily_usage u
     set reserved = greatest(0, u.reserved - found.tokens + used), updated_at = now()
   where u.account_id = found.account_id and u.day = found.day
  returning u.reserved into counted;
  return counted;
end;
$$;

-- the allowance, today's use and what is left, for the caller (or the project's paying account)
create or replace function public.my_llm_quota(project uuid default null)
returns table (account_id uuid, tier text, allowance bigint, used bigint, remaining bigint, day date)
language sql
stable
security definer
set search_path = ''
as $$
  select a.account_id,
         coalesce((select pr.tier from public.profiles pr where pr.id = a.account_id), 'free'),
         a.allowance,
         coalesce(u.reserved, 0),
         greatest(0, a.allowance - coalesce(u.reserved, 0)),
         (now() at time zone 'utc')::date
  from inferra_private.llm_account(project) a
  left join public.llm_daily_usage u on u.account_id = a.account_id and u.day = (now() at time zone 'utc')::date
$$;

revoke all on function inferra_private.llm_account(uuid) from public, anon, authenticated;
revoke all on function public.reserve_llm_tokens(int, uuid), public.settle_llm_tokens(uuid, int, numeric, text, text),
  public.my_llm_quota(uuid) from public, anon;
grant execute on function public.reserve_llm_tokens(int, uuid), public.settle_llm_tokens(uuid, int, numeric, text, text),
  public.my_llm_quota(uuid) to authenticated;

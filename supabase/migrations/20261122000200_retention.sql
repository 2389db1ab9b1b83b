-- Retention: a signed-in user removes their own runs older than N days. Runs as the function's
-- owner (security definer) because authenticated has no delete privilege; it deletes only rows of
-- auth.uid(), logs each removed row in run_deletions, and returns how many runs it removed.

create or replace function public.purge_my_runs_older_than(days int)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  cutoff timestamptz;
  removed integer := 0;
begin
  if caller is null then
    raise exception 'purge_my_runs_older_than needs a signed-in user' using errcode = 'insufficient_privilege';
  end if;
  if days is null or days < 0 then
    raise exception 'days must be zero or more, got %', days using errcode = 'invalid_parameter_value';
  end if;
  cutoff := now() - make_interval(days => days);

  -- Only this transaction may delete (the append-only trigger checks this setting).
  perform set_config('inferra.purge', 'on', true);

  with gone as (
    delete from public.llm_calls c
    where c.user_id = caller and c.created_at < cutoff
    returning c.id, c.client_run_id, c.created_at
  )
  insert into public.run_deletions (user_id, table_name, row_id, client_run_id, row_created_at, reason)
  select caller, 'llm_calls', g.id, g.client_run_id, g.created_at, format('retention: older than %s days', days)
  from gone g;

  with gone as (
    delete from public.analysis_runs r
    where r.user_id = caller and r.created_at < cutoff
    returning r.id, r.client_run_id, r.notebook_id, r.cell_id, r.result_digest, r.record_hash, r.figure_paths, r.created_at
  )
  insert into public.run_deletions
    (user_id, table_name, row_id, client_run_id, notebook_id, cell_id, result_digest, record_hash, figure_paths, row_created_at, reason)
  select caller, 'analysis_runs', g.id, g.client_run_id, g.notebook_id, g.cell_id, g.result_digest, g.record_hash,
         g.figure_paths, g.created_at, format('retention: older than %s days', days)
  from gone g;
  get diagnostics removed = row_count;

  perform set_config('inferra.purge', 'off', true);
  return removed;
end;
$$;

revoke all on function public.purge_my_runs_older_than(int) from public, anon;
grant execute on function public.purge_my_runs_older_than(int) to authenticated;

-- Figures of purged runs: once the retention function has removed a run (and logged it in
-- run_deletions with its figure paths), its owner may delete those figures from the bucket, and
-- only those. Live runs' figures stay append-only. The client (purgeOlderThan) deletes them through
-- the Storage API right after the purge, so the objects and their files go together.

create policy "figures: delete own purged" on storage.objects
  for delete to authenticated
  using (
    bucket_id = 'figures'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and exists (
      select 1
      from public.run_deletions d
      where d.user_id = (select auth.uid())
        and d.table_name = 'analysis_runs'
        and d.figure_paths @> jsonb_build_array(jsonb_build_object('path', name))
    )
  );

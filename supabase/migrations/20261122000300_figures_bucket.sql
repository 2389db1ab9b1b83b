-- Private Storage bucket for rendered figures (SVG), one folder per user:
-- figures/<user id>/<notebook>/<run id>/<name>.svg. A user uploads and reads only inside their
-- own folder; no update or delete policy (figures are as append-only as the runs they belong to).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('figures', 'figures', false, 5242880, array['image/svg+xml'])
on conflict (id) do nothing;

create policy "figures: upload own folder" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'figures' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "figures: read own folder" on storage.objects
  for select to authenticated
  using (bucket_id = 'figures' and (storage.foldername(name))[1] = (select auth.uid())::text);

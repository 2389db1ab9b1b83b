/** Messages of kernel/provenance: records, digests, the Supabase sink and its offline queue. */
export const provenanceMessages = {
  'provenance-unsupported-value': (p: { path: string; kind: string }) =>
    `Cannot digest the value at ${p.path}: ${p.kind} is not plain JSON data. This is a bug; please report it with the notebook.`,
  'provenance-record-invalid': (p: { where?: string; problem: string }) =>
    `A provenance record${p.where ? ` in ${p.where}` : ''} is not valid: ${p.problem}. Re-run the cell to write a fresh record.`,
  'supabase-bad-config': (p: { detail: string }) =>
    `Supabase refused the project settings (${p.detail}). Check the project URL (https://<ref>.supabase.co) and the anon key.`,
  'supabase-not-signed-in': () =>
    'Not signed in to Supabase, so provenance records wait in the local queue.',
  'supabase-session-expired': () =>
    'Your Supabase session has expired and could not be refreshed. Sign in again; queued records are kept and sent afterwards.',
  'supabase-sign-in-failed': (p: { detail: string }) =>
    `Supabase sign-in failed: ${p.detail}. Check the e-mail address and password (or the code from the e-mail).`,
  'supabase-rls-refused': (p: { table: string; detail: string }) =>
    `Supabase refused to store the record in ${p.table} (row-level security: ${p.detail}). The record was kept in the local queue's rejected folder; check that you are signed in as the right user.`,
  'supabase-network': (p: { url: string; detail: string }) =>
    `Cannot reach Supabase at ${p.url} (${p.detail}). Records are kept in the local queue and sent when the connection is back.`,
  'supabase-request-failed': (p: { status: number | string; operation: string; detail: string }) =>
    `Supabase answered ${p.status} to ${p.operation}: ${p.detail}.`,
  'provenance-queue-io': (p: { dir: string; detail: string }) =>
    `Cannot write the provenance queue in ${p.dir}: ${p.detail}. Check that the folder exists and is writable.`,
  'supabase-not-configured': (p: { what: string }) =>
    `${p.what} needs a Supabase project, and none is configured.`,
  'supabase-project-not-found': (p: { project: string; available: string }) =>
    `You are not a member of a Supabase project named '${p.project}'${p.available ? ` (your projects: ${p.available})` : ' (you are a member of no project yet)'}.`,
  'supabase-project-ambiguous': (p: { project: string; owners: string }) =>
    `More than one of your Supabase projects is named '${p.project}' (owned by ${p.owners}). Name it by its id instead.`,
  'supabase-refused': (p: { operation: string; detail: string }) =>
    `Supabase refused to ${p.operation}: ${p.detail}.`,
};

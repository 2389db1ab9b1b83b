/**
 * The Supabase project a notebook records its runs in: `metadata.supabase_project` =
 * `{ id, name, url }` (url: the Supabase project it was chosen on; the id means nothing elsewhere).
 * Absent: runs are personal. Read leniently (a malformed entry is treated as absent, never an error).
 */
import * as z from 'zod';
import type { Notebook } from './format.js';

/** The metadata key. */
export const NOTEBOOK_PROJECT_KEY = 'supabase_project';

const NotebookProjectSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  name: z.string().min(1).max(200),
  url: z.string().max(500).optional(),
});

/** A notebook's project. */
export type NotebookProject = z.infer<typeof NotebookProjectSchema>;

/** The project in a notebook's metadata, or undefined. */
export function readNotebookProject(metadata: Readonly<Record<string, unknown>> | undefined): NotebookProject | undefined {
  const parsed = NotebookProjectSchema.safeParse(metadata?.[NOTEBOOK_PROJECT_KEY]);
  return parsed.success ? { ...parsed.data, id: parsed.data.id.toLowerCase() } : undefined;
}

/** Sets (or, with undefined, removes) the notebook's project. */
export function setNotebookProject(notebook: Pick<Notebook, 'metadata'>, project: NotebookProject | undefined): void {
  const metadata = notebook.metadata as Record<string, unknown>;
  if (project) metadata[NOTEBOOK_PROJECT_KEY] = NotebookProjectSchema.parse(project);
  else delete metadata[NOTEBOOK_PROJECT_KEY];
}

/**
 * The project id runs should carry when the configured Supabase is `url`: the notebook's project if
 * it was chosen on that URL (or names none), else undefined with the reason in `mismatch`.
 */
export function projectForUrl(project: NotebookProject | undefined, url: string): { projectId?: string; mismatch?: string } {
  if (!project) return {};
  if (project.url && project.url.replace(/\/+$/, '') !== url.replace(/\/+$/, '')) {
    return { mismatch: `the notebook's project '${project.name}' is on ${project.url}, not on ${url}; its runs are recorded as personal runs` };
  }
  return { projectId: project.id };
}

/**
 * What the extension loads from the kernel on first use, grouped by purpose. It is bundled separately
 * (`dist/kernel-api.js`) and loaded on first use, so that activation does not pay for compiling the
 * kernel (zod, the decision engine, provenance, supabase-js) and the extension bundle stays small.
 * Like every door, it reaches the kernel through kernel/api.ts, and the Supabase client through its
 * own facade kernel/api-supabase.ts.
 */
import {
  buildCompletionEntries,
  buildHoverMarkdown,
  buildProvenanceMarkdown,
  buildSchemaMarkdown,
  InferraError,
  listDatabaseTables,
  NotebookSession,
  newNotebook,
  parseDatasetDirective,
  parseNotebook,
  parsePostgresServer,
  projectForUrl,
  readNotebookProject,
  progressText,
  serializeNotebook,
} from '../kernel/api.js';
import { createProvenanceClient, createSupabaseSink, createTeamsClient, LEGACY_STORAGE_KEY, sessionStorageKey } from '../kernel/api-supabase.js';

/** The editor's texts: completions, hovers, a dataset's schema and a cell's provenance as Markdown. */
export const assist = { buildCompletionEntries, buildHoverMarkdown, buildProvenanceMarkdown, buildSchemaMarkdown };
/** Datasets in a database: checking a server's address, listing its tables. */
export const databases = { listDatabaseTables, parsePostgresServer };
/** Errors of the kernel, worded by code. */
export const errors = { InferraError };
/** Reading and writing `.inferra` files. */
export const notebook = { newNotebook, parseNotebook, serializeNotebook };
/** Running cells. */
export const session = { NotebookSession, parseDatasetDirective, progressText };
/** The Supabase client and the session storage keys. */
export const supabase = { LEGACY_STORAGE_KEY, sessionStorageKey, createProvenanceClient };
/** Teams on Supabase: projects, invitations, the shared history, the LLM quota; a notebook's project. */
export const teams = { createTeamsClient, projectForUrl, readNotebookProject };
/** The provenance queue that hands runs to Supabase. */
export const sink = { createSupabaseSink };

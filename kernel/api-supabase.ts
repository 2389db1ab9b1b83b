/**
 * The Supabase side of the kernel as the extension sees it: the provenance client (supabase-js over
 * undici's WebSocket), its session storage keys, the queue that hands runs to it, and the teams client
 * (projects, invitations, the shared history, the LLM quota). A facade of
 * its own beside kernel/api.ts, so that a door that never talks to Supabase (most CLI commands)
 * does not evaluate those libraries.
 */
export { createSupabaseSink } from './provenance/sink.js';
export { createProvenanceClient, LEGACY_STORAGE_KEY, sessionStorageKey } from './provenance/supabase.js';
export { createTeamsClient } from './provenance/teams.js';

/**
 * Everything the extension uses from the kernel, as one module. It is bundled separately
 * (`dist/kernel-api.js`) and loaded on first use, so that activation does not pay for compiling the
 * kernel (zod, the decision engine, provenance, supabase-js) and the extension bundle stays small.
 */
export * as notebook from '../kernel/notebook/index.js';
export * as session from '../kernel/session.js';
export * as supabase from '../kernel/provenance/supabase.js';
export * as sink from '../kernel/provenance/sink.js';

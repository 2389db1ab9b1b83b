/**
 * Secrets in VS Code's SecretStorage: the Grok (xAI) API key and the Supabase auth session (through
 * supabase-js's storage adapter interface). Nothing secret is written to settings, notebooks or logs.
 */
import * as vscode from 'vscode';

/** SecretStorage key of the xAI API key. */
export const XAI_KEY_SECRET = 'inferra.xai.apiKey';

/** Prefix of the SecretStorage keys holding the Supabase session. */
const SUPABASE_PREFIX = 'inferra.supabase.';

/**
 * supabase-js's storage adapter over SecretStorage. The kernel client binds what goes through it to
 * the project URL (key `inferra.supabase.inferra-supabase-session@<project URL>`, each value stored
 * with that URL): a session saved for one project is never read back for another (review H4).
 */
export function createSecretSessionStorage(secrets: vscode.SecretStorage): {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
} {
  return {
    getItem: async (key) => (await secrets.get(SUPABASE_PREFIX + key)) ?? null,
    setItem: (key, value) => Promise.resolve(secrets.store(SUPABASE_PREFIX + key, value)),
    removeItem: (key) => Promise.resolve(secrets.delete(SUPABASE_PREFIX + key)),
  };
}

/** Asks for the xAI key (masked) and stores it; returns whether one was stored. */
export async function promptApiKey(secrets: vscode.SecretStorage): Promise<boolean> {
  const key = await vscode.window.showInputBox({
    title: 'Grok (xAI) API key',
    prompt: 'Used only when no rule fits a cell and inferra.llm.enabled is on. Only column names, kinds and counts are sent.',
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'xai-…',
    validateInput: (value) => (value.trim().length < 8 ? 'This does not look like an API key.' : undefined),
  });
  if (!key) return false;
  await secrets.store(XAI_KEY_SECRET, key.trim());
  return true;
}

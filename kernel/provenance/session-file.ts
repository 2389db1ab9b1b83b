/**
 * The CLI's Supabase session storage: one JSON file (`~/.config/inferra/supabase-session.json` by
 * default) readable by the user only (mode 0600), rewritten atomically (util/atomic-write.ts) so a
 * crash never leaves half a session. The extension passes VS Code SecretStorage instead.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import type { SessionStorage } from './supabase.js';

/** `$XDG_CONFIG_HOME/inferra/supabase-session.json`, or under `~/.config`. */
export function defaultSessionFile(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'inferra', 'supabase-session.json');
}

/** A `SessionStorage` kept in a 0600 JSON file. */
export function createFileSessionStorage(file = defaultSessionFile()): SessionStorage {
  const readAll = (): Record<string, string> => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const writeAll = (items: Record<string, string>): void => {
    if (Object.keys(items).length === 0) {
      rmSync(file, { force: true });
      return;
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomicSync(file, JSON.stringify(items), { mode: 0o600, forceMode: true });
  };
  return {
    getItem: (key) => readAll()[key] ?? null,
    setItem: (key, value) => writeAll({ ...readAll(), [key]: value }),
    removeItem: (key) => {
      const items = readAll();
      delete items[key];
      writeAll(items);
    },
  };
}

/**
 * `inferra.*` settings that decide where tokens, keys and data are sent (`inferra.supabase.*`,
 * `inferra.llm.*`): read from the user's settings only, never from a workspace or folder value,
 * whatever scope the running VS Code gives them (a received folder's .vscode/settings.json must not
 * redirect them; security review H4).
 */
import * as vscode from 'vscode';

/** The user's (global) value of an `inferra.*` setting, else its default. */
export function userSetting<T>(key: string, fallback: T): T {
  const inspected = vscode.workspace.getConfiguration('inferra').inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/**
 * The message the result renderer posts when the researcher picks an alternative of an ambiguous
 * cell, checked (it comes from a webview) and turned into the kernel's `Choice` (JSON snake_case
 * keys -> camelCase: `pair_id` -> `pairId`, `conf_level` -> `confLevel`).
 */
import { camelKey, type Choice } from '../kernel/api.js';

/** A validated choose message. */
export interface ChooseRequest {
  cellId: string;
  choice: Choice;
}

const ROLE_VALUE = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** A renderer message as a choice request, or undefined when it is not a well-formed `choose` message. */
export function parseChooseMessage(message: unknown): ChooseRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as { type?: unknown; cellId?: unknown; choice?: unknown };
  if (m.type !== 'choose' || typeof m.cellId !== 'string' || !m.cellId) return undefined;
  const c = m.choice as { analysis?: unknown; roles?: unknown; options?: unknown; why?: unknown } | null;
  if (!c || typeof c !== 'object' || typeof c.analysis !== 'string' || !/^[a-z0-9_]+$/.test(c.analysis)) return undefined;
  const roles: Record<string, string | string[]> = {};
  if (c.roles !== undefined) {
    if (typeof c.roles !== 'object' || c.roles === null || Array.isArray(c.roles)) return undefined;
    for (const [key, value] of Object.entries(c.roles)) {
      if (value === undefined || value === null) continue;
      if (!ROLE_VALUE(value)) return undefined;
      roles[camelKey(key)] = value as string | string[];
    }
  }
  const choice: Choice = {
    analysis: c.analysis as Choice['analysis'],
    roles: roles as Choice['roles'],
    why: typeof c.why === 'string' ? c.why : 'chosen from the alternatives',
  };
  if (c.options && typeof c.options === 'object' && !Array.isArray(c.options)) {
    choice.options = Object.fromEntries(Object.entries(c.options).map(([k, v]) => [camelKey(k), v])) as Choice['options'];
  }
  return { cellId: m.cellId, choice };
}

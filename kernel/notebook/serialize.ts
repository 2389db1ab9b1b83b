/**
 * Writes a notebook deterministically: keys sorted, 2-space indent, trailing newline, so that a
 * git diff shows only real changes. Cell order is the notebook's; every other object's keys sort.
 */
import { InferraError } from '../errors.js';
import { MAX_JSON_DEPTH, describeJsonPath, findTooDeep, tooDeepProblem } from './depth.js';
import type { Notebook } from './format.js';

/**
 * A copy of plain JSON data with object keys sorted (arrays keep their order). Data nested past
 * `MAX_JSON_DEPTH` is refused (`notebook-invalid`) before the walk, which would overflow the stack.
 */
export function sortKeysDeep(value: unknown): unknown {
  const tooDeep = findTooDeep(value, MAX_JSON_DEPTH);
  if (tooDeep) {
    throw new InferraError('notebook-invalid', { file: 'This notebook', problem: tooDeepProblem(), where: describeJsonPath(tooDeep) });
  }
  return sortKeys(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // JSON has no Infinity/NaN; one-sided CIs carry infinite bounds, stored as strings.
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  return value;
}

/** The text of a `.inferra` file. */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(sortKeysDeep(notebook), null, 2)}\n`;
}

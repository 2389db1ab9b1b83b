/**
 * Binary (two-level) columns: their levels in natural order, and the level counted as a success
 * (CONTRACT.md: `--success LEVEL`; default `1`, `TRUE` or `yes` when the column has it, else the
 * second level in natural order).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisId, Column } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { labelsOf } from '../common/select.js';
import { suggestName } from '../../util/suggest.js';

/** Levels that stand for "success" by default, in order of preference (compared case-insensitively). */
const DEFAULT_SUCCESS = ['1', 'true', 'yes'];

/** Words for the levels of a boolean column. */
const BOOLEAN_ALIASES: Record<string, string> = { yes: 'true', no: 'false' };

/** The distinct labels of a column over the given rows, in natural order. */
export function levelsOver(column: Column, rows: readonly number[]): string[] {
  const labels = labelsOf(column);
  return [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
}

/** Checks that a column has at most two levels (at least one) and returns them. */
export function requireBinary(column: Column, rows: readonly number[], analysis: AnalysisId | string): string[] {
  const levels = levelsOver(column, rows);
  if (levels.length > 2 || levels.length === 0) {
    throw new InferraError('wrong-level-count', { analysis, expected: 'exactly 2', column: column.name, actual: levels.length, levels: levels.slice(0, 8).join(', ') });
  }
  return levels;
}

/** The success level: `--success` (which must be a level), else 1/TRUE/yes, else the second level. */
export function chooseSuccess(levels: readonly string[], requested: string | undefined, column: string, analysis: AnalysisId | string): string {
  if (requested !== undefined) {
    if (levels.includes(requested)) return requested;
    const folded = levels.find((l) => l.toLowerCase() === requested.toLowerCase());
    if (folded) return folded;
    // A yes/no column is read as a boolean (kernel/data): "yes" names its true level, "no" its false one.
    const alias = BOOLEAN_ALIASES[requested.toLowerCase()];
    if (alias && levels.includes(alias)) return alias;
    if (levels.length === 1) return requested;
    throw new InferraError('level-not-found', { column, level: requested, suggestion: suggestName(requested, [...levels]), levels: levels.join(', ') });
  }
  for (const name of DEFAULT_SUCCESS) {
    const match = levels.find((l) => l.toLowerCase() === name);
    if (match) return match;
  }
  if (levels.length < 2) {
    throw new InferraError('wrong-level-count', { analysis, expected: 'exactly 2', column, actual: levels.length, levels: `${levels.join(', ')}; name the success level with --success` });
  }
  return levels[1];
}

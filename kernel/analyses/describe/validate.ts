/** Validation of a `describe` request: which columns (one, or all), optionally split by a group. */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Column, Roles, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { suggestName } from '../../util/suggest.js';
import { findColumn, isMissing, labelsOf } from '../common/select.js';
import type { Validated } from '../types.js';

/** One column (or one column within one group) to describe; missing values are NaN or null. */
export interface DescribeTarget {
  column: string;
  kind: Column['kind'];
  /** The group's level when split by a group. */
  group?: string;
  values: Float64Array | (string | null)[];
}

/** The typed input of `describe`. */
export interface DescribeInput {
  targets: DescribeTarget[];
  /** The grouping column, when split. */
  group?: string;
  rowCount: number;
}

/**
 * The columns `describe` reads: the `column` role or the `columns` listed (and `group`), or none
 * listed, which means every column of the dataset.
 */
export function columnsForDescribe(roles: Roles): string[] {
  const listed = [...(roles.column ? [roles.column] : []), ...(roles.columns ?? [])];
  if (listed.length === 0) return [];
  return roles.group && !listed.includes(roles.group) ? [...listed, roles.group] : listed;
}

/** Request + table -> the columns to describe (all but the group when no `column` or `columns` role), split by group. */
export function validateDescribe(request: AnalysisRequest, table: Table): Validated<DescribeInput> {
  const { column, columns, group } = request.roles;
  const groupColumn = group ? findColumn(table, group) : undefined;
  const listed = [...(column ? [column] : []), ...(columns ?? [])];
  const described = listed.length > 0 ? listed.map((name) => findColumn(table, name)) : table.columns.filter((c) => c.name !== group);
  if (!groupColumn) {
    return {
      input: { targets: described.map((c) => ({ column: c.name, kind: c.kind, values: c.values })), rowCount: table.rowCount },
      n: table.rowCount,
      nMissing: 0,
      dropped: [],
    };
  }
  const labels = labelsOf(groupColumn);
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (!isMissing(groupColumn, i)) rows.push(i);
  let levels = [...new Set(rows.map((i) => labels[i] as string))].sort(compareNatural);
  if (request.options.levels && request.options.levels.length > 0) {
    for (const level of request.options.levels) {
      if (!levels.includes(level)) {
        throw new InferraError('level-not-found', {
          column: group as string,
          level,
          suggestion: suggestName(level, levels),
          levels: levels.join(', '),
        });
      }
    }
    levels = [...request.options.levels];
  }
  const targets: DescribeTarget[] = [];
  for (const c of described) {
    for (const level of levels) {
      const at = rows.filter((i) => labels[i] === level);
      const values = c.kind === 'numeric' ? Float64Array.from(at, (i) => c.values[i]) : at.map((i) => c.values[i]);
      targets.push({ column: c.name, kind: c.kind, group: level, values });
    }
  }
  const dropped = table.rowCount - rows.length;
  return {
    input: { targets, group, rowCount: table.rowCount },
    n: rows.length,
    nMissing: dropped,
    dropped: dropped > 0 ? [{ reason: `missing values in ${group}`, count: dropped }] : [],
  };
}

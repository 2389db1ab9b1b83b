/**
 * Taking paired observations out of a table, in long format (outcome + group with two levels +
 * pair id, each id once in each level) or wide format (before + after columns). Shared by the
 * paired t-test and the Wilcoxon signed-rank test.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisId, AnalysisRequest, DroppedRows, Roles, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { suggestName } from '../../util/suggest.js';
import {
  droppedForMissing,
  findColumn,
  findNumericColumn,
  labelsOf,
  requireRole,
  selectNumeric,
} from '../common/select.js';
import type { PairedInput } from './compute.js';

/** Paired data with what selection dropped. */
export interface SelectedPairs {
  input: PairedInput;
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
}

/** Whether the roles describe a paired design (wide before/after, or a pair id). */
export function isPairedRoles(roles: Roles): boolean {
  return Boolean(roles.before || roles.after || roles.pairId);
}

/** The columns a paired design reads. */
export function pairedColumns(roles: Roles): string[] {
  if (roles.before || roles.after) return [roles.before, roles.after].filter((c): c is string => Boolean(c));
  return [roles.outcome, roles.group, roles.pairId].filter((c): c is string => Boolean(c));
}

/** "a, b, c and 4 more" for messages (`total`: how many there are, when `items` holds only the first few). */
export function listSome(items: readonly string[], max = 5, total = items.length): string {
  const shown = items.slice(0, max).map((s) => `'${s}'`);
  return total > max ? `${shown.join(', ')} and ${total - max} more` : shown.join(', ');
}

/** Wide format: differences before - after, rows with a missing value in either dropped. */
function selectWide(request: AnalysisRequest, table: Table, analysis: AnalysisId): SelectedPairs {
  const before = requireRole(request.roles.before, { analysis, role: 'before' });
  const after = requireRole(request.roles.after, { analysis, role: 'after' });
  const s = selectNumeric(
    table,
    [
      { name: before, role: 'before' },
      { name: after, role: 'after' },
    ],
    analysis,
  );
  const [x, y] = s.values;
  const differences = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) differences[i] = x[i] - y[i];
  return {
    input: { design: 'paired', labels: [before, after], format: 'wide', x, y, differences },
    n: s.n,
    nMissing: s.nMissing,
    dropped: s.dropped,
  };
}

/** The two levels of the group column, natural order unless `--levels` says otherwise. */
export function selectTwoLevels(
  labels: readonly (string | null)[],
  group: string,
  requested: readonly string[] | undefined,
  analysis: AnalysisId,
): [string, string] {
  const present = [...new Set(labels.filter((l): l is string => l !== null))].sort(compareNatural);
  let levels = present;
  if (requested && requested.length > 0) {
    for (const level of requested) {
      if (!present.includes(level)) {
        throw new InferraError('level-not-found', {
          column: group,
          level,
          suggestion: suggestName(level, present),
          levels: present.join(', '),
        });
      }
    }
    levels = [...requested];
  }
  if (levels.length !== 2) {
    throw new InferraError('wrong-level-count', {
      analysis,
      expected: 'exactly 2',
      column: group,
      actual: levels.length,
      levels: levels.slice(0, 8).join(', ') + (levels.length > 8 ? ', ...' : ''),
    });
  }
  return [levels[0], levels[1]];
}

/** Long format: pairs matched by id; every id must appear exactly once in each of the two levels. */
function selectLong(request: AnalysisRequest, table: Table, analysis: AnalysisId): SelectedPairs {
  const outcomeName = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const groupName = requireRole(request.roles.group, { analysis, role: 'group' });
  const idName = requireRole(request.roles.pairId, { analysis, role: 'pairId' });
  const outcome = findNumericColumn(table, outcomeName, { analysis, role: 'outcome' });
  const groups = labelsOf(findColumn(table, groupName));
  const ids = labelsOf(findColumn(table, idName));
  const levels = selectTwoLevels(groups, groupName, request.options.levels, analysis);
  const rowOf: Map<string, number>[] = [new Map(), new Map()];
  const duplicated = new Set<string>();
  let unlabelled = 0;
  let otherLevels = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const level = groups[i];
    const id = ids[i];
    if (level === null || id === null) {
      unlabelled++;
      continue;
    }
    const k = levels.indexOf(level);
    if (k < 0) {
      otherLevels++;
      continue;
    }
    if (rowOf[k].has(id)) duplicated.add(id);
    rowOf[k].set(id, i);
  }
  if (duplicated.size > 0) {
    throw new InferraError('not-paired', {
      pairId: idName,
      detail: `${listSome([...duplicated])} ${duplicated.size === 1 ? 'appears' : 'appear'} more than once in a level of '${groupName}'`,
    });
  }
  const onlyFirst = [...rowOf[0].keys()].filter((id) => !rowOf[1].has(id));
  const onlySecond = [...rowOf[1].keys()].filter((id) => !rowOf[0].has(id));
  if (onlyFirst.length > 0 || onlySecond.length > 0) {
    const parts: string[] = [];
    if (onlyFirst.length > 0) parts.push(`${listSome(onlyFirst)} only in '${levels[0]}'`);
    if (onlySecond.length > 0) parts.push(`${listSome(onlySecond)} only in '${levels[1]}'`);
    throw new InferraError('not-paired', { pairId: idName, detail: `found ${parts.join('; ')}` });
  }
  const pairIds = [...rowOf[0].keys()].sort(compareNatural);
  const x: number[] = [];
  const y: number[] = [];
  let incomplete = 0;
  for (const id of pairIds) {
    const a = outcome.values[rowOf[0].get(id) as number];
    const b = outcome.values[rowOf[1].get(id) as number];
    if (Number.isNaN(a) || Number.isNaN(b)) {
      incomplete++;
      continue;
    }
    x.push(a);
    y.push(b);
  }
  const differences = Float64Array.from(x, (v, i) => v - y[i]);
  const dropped: DroppedRows[] = [];
  if (unlabelled > 0) dropped.push(...droppedForMissing([groupName, idName], unlabelled));
  if (incomplete > 0) {
    dropped.push({ reason: `${incomplete} pairs with a missing ${outcomeName} (both rows of each)`, count: 2 * incomplete });
  }
  if (otherLevels > 0) dropped.push({ reason: `levels of ${groupName} not in --levels`, count: otherLevels });
  return {
    input: {
      design: 'paired',
      labels: levels,
      format: 'long',
      outcome: outcomeName,
      group: groupName,
      x: Float64Array.from(x),
      y: Float64Array.from(y),
      differences,
    },
    n: x.length,
    nMissing: unlabelled + 2 * incomplete,
    dropped,
  };
}

/** Paired observations from wide (before/after) or long (outcome/group/pair id) roles. */
export function selectPairs(request: AnalysisRequest, table: Table, analysis: AnalysisId): SelectedPairs {
  const { roles } = request;
  return roles.before || roles.after ? selectWide(request, table, analysis) : selectLong(request, table, analysis);
}

/**
 * Paired designs: the within-pair differences (first minus second, as the paired tests compute
 * them), from wide (`before`, `after`) or long (`outcome`, `group` with two levels, `pairId`) data.
 */
import { InferraError } from '../errors.js';
import { completeRows, findColumn, findNumericColumn, labelsOf, requireRole, selectGroups } from '../analyses/common/select.js';
import type { AnalysisRequest, Table } from '../types.js';
import type { GroupedValues } from './select.js';
import { formatAxisTitle, formatVariableName } from './theme.js';

/** Differences of a paired request, as a one-group sample, and how to name them. */
export interface PairedDifferences {
  data: GroupedValues;
  /** e.g. "Difference in extra (1 - 2)". */
  label: string;
}

/** The two measurements of each pair (first and second, in the test's order) and what to call them. */
export interface PairedMeasurements {
  first: Float64Array;
  second: Float64Array;
  labels: [string, string];
  /** Axis title of the measurements: the outcome (long) or "Value" (wide). */
  valueTitle: string;
}

/** The paired measurements of a request (the differences are first minus second). */
export function computePairedMeasurements(request: AnalysisRequest, table: Table): PairedMeasurements {
  const { roles } = request;
  if (roles.before || roles.after) {
    const before = findNumericColumn(table, requireRole(roles.before, { analysis: request.analysis, role: 'before' }), { analysis: request.analysis, role: 'before' });
    const after = findNumericColumn(table, requireRole(roles.after, { analysis: request.analysis, role: 'after' }), { analysis: request.analysis, role: 'after' });
    const { rows } = completeRows([before, after], table.rowCount);
    return {
      first: Float64Array.from(rows, (i) => before.values[i]),
      second: Float64Array.from(rows, (i) => after.values[i]),
      labels: [formatVariableName(before.name), formatVariableName(after.name)],
      valueTitle: 'Value',
    };
  }
  const { outcome, groups, first, second } = matchLongPairs(request, table);
  return { first: Float64Array.from(first), second: Float64Array.from(second), labels: [groups.levels[0], groups.levels[1]], valueTitle: formatAxisTitle(outcome) };
}

/** The within-pair differences of a paired request. */
export function computePairedDifferences(request: AnalysisRequest, table: Table): PairedDifferences {
  const { roles } = request;
  if (roles.before || roles.after) {
    const before = findNumericColumn(table, requireRole(roles.before, { analysis: request.analysis, role: 'before' }), { analysis: request.analysis, role: 'before' });
    const after = findNumericColumn(table, requireRole(roles.after, { analysis: request.analysis, role: 'after' }), { analysis: request.analysis, role: 'after' });
    const { rows, dropped } = completeRows([before, after], table.rowCount);
    const diffs = Float64Array.from(rows, (i) => before.values[i] - after.values[i]);
    return {
      data: {
        outcome: `${before.name} - ${after.name}`,
        levels: [''],
        samples: [diffs],
        n: rows.length,
        nMissing: dropped,
        dropped: dropped > 0 ? [{ reason: `missing values in ${before.name}, ${after.name}`, count: dropped }] : [],
      },
      label: `Difference (${formatVariableName(before.name, true)} - ${formatVariableName(after.name, true)})`,
    };
  }
  const { outcome, pairName, groups, first, second } = matchLongPairs(request, table);
  const diffs = first.map((x, k) => x - second[k]);
  const unmatched = groups.n - 2 * diffs.length;
  return {
    data: {
      outcome,
      levels: [''],
      samples: [Float64Array.from(diffs)],
      n: diffs.length,
      nMissing: groups.nMissing,
      dropped: [...groups.dropped, ...(unmatched > 0 ? [{ reason: `rows without a partner in ${pairName}`, count: unmatched }] : [])],
    },
    label: `Difference in ${formatVariableName(outcome, true)} (${groups.levels[0]} - ${groups.levels[1]})`,
  };
}

/**
 * Long data: the two measurements of each pair whose id appears in both levels (first level's value,
 * second level's value, in the first level's row order); `not-paired` when no id does.
 */
function matchLongPairs(request: AnalysisRequest, table: Table) {
  const { roles } = request;
  const outcome = requireRole(roles.outcome, { analysis: request.analysis, role: 'outcome' });
  const group = requireRole(roles.group, { analysis: request.analysis, role: 'group' });
  const pairName = requireRole(roles.pairId, { analysis: request.analysis, role: 'pairId' });
  const groups = selectGroups(table, {
    analysis: request.analysis,
    role: 'outcome',
    outcome,
    group,
    levels: request.options.levels,
    minLevels: 2,
    maxLevels: 2,
    expected: 'exactly 2',
  });
  const pairLabels = labelsOf(findColumn(table, pairName));
  const later = new Map<string, number>();
  groups.rows[1].forEach((row, k) => {
    const id = pairLabels[row];
    if (id !== null) later.set(id, groups.samples[1][k]);
  });
  const first: number[] = [];
  const second: number[] = [];
  groups.rows[0].forEach((row, k) => {
    const id = pairLabels[row];
    const other = id === null ? undefined : later.get(id);
    if (other !== undefined) {
      first.push(groups.samples[0][k]);
      second.push(other);
    }
  });
  if (first.length === 0) throw new InferraError('not-paired', { pairId: pairName, detail: 'no id appears in both groups' });
  return { outcome, pairName, groups, first, second };
}

/**
 * Long-format repeated measures (one row per subject and condition) as a subjects-by-conditions table,
 * shared by the within-subject analyses (friedman, anova_rm): exactly one value per subject and
 * condition (repeated cells are refused, naming them), subjects without a value in every condition
 * dropped with a warning that says how many and which.
 */
import { InferraError } from '../../errors.js';
import type { AnalysisRequest, Table } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { completeRows, droppedForMissing, findColumn, findNumericColumn, labelsOf, requireRole } from '../common/select.js';
import type { Validated } from '../types.js';

/** The subject-by-condition table: values[i][j] = subject i under condition j. */
export interface BlockInput {
  outcome: string;
  within: string;
  subject: string;
  conditions: string[];
  subjects: string[];
  values: Float64Array[];
}

/** At most this many subjects or cells are named in a message. */
const NAMED = 5;

/** "1, 7, 12 and 2 more". */
function nameSome(items: readonly string[]): string {
  const shown = items.slice(0, NAMED).join(', ');
  return items.length > NAMED ? `${shown} and ${items.length - NAMED} more` : shown;
}

/** One value per subject and condition; subjects missing a condition are dropped, repeated cells refused. */
export function validateBlocks(request: AnalysisRequest, table: Table): Validated<BlockInput> {
  const analysis = request.analysis;
  const outcome = requireRole(request.roles.outcome, { analysis, role: 'outcome' });
  const within = requireRole(request.roles.within ?? request.roles.group, { analysis, role: 'within' });
  const subject = requireRole(request.roles.subject ?? request.roles.pairId, { analysis, role: 'subject' });
  const y = findNumericColumn(table, outcome, { analysis, role: 'outcome' });
  const w = findColumn(table, within);
  const s = findColumn(table, subject);
  const { rows, dropped } = completeRows([y, w, s], table.rowCount);
  const wl = labelsOf(w);
  const sl = labelsOf(s);
  let conditions = [...new Set(rows.map((i) => wl[i] as string))].sort(compareNatural);
  const wanted = request.options.levels;
  let kept = rows;
  const droppedRows = droppedForMissing([outcome, within, subject], dropped);
  if (wanted && wanted.length > 0) {
    for (const level of wanted) if (!conditions.includes(level)) throw new InferraError('level-not-found', { column: within, level, levels: conditions.join(', ') });
    conditions = [...wanted];
    kept = rows.filter((i) => wanted.includes(wl[i] as string));
    if (kept.length < rows.length) droppedRows.push({ reason: `levels of ${within} not in --levels`, count: rows.length - kept.length });
  }
  if (conditions.length < 2) throw new InferraError('wrong-level-count', { analysis, expected: 'at least 2', column: within, actual: conditions.length, levels: conditions.join(', ') });
  const cIndex = new Map(conditions.map((c, j) => [c, j]));
  const bySubject = new Map<string, Float64Array>();
  const repeated: string[] = [];
  for (const i of kept) {
    const id = sl[i] as string;
    let row = bySubject.get(id);
    if (!row) {
      row = new Float64Array(conditions.length).fill(NaN);
      bySubject.set(id, row);
    }
    const j = cIndex.get(wl[i] as string) as number;
    if (!Number.isNaN(row[j])) {
      const cell = `${subject} ${id} at ${within} = ${conditions[j]}`;
      if (!repeated.includes(cell)) repeated.push(cell);
    }
    row[j] = y.values[i];
  }
  if (repeated.length > 0) {
    throw new InferraError('repeated-cells', { analysis, outcome, subject, within, count: repeated.length, cells: nameSome(repeated) });
  }
  const subjects: string[] = [];
  const values: Float64Array[] = [];
  const incomplete: string[] = [];
  let incompleteRows = 0;
  for (const id of [...bySubject.keys()].sort(compareNatural)) {
    const row = bySubject.get(id) as Float64Array;
    if (row.some(Number.isNaN)) {
      incomplete.push(id);
      incompleteRows += row.filter((v) => !Number.isNaN(v)).length;
      continue;
    }
    subjects.push(id);
    values.push(row);
  }
  const warnings: string[] = [];
  if (incomplete.length > 0) {
    const count = incomplete.length;
    droppedRows.push({ reason: `${count} subject${count === 1 ? '' : 's'} of ${subject} without a value in every condition of ${within}`, count: incompleteRows });
    warnings.push(
      `${count} of ${count + subjects.length} subjects (${subject} ${nameSome(incomplete)}) lack a value in some condition of ${within} and were left out (${incompleteRows} row${incompleteRows === 1 ? '' : 's'}); the analysis uses the ${subjects.length} complete subjects.`,
    );
  }
  if (subjects.length < 2) throw new InferraError('too-few-observations', { analysis, needed: 2, actual: subjects.length, where: `subjects of ${subject} with a value in every condition` });
  return {
    input: { outcome, within, subject, conditions, subjects, values },
    n: subjects.length * conditions.length,
    nMissing: dropped,
    dropped: droppedRows,
    warnings,
  };
}

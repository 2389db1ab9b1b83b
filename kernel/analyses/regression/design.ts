/**
 * From the `predictors` role to design columns, as R's `model.matrix` builds them: numeric columns
 * as they are, powers `x^k` as `I(x^k)` (named `x^k`), categorical and boolean columns as treatment
 * dummies against their first level (named column + level, e.g. `speciesChinstrap`, `sexTRUE`).
 */
import { InferraError } from '../../errors.js';
import type { Table, TextColumn } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { findColumn } from '../common/select.js';

/** One requested predictor term: a column, or a power of a numeric column. */
export interface TermSpec {
  /** As written, e.g. `x^2`. */
  label: string;
  column: string;
  power: number;
}

const POWER = /^\s*(?:I\(\s*)?(.+?)\s*\^\s*(\d+)\s*\)?\s*$/;

/**
 * Parses the predictor list into terms: `x^2` (or `I(x^2)`) is a power unless a column has that exact
 * name; `degree` N with one predictor expands it to `x, x^2, ..., x^N`.
 */
export function parseTermSpecs(predictors: readonly string[], degree: number | undefined, columnNames?: readonly string[]): TermSpec[] {
  const terms = predictors.map((label): TermSpec => {
    const m = POWER.exec(label);
    if (!m || columnNames?.includes(label)) return { label, column: label, power: 1 };
    const power = Number(m[2]);
    return { label: power === 1 ? m[1] : `${m[1]}^${power}`, column: m[1], power };
  });
  if (degree === undefined || degree === 1) return terms;
  if (!Number.isInteger(degree) || degree < 1) {
    throw new InferraError('invalid-option', { option: 'degree', detail: `must be a whole number of at least 1, not ${degree}.` });
  }
  if (terms.length !== 1 || terms[0].power !== 1) {
    throw new InferraError('invalid-option', {
      option: 'degree',
      detail: `fits a polynomial in one predictor, but ${terms.length} terms were given (${predictors.join(', ')}). Write powers as x^2 instead.`,
    });
  }
  const base = terms[0].column;
  return Array.from({ length: degree }, (_, i) => ({ label: i === 0 ? base : `${base}^${i + 1}`, column: base, power: i + 1 }));
}

/** The distinct column names the terms read. */
export function columnsOfTerms(terms: readonly TermSpec[]): string[] {
  return [...new Set(terms.map((t) => t.column))];
}

/** Design columns and their names for the given table rows. */
export interface BuiltTerms {
  terms: string[];
  columns: Float64Array[];
  /** Which requested term each design column came from (a factor gives several). */
  sources: string[];
  /** Each treatment-coded factor's reference (first) level, absent from the dummies. */
  references: { column: string; level: string }[];
}

/**
 * Builds the design columns of the terms at the given rows (rows must be complete). Without an
 * intercept the first categorical term gets a dummy for every level, as R's `model.matrix` does.
 * `analysis` names the model in error messages.
 */
export function buildDesignColumns(table: Table, specs: readonly TermSpec[], rows: readonly number[], intercept = true, analysis = 'ols'): BuiltTerms {
  let fullCoding = !intercept;
  const terms: string[] = [];
  const columns: Float64Array[] = [];
  const sources: string[] = [];
  const references: { column: string; level: string }[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const column = findColumn(table, spec.column);
    if (column.kind === 'numeric') {
      if (seen.has(spec.label)) continue;
      seen.add(spec.label);
      const out = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) out[k] = column.values[rows[k]] ** spec.power;
      terms.push(spec.label);
      columns.push(out);
      sources.push(spec.label);
      continue;
    }
    if (spec.power !== 1) {
      throw new InferraError('column-not-numeric', { column: spec.column, kind: column.kind, analysis, role: `power term ${spec.label}` });
    }
    if (column.kind !== 'categorical' && column.kind !== 'boolean') {
      throw new InferraError('column-not-numeric', { column: spec.column, kind: column.kind, analysis, role: 'predictors', note: column.note });
    }
    if (seen.has(spec.column)) continue;
    seen.add(spec.column);
    const dummies = buildDummies(column, rows, fullCoding, analysis);
    for (const dummy of dummies.dummies) {
      terms.push(dummy.term);
      columns.push(dummy.values);
      sources.push(spec.column);
    }
    if (!fullCoding) references.push({ column: spec.column, level: dummies.reference });
    fullCoding = false;
  }
  return { terms, columns, sources, references };
}

/**
 * The number of design columns `buildDesignColumns` would build for these rows (factor levels are
 * counted, nothing is allocated per row and term), so the size of a fit can be checked first.
 */
export function countDesignColumns(table: Table, specs: readonly TermSpec[], rows: readonly number[], intercept = true): number {
  let fullCoding = !intercept;
  let count = 0;
  const seen = new Set<string>();
  for (const spec of specs) {
    const column = findColumn(table, spec.column);
    const key = column.kind === 'numeric' ? spec.label : spec.column;
    if (seen.has(key)) continue;
    seen.add(key);
    if (column.kind === 'numeric' || spec.power !== 1) {
      count++;
      continue;
    }
    const levels = new Set<string | null>();
    for (const i of rows) levels.add(column.values[i]);
    count += Math.max(1, levels.size - (fullCoding ? 0 : 1));
    fullCoding = false;
  }
  return count;
}

/** Treatment-coded dummies of a categorical or boolean column against its first level (or of every level). */
function buildDummies(
  column: TextColumn,
  rows: readonly number[],
  everyLevel: boolean,
  analysis: string,
): { dummies: { term: string; values: Float64Array }[]; reference: string } {
  const labels = rows.map((i) => column.values[i] as string);
  const boolean = column.kind === 'boolean';
  const levels = [...new Set(labels)].sort(boolean ? compareBoolean : compareNatural);
  if (levels.length < 2) {
    throw new InferraError('zero-variance', { where: `Predictor '${column.name}'`, value: levels[0] ?? 'missing', analysis });
  }
  const dummies = levels.slice(everyLevel ? 0 : 1).map((level) => ({
    // R names a logical predictor's dummy `xTRUE`.
    term: `${column.name}${boolean ? level.toUpperCase() : level}`,
    values: Float64Array.from(labels, (l) => (l === level ? 1 : 0)),
  }));
  return { dummies, reference: levels[0] };
}

/** false before true, as R orders a logical factor. */
export function compareBoolean(a: string, b: string): number {
  const rank = (v: string) => (/^(false|0|no)$/i.test(v) ? 0 : 1);
  return rank(a) - rank(b) || compareNatural(a, b);
}

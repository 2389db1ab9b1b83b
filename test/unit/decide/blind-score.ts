/**
 * Scoring of the blind decision set (issue #16): requests written by someone who had not read the
 * rules, each with the answer a statistician would give (`expect`, plus equally right `accept`
 * answers), `should_ask` or `no_match`. A decision matches when its analysis and roles match one
 * accepted answer (column sets compared without order where order carries no meaning) and its
 * options hold what the request made explicit and nothing it did not (no one-sided test, filter or
 * level restriction that was not asked for).
 */
import { readFileSync } from 'node:fs';

/** One expected decision. */
export interface ExpectedDecision {
  analysis: string;
  roles?: Record<string, string | string[]>;
  options?: { alternative?: string; mu?: number; where?: { column: string; op?: string; value: unknown }[]; levels?: unknown[] };
}

/** One request of the blind set. */
export interface BlindRequest {
  id: string;
  dataset: string;
  prompt: string;
  expect: ExpectedDecision | 'should_ask' | 'no_match';
  accept?: (ExpectedDecision | 'should_ask' | 'no_match')[];
  why: string;
  kind: 'clear' | 'ask' | 'unfit' | 'textbook';
}

/** What the engine answered, in the decide JSON's terms. */
export type Answer =
  | { kind: 'decided'; analysis: string; roles: Record<string, unknown>; options: Record<string, unknown> }
  | { kind: 'ambiguous' | 'no_match'; alternatives: { analysis: string; roles: Record<string, unknown>; options?: Record<string, unknown> }[] };

/** How an answer compares with the expectation. */
export type Outcome = 'correct' | 'silent-guess' | 'asked-when-clear' | 'wrong-no-match';

const CORRELATIONS = new Set(['pearson', 'spearman', 'kendall']);
const TABLES = new Set(['chi2_independence', 'fisher_exact']);
const SINGLE = new Set(['describe', 'shapiro_wilk', 'ttest_one_sample', 'histogram', 'qqplot', 'kde']);
const norm = (s: unknown) => String(s).replace(/\s+/g, '').replace(/^I\((.*)\)$/, '$1');
const flat = (roles: Record<string, unknown> | undefined) =>
  Object.values(roles ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v])).map(norm);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
const whereKey = (w: { column: unknown; op?: unknown; value: unknown }) => `${norm(w.column)}${String(w.op ?? '=')}${norm(w.value)}`;

/** The distinct values of a column of a CSV (to tell "all levels" from a restriction). */
export type Distinct = (dataset: string, column: string) => Set<string>;

/** A CSV reader small enough for the test datasets (quotes, commas, newlines). */
export function csvDistinct(fileOf: (dataset: string) => string): Distinct {
  const cache = new Map<string, Map<string, Set<string>>>();
  return (dataset, column) => {
    if (!cache.has(dataset)) {
      const text = readFileSync(fileOf(dataset), 'utf8');
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
          else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') row.push(cell), (cell = '');
        else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
        else if (c !== '\r') cell += c;
      }
      if (cell !== '' || row.length) row.push(cell), rows.push(row);
      const [head, ...body] = rows;
      cache.set(dataset, new Map(head.map((h, j) => [h, new Set(body.map((r) => r[j]))])));
    }
    return cache.get(dataset)?.get(column) ?? new Set();
  };
}

/** Null when the decision matches `expected`, else why not. */
function mismatch(expected: ExpectedDecision, actual: { analysis: string; roles: Record<string, unknown>; options: Record<string, unknown> }, dataset: string, distinct: Distinct): string | null {
  if (expected.analysis !== actual.analysis) return `analysis ${actual.analysis}`;
  const er = expected.roles ?? {};
  const ar = actual.roles ?? {};
  if (CORRELATIONS.has(expected.analysis) || TABLES.has(expected.analysis) || SINGLE.has(expected.analysis)) {
    const e = flat(er);
    if (!(expected.analysis === 'describe' && e.length === 0) && !sameSet(e, flat(ar))) return 'columns';
  } else {
    for (const [role, want] of Object.entries(er)) {
      let got = ar[role];
      const degree = Number(actual.options.degree ?? 0);
      if (role === 'predictors' && Array.isArray(got) && got.length === 1 && degree > 1) {
        got = [got[0], ...Array.from({ length: degree - 1 }, (_, k) => `${String(got && (got as unknown[])[0])}^${k + 2}`)];
      }
      if (got === undefined) return `role ${role} missing`;
      if (!sameSet((Array.isArray(want) ? want : [want]).map(norm), (Array.isArray(got) ? got : [got]).map(norm))) return `role ${role}`;
    }
  }
  const eo = expected.options ?? {};
  const ao = actual.options ?? {};
  if (String(ao.alternative ?? 'two-sided') !== (eo.alternative ?? 'two-sided')) return 'alternative';
  if (eo.mu !== undefined && Number(ao.mu ?? 0) !== Number(eo.mu)) return 'mu';
  const aw = ((ao.where as { column: unknown; op?: unknown; value: unknown }[] | undefined) ?? []).map(whereKey);
  if (!sameSet((eo.where ?? []).map(whereKey), aw)) return 'where';
  const al = ((ao.levels as unknown[] | undefined) ?? []).map(String);
  if (eo.levels) {
    const el = eo.levels.map(String);
    const ordered = eo.alternative !== undefined && eo.alternative !== 'two-sided';
    if (!(ordered ? al.join('|') === el.join('|') : sameSet(el, al))) return 'levels';
  } else if (al.length && typeof er.group === 'string' && ![...distinct(dataset, er.group)].every((v) => al.includes(v))) {
    return 'levels restrict the groups';
  }
  return null;
}

/** The outcome of one request. */
export function classify(request: BlindRequest, answer: Answer, distinct: Distinct): Outcome {
  const accepted = [request.expect, ...(request.accept ?? [])];
  const decisions = accepted.filter((e): e is ExpectedDecision => typeof e === 'object');
  if (answer.kind === 'decided') {
    return decisions.some((e) => mismatch(e, answer, request.dataset, distinct) === null) ? 'correct' : 'silent-guess';
  }
  if (answer.kind === 'ambiguous') return accepted.includes('should_ask') ? 'correct' : 'asked-when-clear';
  // A request that should ask is not answered by "nothing fits": the researcher gets no choices.
  return accepted.includes('no_match') ? 'correct' : 'wrong-no-match';
}

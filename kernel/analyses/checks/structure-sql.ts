/**
 * The structure check (structure.ts) as aggregates computed where the data is: for each candidate
 * grouping column, SQL over the relation `d` (kernel/data/aggregate.ts: the analysis' columns and
 * the candidate as `c0`, `c1`, `c2`) returns one row per level (or per level and group) of counts,
 * means and centred sums of squares and cross-products, which `correlationFinding` and
 * `differenceFinding` turn into the finding. Only those small rows reach JavaScript, so the check
 * costs a few grouped scans instead of loading every row of the grouping columns.
 *
 * Pearson and Spearman (ranks by window functions, averaged over ties) and the two-group
 * comparisons are planned here; Kendall's tau is not (`planStructureCheck` returns undefined) and
 * is examined on the loaded table.
 */
import type { AnalysisId, AnalysisRequest } from '../../types.js';
import { correlationFinding, differenceFinding, pearsonFromMoments, twoLevelsOf, type DifferenceLevel, type PairLevel, type SideMoments, type StructureFinding } from './structure.js';

/** A result row of the data layer's aggregate queries. */
export type Row = Record<string, number | string | boolean | null>;

/** What to compute for one candidate: the columns (in the order of `c0`, `c1`, ...), the queries, and how to read their rows. */
export interface CandidatePlan {
  columns: string[];
  queries: string[];
  finding: (results: Row[][]) => StructureFinding | undefined;
}

/** The plan of the check: a first query (the two levels compared, for the two-group tests) and one plan per candidate. */
export interface StructurePlan {
  /** Columns and queries whose rows `candidates` needs first (the group levels present), if any. */
  levels?: { columns: string[]; query: string };
  candidates: (levelRows: Row[] | undefined) => { levels?: [string, string]; plans: CandidatePlan[] };
}

const CORRELATIONS = new Set<AnalysisId>(['pearson', 'spearman']);
const DIFFERENCES = new Set<AnalysisId>(['ttest_welch', 'ttest_ind']);

/** A label as the loaded table spells it (labelsOf): numbers in JavaScript's shortest form, text as is. */
function label(value: Row[string]): string {
  return String(value);
}

const num = (value: Row[string]): number => (value === null ? NaN : Number(value));

/** Average rank of `col` within `partition` (ties share the mean of their ranks), as a SQL expression. */
function averageRank(col: string, partition: string[]): string {
  const by = partition.length ? `PARTITION BY ${partition.join(', ')} ` : '';
  return `(rank() OVER (${by}ORDER BY ${col}) + (count(*) OVER (PARTITION BY ${[...partition, col].join(', ')}) - 1) / 2)`;
}

/** The correlation plan for one candidate column (x = c0, y = c1, grouping = c2). */
function correlationPlan(analysis: AnalysisId, x: string, y: string, column: string): CandidatePlan {
  const complete = 'c0 IS NOT NULL AND c1 IS NOT NULL AND c2 IS NOT NULL';
  const queries = [
    `SELECT c2 AS level, count(*) AS n, avg(c0) AS mx, avg(c1) AS my, regr_sxx(c1, c0) AS sxx, regr_syy(c1, c0) AS syy, regr_sxy(c1, c0) AS sxy FROM d WHERE ${complete} GROUP BY c2`,
  ];
  if (analysis === 'spearman') {
    queries.push(
      `SELECT level, corr(rx, ry) AS r FROM (SELECT c2 AS level, ${averageRank('c0', ['c2'])} AS rx, ${averageRank('c1', ['c2'])} AS ry FROM d WHERE ${complete}) GROUP BY level`,
      `SELECT corr(rx, ry) AS r FROM (SELECT ${averageRank('c0', [])} AS rx, ${averageRank('c1', [])} AS ry FROM d WHERE ${complete})`,
    );
  }
  return {
    columns: [x, y, column],
    queries,
    finding: ([moments, ranked, pooledRanked]) => {
      const rankR = new Map((ranked ?? []).map((r) => [label(r.level), clampR(num(r.r))]));
      const levels = moments.map((r): PairLevel => {
        const m = { n: num(r.n), meanX: num(r.mx), meanY: num(r.my), sxx: num(r.sxx), syy: num(r.syy), sxy: num(r.sxy) };
        const level = label(r.level);
        return { level, ...m, estimate: analysis === 'spearman' ? (rankR.get(level) ?? NaN) : pearsonFromMoments(m) };
      });
      const pooled = analysis === 'spearman' ? clampR(num(pooledRanked?.[0]?.r ?? null)) : NaN;
      return correlationFinding(analysis, column, levels, pooled);
    },
  };
}

/** A correlation of ranks as the analyses report it: within [-1, 1], NaN when undefined. */
function clampR(r: number): number {
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : NaN;
}

/** The two-group plan for one candidate column (outcome = c0, group = c1, grouping = c2). */
function differencePlan(outcome: string, group: string, levels: [string, string], column: string): CandidatePlan {
  return {
    columns: [outcome, group, column],
    queries: [
      'SELECT c2 AS level, c1 AS side, count(*) AS n, avg(c0) AS mean, var_pop(c0) * count(*) AS ss FROM d WHERE c0 IS NOT NULL AND c1 IS NOT NULL AND c2 IS NOT NULL GROUP BY c2, c1',
    ],
    finding: ([cells]) => {
      const byLevel = new Map<string, DifferenceLevel>();
      for (const r of cells) {
        const side = label(r.side);
        if (side !== levels[0] && side !== levels[1]) continue;
        const level = label(r.level);
        const entry = byLevel.get(level) ?? { level, first: EMPTY, second: EMPTY };
        const moments: SideMoments = { n: num(r.n), mean: num(r.mean), ss: num(r.ss) };
        byLevel.set(level, side === levels[0] ? { ...entry, first: moments } : { ...entry, second: moments });
      }
      return differenceFinding(column, [...byLevel.values()]);
    },
  };
}

const EMPTY: SideMoments = { n: 0, mean: 0, ss: 0 };

/** The check's plan for an analysis and its candidate columns, or undefined when it is examined on the loaded table (Kendall) or does not apply. */
export function planStructureCheck(request: AnalysisRequest & { analysis: AnalysisId }, candidates: readonly string[]): StructurePlan | undefined {
  const r = request.roles;
  if (CORRELATIONS.has(request.analysis) && r.x && r.y) {
    const { x, y } = r as { x: string; y: string };
    return { candidates: () => ({ plans: candidates.map((c) => correlationPlan(request.analysis, x, y, c)) }) };
  }
  if (DIFFERENCES.has(request.analysis) && r.outcome && r.group) {
    const { outcome, group } = r as { outcome: string; group: string };
    const plans = (levels: [string, string] | undefined) => ({ levels, plans: levels ? candidates.map((c) => differencePlan(outcome, group, levels, c)) : [] });
    if (request.options.levels) return { candidates: () => plans(twoLevelsOf(request, [])) };
    return {
      levels: { columns: [outcome, group], query: 'SELECT DISTINCT c1 AS side FROM d WHERE c0 IS NOT NULL AND c1 IS NOT NULL LIMIT 3' },
      candidates: (rows) => plans(twoLevelsOf(request, (rows ?? []).map((row) => label(row.side)))),
    };
  }
  return undefined;
}

/**
 * `describe` in the database: each column classified as a file's would be (classify.ts, from counts),
 * then per column (and per group): numeric columns get n, mean, SD, SE and the shape from the plan's
 * exact moments (order 4), min and max, and R's type-7 quartiles from the order statistics they read;
 * categorical and boolean columns their level counts; other columns their distinct values.
 */
import { InferraError } from '../../errors.js';
import { classifyColumn, MAX_CATEGORICAL_LEVELS } from '../../data/classify.js';
import { BOOLEAN_WORDS } from '../../data/schema.js';
import { label, rangeRound, runDistinct, runGroupRows, runMoments, runNonIntegers, runOrderStatistics, runValueCounts } from '../../data/plan/run.js';
import { centralMomentsOf } from '../../data/plan/state.js';
import type { PlanColumn } from '../../data/plan/types.js';
import type { AnalysisId, AnalysisRequest, ColumnKind, LevelCount } from '../../types.js';
import { compareNatural } from '../../util/natural-sort.js';
import { suggestName } from '../../util/suggest.js';
import { quantileAt, quantileRanks } from '../common/quantile.js';
import { shapeFromMoments, type ColumnDescription, type DescribeResult } from '../describe/compute.js';
import { runAnalysisWith, type ComputedOutcome } from '../run.js';
import type { PlanContext } from './index.js';

const QUARTILES = [0.25, 0.5, 0.75] as const;

/** A column's kind by the file rules, from counts taken in the database (a file's schema already gives it). */
async function classify(ctx: PlanContext, column: PlanColumn, position: number, rows: number): Promise<ColumnKind> {
  const storageKind = ctx.kinds.get(column.name);
  if (ctx.classified && storageKind) return storageKind;
  if (storageKind === 'boolean' || storageKind === 'datetime') return storageKind;
  const distinct = (await runDistinct(ctx.engine, ctx.relation, column)).get('') ?? 0;
  if (column.numeric) {
    const [range] = await rangeRound(ctx.engine, ctx.relation, { kind: 'moments', value: column });
    const integer = (await runNonIntegers(ctx.engine, ctx.relation, column)) === 0;
    const facts = { n: range?.n ?? 0, min: range?.min ?? NaN, max: range?.max ?? NaN };
    return classifyColumn({ name: column.name, position, storage: 'numeric', rows, n: facts.n, distinct, integer, consecutive: integer && facts.max - facts.min + 1 === distinct, min: facts.min }).kind;
  }
  // Level counts come back only for columns with few distinct values (never a free-text column's values).
  const counts = distinct <= MAX_CATEGORICAL_LEVELS ? (await runValueCounts(ctx.engine, ctx.relation, column)).get('') : undefined;
  const n = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : (await runGroupRows(ctx.engine, ctx.relation, column)).get('') ?? 0;
  const booleanWords = counts !== undefined && [...counts.keys()].every((v) => BOOLEAN_WORDS.has(v.trim().toLowerCase()));
  return classifyColumn({ name: column.name, position, storage: 'text', rows, n, distinct, booleanWords }).kind;
}

/** Describes the relation's columns (`column`, or every column but the group) in the database. */
export async function runDescribeInDatabase(request: AnalysisRequest & { analysis: AnalysisId }, ctx: PlanContext, tableColumns: readonly string[]): Promise<{ computed: ComputedOutcome; rows: number }> {
  const { column, group } = request.roles;
  const groupColumn = group ? { name: group, numeric: ctx.kinds.get(group) === 'numeric' } : undefined;
  const names = column ? [column] : tableColumns.filter((c) => c !== group);
  const perGroup = await runGroupRows(ctx.engine, ctx.relation, groupColumn);
  const all = await runGroupRows(ctx.engine, ctx.relation);
  const rows = all.get('') ?? 0;
  // Groups in natural order of their labels (numbers as JavaScript prints them), or `--levels`.
  const keys = [...perGroup.keys()].map((raw) => ({ raw, level: groupColumn ? label(groupColumn, raw) : '' }));
  keys.sort((a, b) => compareNatural(a.level, b.level));
  let levels = keys;
  if (groupColumn && request.options.levels && request.options.levels.length > 0) {
    const present = keys.map((k) => k.level);
    for (const level of request.options.levels) {
      if (!present.includes(level)) throw new InferraError('level-not-found', { column: groupColumn.name, level, suggestion: suggestName(level, present), levels: present.join(', ') });
    }
    levels = request.options.levels.map((level) => keys.find((k) => k.level === level)!);
  }
  const described: ColumnDescription[] = [];
  for (const name of names) {
    const planColumn: PlanColumn = { name, numeric: ctx.kinds.get(name) === 'numeric' };
    const kind = await classify(ctx, planColumn, tableColumns.indexOf(name), rows);
    const head = (level: { level: string }) => ({ column: name, kind, ...(groupColumn ? { group: level.level } : {}) });
    if (kind === 'numeric') {
      const aggregate = { kind: 'moments' as const, value: planColumn, group: groupColumn, order: 4 as const };
      const ranges = await rangeRound(ctx.engine, ctx.relation, aggregate);
      const moments = ranges.length ? await runMoments(ctx.engine, ctx.relation, aggregate, ranges) : [];
      const ranks = new Map(moments.map((m) => [m.raw, QUARTILES.flatMap((p) => quantileRanks(m.n, p))]));
      const order = await runOrderStatistics(ctx.engine, ctx.relation, aggregate, ranks);
      for (const level of levels) {
        const m = moments.find((x) => x.raw === level.raw);
        const groupRows = perGroup.get(level.raw) ?? 0;
        if (!m) {
          described.push({ ...head(level), n: 0, missing: groupRows, mean: NaN, sd: NaN, se: NaN, min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN, skewness: NaN, kurtosis: NaN });
          continue;
        }
        const at = (i: number) => order.get(m.raw)!.get(i)!;
        const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : NaN;
        const [q1, median, q3] = QUARTILES.map((p) => quantileAt(m.n, p, at));
        described.push({
          ...head(level),
          n: m.n,
          missing: groupRows - m.n,
          mean: m.mean,
          sd,
          se: sd / Math.sqrt(m.n),
          min: m.min,
          q1,
          median,
          q3,
          max: m.max,
          ...shapeFromMoments(centralMomentsOf(m.centred, m.n)),
        });
      }
      continue;
    }
    if (kind === 'categorical' || kind === 'boolean') {
      const counts = await runValueCounts(ctx.engine, ctx.relation, planColumn, groupColumn);
      for (const level of levels) {
        const found = counts.get(groupColumn ? level.raw : '') ?? new Map<string, number>();
        const levelCounts: LevelCount[] = [...found].map(([value, count]) => ({ value, count })).sort((a, b) => compareNatural(a.value, b.value));
        const n = levelCounts.reduce((s, l) => s + l.count, 0);
        described.push({ ...head(level), n, missing: (perGroup.get(level.raw) ?? 0) - n, levels: levelCounts });
      }
      continue;
    }
    const distinct = await runDistinct(ctx.engine, ctx.relation, planColumn, groupColumn);
    const present = await runGroupRows(ctx.engine, { sql: `SELECT * FROM (${ctx.relation.sql}) AS r WHERE ${ctx.engine.dialect.identifier(name)} IS NOT NULL`, params: ctx.relation.params }, groupColumn);
    for (const level of levels) {
      const n = present.get(groupColumn ? level.raw : '') ?? 0;
      described.push({ ...head(level), n, missing: (perGroup.get(level.raw) ?? 0) - n, distinct: distinct.get(groupColumn ? level.raw : '') ?? 0 });
    }
  }
  const result: DescribeResult = { columns: described, ...(group ? { group } : {}) };
  const missingGroup = rows - [...perGroup.values()].reduce((a, b) => a + b, 0);
  const computed = runAnalysisWith(request, {
    validate: () => ({
      input: { targets: [], ...(group ? { group } : {}), rowCount: rows },
      n: groupColumn ? rows - missingGroup : rows,
      nMissing: groupColumn ? missingGroup : 0,
      dropped: groupColumn && missingGroup > 0 ? [{ reason: `missing values in ${group}`, count: missingGroup }] : [],
    }),
    compute: () => result,
  });
  return { computed, rows };
}

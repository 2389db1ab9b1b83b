/**
 * Groups compared over repeated rows (issue #16): in long data where each subject is measured at every
 * time (`tree` 1..79 crossed with `Time`, subjects nested in `treat`), a test of independent groups over
 * all rows counts each subject once per time, as if the rows were independent. When the request names
 * neither a time nor the subjects ("Test the ozone effect on size with a t-test"), it is asked which
 * time is meant (reason time-point): the comparison at the last time, or at the first.
 */
import { taskTitle } from '../contract/index.js';
import type { TaskId } from '../types.js';
import type { ColumnInfo } from './columns.js';
import type { RequestContext } from './context.js';
import type { Ambiguity, DecisionOutcome } from './types.js';

/** Tests that take the rows of each group as independent observations. */
const INDEPENDENT_GROUPS = new Set<TaskId>(['ttest_welch', 'ttest_ind', 'mann_whitney', 'anova_oneway', 'welch_anova', 'kruskal_wallis']);

/**
 * The time column a subject column is crossed with (each subject once at every time), if any. Counts alone
 * cannot tell a crossed time from a nested layer (12 plots, each at one of four depths "0-10" .. "60-90",
 * count alike; nor a block from a time: plots crossed with blocks 1..4), so the column must be named a time.
 */
function crossedTime(columns: readonly ColumnInfo[], subject: ColumnInfo, used: ReadonlySet<string>, timeNames: readonly string[]): ColumnInfo | undefined {
  return columns.find((c) => {
    const levels = c.schema.levels ?? [];
    const time = c.words.some((w) => timeNames.includes(w));
    return c !== subject && c.factor && !used.has(c.name) && time && levels.length >= 2 && levels.every((l) => l.count === subject.schema.distinct);
  });
}

/** The decision, or a question about which time is meant when the groups' rows repeat the same subjects. */
export function askRepeatedRows(ctx: RequestContext, outcome: DecisionOutcome, timeNames: readonly string[]): DecisionOutcome {
  if (outcome.status !== 'decided' || !INDEPENDENT_GROUPS.has(outcome.analysis) || !outcome.roles.group) return outcome;
  const used = new Set<string>([...Object.values(outcome.roles).flat(), ...(outcome.options.where ?? []).map((w) => w.column)].map(String));
  if (ctx.mentioned.some((m) => m.info.subject)) return outcome;
  for (const subject of ctx.columns) {
    if (!subject.subject || subject.schema.kind !== 'numeric' || used.has(subject.name)) continue;
    const time = crossedTime(ctx.columns, subject, used, timeNames);
    if (!time) continue;
    const values = [...time.levels].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    const at = (value: string) => ({ ...outcome.options, where: [...(outcome.options.where ?? []), { column: time.name, op: '=' as const, value }] });
    const title = taskTitle(outcome.analysis);
    const ends = [values[values.length - 1], values[0]];
    const ambiguous: Ambiguity = {
      status: 'ambiguous',
      reason: { code: 'time-point', params: { word: time.name, column: time.name, value: ends[0] } },
      rationale: `Each ${subject.name} is measured at every ${time.name} (${values.length} rows each): ${title} over all rows would count each ${subject.name} ${values.length} times as if independent. Compare at one ${time.name} (say which), or use a repeated-measures analysis.`,
      alternatives: ends.map((value) => ({ analysis: outcome.analysis, roles: outcome.roles, options: at(value), why: `${title}: at ${time.name} = ${value} only` })),
      explanation: outcome.explanation,
    };
    return ambiguous;
  }
  return outcome;
}

/**
 * Power analyses: power_ttest, power_prop, power_anova. Without data the effect comes from the
 * options (`--effect-size`, `--p1`/`--p2`); with data and roles it is estimated from the data as a
 * pilot, and the result says so, with the estimate (and its CI for Cohen's d).
 */
import { InferraError } from '../../errors.js';
import type { AnalysisOptions, AnalysisRequest, Roles, Table } from '../../types.js';
import { formatBounded, formatNumber } from '../common/format.js';
import { mean, sumOfSquares, variance } from '../common/moments.js';
import { selectGroups, selectNumeric } from '../common/select.js';
import { computeStandardizedDifference } from '../ttest/effect-size.js';
import type { Analysis, Summary, Validated } from '../types.js';
import { validateProp } from '../proportions/prop-test.js';
import { computePowerAnova, computePowerProp, computePowerT, type PowerResult } from './compute.js';

/** Where the effect came from: the request, or a pilot estimate from the data. */
interface Pilot {
  what: string;
  estimate: number;
  ciLow?: number;
  ciHigh?: number;
  n: number;
}

/** The typed input of every power analysis. */
export interface PowerInput {
  kind: 'ttest' | 'prop' | 'anova';
  effectSize?: number;
  p1?: number;
  p2?: number;
  groups?: number;
  type: 'two_sample' | 'one_sample' | 'paired';
  alpha: number;
  pilot?: Pilot;
}

/** The result: the power numbers and the effect they used. */
export interface PowerAnalysisResult extends PowerResult {
  effectSize: number | null;
  p1: number | null;
  p2: number | null;
  groups: number | null;
  type: string | null;
  effectFromData: boolean;
  pilotEstimate: number | null;
  pilotCiLow: number | null;
  pilotCiHigh: number | null;
}

/** "needs --effect-size" in the researcher's terms. */
function needs(option: string, detail: string): InferraError {
  return new InferraError('invalid-option', { option, detail });
}

/** The effect from the options, or a pilot estimate from the data when roles are given. */
function validatePower(kind: PowerInput['kind']) {
  return (request: AnalysisRequest, table: Table): Validated<PowerInput> => {
    const { options, roles } = request;
    const analysis = request.analysis;
    const alpha = options.alpha ?? 0.05;
    const type = options.designType ?? 'two_sample';
    const base: PowerInput = { kind, type, alpha, effectSize: options.effectSize, p1: options.p1, p2: options.p2, groups: options.groups };
    const none = { n: 0, nMissing: 0, dropped: [] };
    if (kind === 'prop') {
      if (roles.outcome && roles.group) {
        const v = validateProp({ ...request, analysis: 'prop_test' }, table);
        const [x1, x2] = v.input.successes;
        const [n1, n2] = v.input.totals;
        const p1 = x1 / n1;
        const p2 = x2 / n2;
        return { ...v, input: { ...base, p1, p2, pilot: { what: `the proportions of ${v.input.outcome} = ${v.input.successLevel} in ${v.input.group} = ${v.input.groupLevels.join(' and ')}`, estimate: p1 - p2, n: n1 + n2 } } };
      }
      if (options.p1 === undefined || options.p2 === undefined) throw needs('p1', 'and --p2 are needed: the two proportions to tell apart (e.g. --p1 0.5 --p2 0.75).');
      if (options.p1 === options.p2) throw needs('p2', 'must differ from --p1.');
      return { ...none, input: base };
    }
    if (kind === 'anova') {
      if (roles.outcome && roles.group) {
        const g = selectGroups(table, { analysis, role: 'group', outcome: roles.outcome, group: roles.group, levels: options.levels, minLevels: 2, expected: 'at least 2' });
        const all = Float64Array.from(g.samples.flatMap((s) => Array.from(s)));
        const total = sumOfSquares(all);
        const within = g.samples.reduce((s, x) => s + sumOfSquares(x), 0);
        const eta2 = (total - within) / total;
        const f = Math.sqrt(eta2 / (1 - eta2));
        return { ...g, input: { ...base, effectSize: f, groups: g.levels.length, pilot: { what: `Cohen's f of ${g.outcome} across the ${g.levels.length} groups of ${g.group} (from eta squared)`, estimate: f, n: g.n } } };
      }
      if (options.effectSize === undefined) throw needs('effect-size', "is needed: Cohen's f (0.10 small, 0.25 medium, 0.40 large).");
      if (options.groups === undefined) throw needs('groups', 'is needed: the number of groups (at least 2).');
      return { ...none, input: base };
    }
    // power_ttest: a pilot from two groups (pooled sd) or one column (against --mu).
    if (roles.outcome && roles.group) {
      const g = selectGroups(table, { analysis, role: 'group', outcome: roles.outcome, group: roles.group, levels: options.levels, minLevels: 2, maxLevels: 2, expected: 'exactly 2' });
      const [x, y] = g.samples;
      const df = x.length + y.length - 2;
      const pooled = Math.sqrt(((x.length - 1) * variance(x) + (y.length - 1) * variance(y)) / df);
      const d = (mean(x) - mean(y)) / pooled;
      const scale = Math.sqrt(1 / x.length + 1 / y.length);
      const ci = computeStandardizedDifference(d, d / scale, df, scale, options.confLevel, 'two-sided');
      return { ...g, input: { ...base, type: 'two_sample', effectSize: d, pilot: { what: `Cohen's d of ${g.outcome} between ${g.group} = ${g.levels.join(' and ')} (pooled sd)`, estimate: d, ciLow: ci.cohensDCiLow, ciHigh: ci.cohensDCiHigh, n: g.n } } };
    }
    const column = roles.column ?? roles.outcome;
    if (column) {
      const s = selectNumeric(table, [{ name: column, role: 'column' }], analysis);
      const v = s.values[0];
      const d = (mean(v) - options.mu) / Math.sqrt(variance(v));
      const scale = 1 / Math.sqrt(v.length);
      const ci = computeStandardizedDifference(d, d / scale, v.length - 1, scale, options.confLevel, 'two-sided');
      return { ...s, input: { ...base, type: type === 'two_sample' ? 'one_sample' : type, effectSize: d, pilot: { what: `Cohen's d of ${column} against ${options.mu}`, estimate: d, ciLow: ci.cohensDCiLow, ciHigh: ci.cohensDCiHigh, n: s.n } } };
    }
    if (options.effectSize === undefined) throw needs('effect-size', "is needed: Cohen's d (0.2 small, 0.5 medium, 0.8 large), or give --outcome and --group to estimate it from pilot data.");
    return { ...none, input: base };
  };
}

/** Runs the power computation on the validated effect. */
function computePower(input: PowerInput, options: AnalysisOptions): PowerAnalysisResult {
  const given = { n: options.n, power: options.power };
  let r: PowerResult;
  if (input.kind === 'ttest') r = computePowerT(input.effectSize as number, input.type, options.alternative, input.alpha, given);
  else if (input.kind === 'prop') r = computePowerProp(input.p1 as number, input.p2 as number, options.alternative, input.alpha, given);
  else r = computePowerAnova(input.effectSize as number, input.groups as number, input.alpha, given);
  return Object.freeze({
    ...r,
    effectSize: input.kind === 'prop' ? null : (input.effectSize as number),
    p1: input.kind === 'prop' ? (input.p1 as number) : null,
    p2: input.kind === 'prop' ? (input.p2 as number) : null,
    groups: input.kind === 'anova' ? (input.groups as number) : null,
    type: input.kind === 'ttest' ? input.type : null,
    effectFromData: input.pilot !== undefined,
    pilotEstimate: input.pilot?.estimate ?? null,
    pilotCiLow: input.pilot?.ciLow ?? null,
    pilotCiHigh: input.pilot?.ciHigh ?? null,
  });
}

/** The effect in words: "Cohen's d = 0.50", "p1 = .50 vs p2 = .75", "Cohen's f = 0.25 across 4 groups". */
function effectText(result: PowerAnalysisResult, input: PowerInput): string {
  if (input.kind === 'prop') return `proportions of ${formatBounded(result.p1 as number, 3)} and ${formatBounded(result.p2 as number, 3)}`;
  if (input.kind === 'anova') return `Cohen's f = ${formatNumber(result.effectSize as number)} across ${result.groups} groups`;
  return `Cohen's d = ${formatNumber(result.effectSize as number)}`;
}

/** α as APA writes it: ".05", ".01", ".005". */
function alphaText(alpha: number): string {
  return String(alpha).replace(/^0\./, '.');
}

/** "n = 64 per group gives 80% power to detect d = 0.50 (two-sided α = .05)". */
function summarizePower(result: PowerAnalysisResult, input: PowerInput, options: AnalysisOptions): Summary {
  const unit = input.kind === 'ttest' && input.type === 'paired' ? 'pairs' : input.kind === 'ttest' && input.type === 'one_sample' ? 'participants' : 'participants per group';
  const sided = result.alternative === 'two-sided' ? 'two-sided' : 'one-sided';
  const design = input.kind === 'ttest' ? ` (${input.type.replace('_', '-')} t-test)` : input.kind === 'prop' ? ' (test of two proportions)' : ' (one-way ANOVA)';
  const pct = (p: number) => `${formatNumber(100 * p, 1)}%`;
  let summary = result.solvedForN
    ? `To detect ${effectText(result, input)}${design} with ${pct(result.power)} power at ${sided} α = ${alphaText(result.alpha)}, ${result.nRequired} ${unit} are needed (n = ${formatNumber(result.n, 2)} before rounding up).`
    : `With ${formatNumber(result.n, 0)} ${unit}, the power to detect ${effectText(result, input)}${design} at ${sided} α = ${alphaText(result.alpha)} is ${pct(result.power)}.`;
  const warnings: string[] = [];
  if (input.pilot) {
    const ci = input.pilot.ciLow !== undefined ? `, ${formatNumber(options.confLevel * 100, 0)}% CI [${formatNumber(input.pilot.ciLow)}, ${formatNumber(input.pilot.ciHigh as number)}]` : '';
    summary = `The effect was estimated from the data as a pilot: ${input.pilot.what} = ${formatNumber(input.pilot.estimate)}${ci} (n = ${input.pilot.n}). ${summary}`;
    warnings.push('The effect size comes from this dataset, treated as a pilot study: pilot estimates are noisy (see the CI), and planning with them tends to give too small a sample. Consider the smallest effect that would matter instead (--effect-size).');
  }
  const columns = [
    ...(input.kind === 'prop' ? [{ key: 'p1', label: 'p1' }, { key: 'p2', label: 'p2' }] : [{ key: 'effect_size', label: input.kind === 'anova' ? "Cohen's f" : "Cohen's d" }]),
    ...(input.kind === 'anova' ? [{ key: 'groups', label: 'Groups' }] : []),
    { key: 'alpha', label: 'α' },
    { key: 'power', label: 'Power' },
    { key: 'n', label: 'n (unrounded)' },
    { key: 'n_required', label: `n required (${unit})` },
  ];
  return {
    summary,
    tables: [
      {
        title: `Power analysis${design}`,
        columns,
        rows: [{ p1: result.p1, p2: result.p2, effect_size: result.effectSize, groups: result.groups, alpha: result.alpha, power: result.power, n: result.n, n_required: result.nRequired }],
        note: `${result.solvedForN ? 'n solved exactly for the target power' : 'power at the given n'}, as R ${input.kind === 'ttest' ? 'power.t.test (sd = 1, delta = d)' : input.kind === 'prop' ? 'power.prop.test' : 'power.anova.test (between.var = f² k / (k - 1), within.var = 1, so λ = f² N as G*Power)'}; ${sided}.`,
      },
    ],
    warnings,
  };
}

/** The columns of the set roles (none without pilot data). */
const columnsOf = (roles: Roles): string[] => [...new Set([roles.outcome, roles.group, roles.column].filter((c): c is string => Boolean(c)))];

/** One power analysis of the given kind. */
function powerAnalysis(id: 'power_ttest' | 'power_prop' | 'power_anova', kind: PowerInput['kind'], variant: string): Analysis<PowerInput, PowerAnalysisResult> {
  return {
    id,
    columnsFor: columnsOf,
    validate: validatePower(kind),
    compute: computePower,
    check: () => [],
    variant: (input) => (input.pilot ? `${variant}, effect from pilot data` : variant),
    summarize: (result, input, _checks, options) => summarizePower(result, input, options),
  };
}

/** Power analyses by id. */
export const powerAnalyses: Record<'power_ttest' | 'power_prop' | 'power_anova', Analysis> = {
  power_ttest: powerAnalysis('power_ttest', 'ttest', 'Power of the t-test'),
  power_prop: powerAnalysis('power_prop', 'prop', 'Power of the test of two proportions'),
  power_anova: powerAnalysis('power_anova', 'anova', 'Power of the one-way ANOVA'),
};

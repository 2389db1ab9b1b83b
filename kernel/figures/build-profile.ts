/**
 * The repeated-measures profile plot: each subject's values across the conditions joined by a faint
 * line, and the condition means joined in the accent colour with their within-subject confidence
 * intervals (Cousineau-Morey), so the change within subjects is seen rather than the spread between
 * them. Above 300 subjects a deterministic sample of subjects' lines is drawn and the caption says so
 * (the means and intervals always use every subject).
 */
import type { Figure } from '../types.js';
import { createPlotRounder } from './aggregate.js';
import { quantitative, tooltipNumber } from './axes.js';
import { sampleIndices } from './random.js';
import { ACCENT, buildSpec, buildTitle, NEUTRAL } from './theme.js';

/** At most this many subjects' lines are drawn. */
export const MAX_PROFILE_SUBJECTS = 300;

/** What a profile plot shows: values[i][j] = subject i under condition j. */
export interface ProfileInput {
  conditions: string[];
  subjects: string[];
  values: readonly Float64Array[];
  /** Per condition, in the conditions' order: the mean and its within-subject interval. */
  means: readonly { mean: number; ciLow: number; ciHigh: number }[];
  confLevel: number;
  valueTitle: string;
  conditionTitle: string;
  title: string;
  subtitle?: string;
  seed: number;
}

/** A Vega-Lite profile plot of repeated measurements. */
export function buildProfileSpec(input: ProfileInput): Figure {
  const n = input.values.length;
  const k = input.conditions.length;
  const all = new Float64Array(n * k + 2 * k);
  input.values.forEach((row, i) => all.set(row, i * k));
  input.means.forEach((m, j) => {
    all[n * k + 2 * j] = m.ciLow;
    all[n * k + 2 * j + 1] = m.ciHigh;
  });
  const round = createPlotRounder(all);
  const shown = sampleIndices(n, MAX_PROFILE_SUBJECTS, input.seed);
  const lines: Record<string, unknown>[] = [];
  for (const i of shown) {
    input.conditions.forEach((cond, j) => lines.push({ subject: input.subjects[i], cond, value: round(input.values[i][j]) }));
  }
  const means = input.conditions.map((cond, j) => ({ cond, mean: round(input.means[j].mean), low: round(input.means[j].ciLow), high: round(input.means[j].ciHigh) }));
  const pct = `${Math.round(input.confLevel * 100)}%`;
  const x = { field: 'cond', type: 'ordinal', title: input.conditionTitle, sort: [...input.conditions], scale: { domain: [...input.conditions], paddingOuter: 0.3 }, axis: { labelAngle: 0 } };
  const y = (field: string) => quantitative(field, input.valueTitle, { scale: { zero: false } });
  const layer = [
    {
      data: { values: lines },
      mark: { type: 'line', point: { filled: true, size: 18, color: NEUTRAL }, color: NEUTRAL, opacity: 0.3, strokeWidth: 1 },
      encoding: { x, y: y('value'), detail: { field: 'subject', type: 'nominal' }, tooltip: [{ field: 'subject', type: 'nominal', title: 'Subject' }, tooltipNumber('value', input.valueTitle)] },
    },
    {
      data: { values: means },
      mark: { type: 'rule', color: ACCENT, strokeWidth: 2 },
      encoding: { x, y: y('low'), y2: { field: 'high' }, tooltip: [tooltipNumber('mean', 'Mean'), tooltipNumber('low', `${pct} CI lower`), tooltipNumber('high', `${pct} CI upper`)] },
    },
    {
      data: { values: means },
      mark: { type: 'line', point: { filled: true, size: 90, color: ACCENT }, color: ACCENT, strokeWidth: 3 },
      encoding: { x, y: y('mean'), tooltip: [tooltipNumber('mean', 'Mean'), tooltipNumber('low', `${pct} CI lower`), tooltipNumber('high', `${pct} CI upper`)] },
    },
  ];
  const sampled = shown.length < n ? ` Showing ${shown.length.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} subjects' lines (a deterministic sample); the means use all of them.` : '';
  return {
    kind: 'rm_profile',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { layer }),
    caption: `Each grey line is one subject across the conditions; the thick line joins the condition means, with ${pct} within-subject confidence intervals (Cousineau-Morey: each subject's own level removed).${sampled}`,
  };
}

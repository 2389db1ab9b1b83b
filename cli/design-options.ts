/**
 * The options of the second-round analyses (CONTRACT.md, "Additions (second round)"), parsed with
 * zod at this boundary and kept apart from request.ts so the two grow independently:
 * `--distribution`, `--params`, `--p`, `--success`, `--expected`, `--effect-size`, `--power`,
 * `--alpha`, `--n`, `--type`, `--groups`, `--p1`, `--p2`, `--p-adjust`, `--pool-sd`, `--ss-type`.
 */
import * as z from 'zod';
import { InferraError, lazy, type AnalysisOptions } from '../kernel/api.js';
import type { FlagKind, ParsedArgs } from './args.js';

/** Each flag (all take a value) with its help line: the flag table and `inferra analyze --help` read it. */
export const DESIGN_FLAG_HELP: Record<string, string> = {
  success: '--success LEVEL  the outcome level counted as a success (logistic, binomial_test, prop_test)',
  p: '--p 0.5  the null proportion (binomial_test)',
  expected: '--expected p1,p2,...  expected proportions in the levels\' order (chi2_gof; default equal)',
  distribution: '--distribution normal|uniform|exponential|gamma  with --params A,B (ks_test; estimated if left out)',
  params: '--params A,B  the distribution\'s parameters (ks_test)',
  'ss-type': '--ss-type 2|3  sums of squares (anova_factorial; 2 as car::Anova, 3 with sum-to-zero contrasts)',
  'p-adjust': '--p-adjust holm|bonferroni|BH|none  p-value adjustment (dunn, pairwise_ttest; default holm)',
  'pool-sd': '--pool-sd true|false  pooled SD across all groups (pairwise_ttest; default true)',
  'effect-size': '--effect-size D  Cohen\'s d (power_ttest) or f (power_anova)',
  power: '--power 0.8  the power wanted (power_*; leave out with --n to get the power)',
  n: '--n N  the sample size per group (power_*: gives the power instead of n)',
  alpha: '--alpha 0.05  the significance level (power_*)',
  type: '--type two_sample|one_sample|paired  (power_ttest)',
  groups: '--groups K  the number of groups (power_anova)',
  p1: '--p1 P  first proportion (power_prop)',
  p2: '--p2 P  second proportion (power_prop)',
};

/** The flags (all take a value). */
export const DESIGN_FLAGS: Record<string, FlagKind> = Object.fromEntries(Object.keys(DESIGN_FLAG_HELP).map((flag) => [flag, 'string' as const]));

/** The flags' schema, built when a command first gives one of them. */
const designFlags = lazy(() => {
  const finite = z.coerce.number().refine(Number.isFinite, 'must be a number');
  const probability = z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1');
  const numberList = z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== '').map(Number))
    .refine((v) => v.length > 0 && v.every(Number.isFinite), 'must be numbers separated by commas, e.g. 0,1');

  return z.object({
    distribution: z.enum(['normal', 'uniform', 'exponential', 'gamma']).optional(),
    params: numberList.optional(),
    p: probability.optional(),
    success: z.string().min(1, 'needs a level').optional(),
    expected: numberList.refine((v) => v.every((x) => x >= 0) && v.some((x) => x > 0), 'must be non-negative proportions, not all 0').optional(),
    'effect-size': finite.refine((v) => v > 0, 'must be positive').optional(),
    power: probability.optional(),
    alpha: probability.optional(),
    n: z.coerce.number().refine((v) => Number.isFinite(v) && v >= 2, 'must be a number of at least 2').optional(),
    type: z.enum(['two_sample', 'one_sample', 'paired']).optional(),
    groups: z.coerce.number().int('must be a whole number').min(2, 'must be at least 2').optional(),
    p1: probability.optional(),
    p2: probability.optional(),
    'p-adjust': z.enum(['holm', 'bonferroni', 'BH', 'none']).optional(),
    'pool-sd': z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    'ss-type': z.enum(['2', '3', 'II', 'III']).transform((v) => (v === '3' || v === 'III' ? 3 : 2) as 2 | 3).optional(),
  });
});

/** Fills the second-round options of `options` from the parsed flags (zod-validated). */
export function applyDesignOptions(args: ParsedArgs, options: AnalysisOptions): void {
  const raw = Object.fromEntries([...args.strings].filter(([k]) => Object.hasOwn(DESIGN_FLAG_HELP, k)));
  if (Object.keys(raw).length === 0) return;
  const parsed = designFlags().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InferraError('invalid-option', { option: String(issue.path[0]), detail: `${issue.message} (got '${raw[String(issue.path[0])]}').` });
  }
  const o = parsed.data;
  if (o.distribution !== undefined) options.distribution = o.distribution;
  if (o.params !== undefined) options.params = o.params;
  if (o.p !== undefined) options.p = o.p;
  if (o.success !== undefined) options.success = o.success;
  if (o.expected !== undefined) options.expected = o.expected;
  if (o['effect-size'] !== undefined) options.effectSize = o['effect-size'];
  if (o.power !== undefined) options.power = o.power;
  if (o.alpha !== undefined) options.alpha = o.alpha;
  if (o.n !== undefined) options.n = o.n;
  if (o.type !== undefined) options.designType = o.type;
  if (o.groups !== undefined) options.groups = o.groups;
  if (o.p1 !== undefined) options.p1 = o.p1;
  if (o.p2 !== undefined) options.p2 = o.p2;
  if (o['p-adjust'] !== undefined) options.pAdjust = o['p-adjust'];
  if (o['pool-sd'] !== undefined) options.poolSd = o['pool-sd'];
  if (o['ss-type'] !== undefined) options.ssType = o['ss-type'];
}

/**
 * The options of the second-round analyses (CONTRACT.md, "Additions (second round)"), parsed with
 * zod at this boundary and kept apart from request.ts so the two grow independently:
 * `--distribution`, `--params`, `--p`, `--success`, `--expected`, `--effect-size`, `--power`,
 * `--alpha`, `--n`, `--type`, `--groups`, `--p1`, `--p2`, `--p-adjust`, `--pool-sd`, `--ss-type`.
 */
import { z } from 'zod';
import { InferraError, type AnalysisOptions } from '../kernel/api.js';
import type { FlagKind, ParsedArgs } from './args.js';

/** The flags (all take a value). */
export const DESIGN_FLAGS: Record<string, FlagKind> = {
  distribution: 'string',
  params: 'string',
  p: 'string',
  success: 'string',
  expected: 'string',
  'effect-size': 'string',
  power: 'string',
  alpha: 'string',
  n: 'string',
  type: 'string',
  groups: 'string',
  p1: 'string',
  p2: 'string',
  'p-adjust': 'string',
  'pool-sd': 'string',
  'ss-type': 'string',
};

const finite = z.coerce.number().refine(Number.isFinite, 'must be a number');
const probability = z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1');
const numberList = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== '').map(Number))
  .refine((v) => v.length > 0 && v.every(Number.isFinite), 'must be numbers separated by commas, e.g. 0,1');

const DesignFlags = z.object({
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

/** Fills the second-round options of `options` from the parsed flags (zod-validated). */
export function applyDesignOptions(args: ParsedArgs, options: AnalysisOptions): void {
  const raw = Object.fromEntries([...args.strings].filter(([k]) => k in DesignFlags.shape));
  const parsed = DesignFlags.safeParse(raw);
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

/**
 * Role and option flags -> an `AnalysisRequest`, validated with zod at this boundary
 * (CONTRACT.md: "Roles (as options)", "Row selection", "Options"). The role flags come from cli/roles.ts.
 */
import * as z from 'zod';
import { ANALYSIS_IDS, type AnalysisOptions, type AnalysisRequest, DEFAULT_OPTIONS, FIGURE_IDS, InferraError, isTaskId, lazy, type RowFilter, suggestName } from '../kernel/api.js';
import { usageError, type FlagKind, type ParsedArgs } from './args.js';
import { applyDesignOptions, DESIGN_FLAGS } from './design-options.js';
import { ROLE_FLAGS, rolesFromFlags } from './roles.js';

/** Flags of `analyze` (roles + options). */
export const REQUEST_FLAGS: Record<string, FlagKind> = {
  ...Object.fromEntries([...ROLE_FLAGS.keys()].map((k) => [k, 'string' as const])),
  degree: 'string',
  where: 'repeat',
  levels: 'string',
  alternative: 'string',
  'conf-level': 'string',
  mu: 'string',
  intercept: 'string',
  center: 'string',
  correct: 'string',
  exact: 'string',
  seed: 'string',
  'p-adjust': 'string',
  ...DESIGN_FLAGS,
};

/** The option flags (CONTRACT.md, "Options"), each parsed by its entry in `optionFlags`. */
const OPTION_FLAGS = ['alternative', 'conf-level', 'mu', 'intercept', 'center', 'correct', 'exact', 'seed', 'degree', 'p-adjust'] as const;

/** The option flags' schema, built when a command first gives one of them. */
const optionFlags = lazy(() => {
  const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');
  const shape = {
    alternative: z.enum(['two-sided', 'less', 'greater']).optional(),
    'conf-level': z.coerce.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').optional(),
    mu: z.coerce.number().refine(Number.isFinite, 'must be a number').optional(),
    intercept: booleanText.optional(),
    center: z.enum(['median', 'mean']).optional(),
    correct: booleanText.optional(),
    exact: z.enum(['true', 'false', 'auto']).transform((v) => (v === 'auto' ? 'auto' : v === 'true')).optional(),
    seed: z.coerce.number().int('must be a whole number').optional(),
    degree: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),
    'p-adjust': z.enum(['holm', 'bonferroni', 'BH', 'none']).optional(),
  } satisfies Record<(typeof OPTION_FLAGS)[number], z.ZodType>;
  return z.object(shape);
});

/** Parses one `--where "COL = VALUE"` (or `!=`). */
export function parseWhere(text: string): RowFilter {
  const m = /^\s*(.+?)\s*(!=|==|=)\s*(.*?)\s*$/.exec(text);
  if (!m || !m[1]) {
    throw usageError(`--where "${text}" is not a condition; write it as --where "COLUMN = VALUE" (or !=).`);
  }
  const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/, '$2');
  return { column: unquote(m[1]), op: m[2] === '!=' ? '!=' : '=', value: unquote(m[3]) };
}

/** Roles and options from flags, defaults filled in. */
export function requestFromArgs(analysis: string, args: ParsedArgs): AnalysisRequest {
  if (!isTaskId(analysis)) {
    const suggestion = suggestName(analysis, [...ANALYSIS_IDS, ...FIGURE_IDS]);
    throw usageError(
      `Unknown analysis '${analysis}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Known: ${[...ANALYSIS_IDS, ...FIGURE_IDS].join(', ')}.`,
    );
  }
  const roles = rolesFromFlags(args.strings);
  const raw = Object.fromEntries([...args.strings].filter(([k]) => (OPTION_FLAGS as readonly string[]).includes(k)));
  const parsed = Object.keys(raw).length === 0 ? { success: true as const, data: {} as z.output<ReturnType<typeof optionFlags>> } : optionFlags().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InferraError('invalid-option', { option: String(issue.path[0]), detail: `${issue.message} (got '${raw[String(issue.path[0])]}').` });
  }
  const o = parsed.data;
  const options: AnalysisOptions = {
    ...DEFAULT_OPTIONS,
    where: (args.repeats.get('where') ?? []).map(parseWhere),
  };
  if (o.alternative !== undefined) options.alternative = o.alternative;
  if (o['conf-level'] !== undefined) options.confLevel = o['conf-level'];
  if (o.mu !== undefined) options.mu = o.mu;
  if (o.intercept !== undefined) options.intercept = o.intercept;
  if (o.center !== undefined) options.center = o.center;
  if (o.correct !== undefined) options.correct = o.correct;
  if (o.exact !== undefined) options.exact = o.exact;
  if (o.seed !== undefined) options.seed = o.seed;
  if (o.degree !== undefined) options.degree = o.degree;
  if (o['p-adjust'] !== undefined) options.pAdjust = o['p-adjust'];
  applyDesignOptions(args, options);
  const levels = args.strings.get('levels');
  if (levels !== undefined) {
    options.levels = levels.split(',').map((l) => l.trim()).filter(Boolean);
    if (options.levels.length === 0) throw usageError('--levels needs at least one level: --levels A,B');
  }
  return { analysis, roles, options };
}

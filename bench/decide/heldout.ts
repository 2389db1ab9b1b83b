/**
 * Held-out evaluation of the rule-based decision engine: 50 requests written blind (without
 * reading rules/*.json or kernel/decide/*), over penguins, mtcars, airquality and sleep (long and
 * wide). Each carries the decision a careful statistician would make (CONTRACT.md ids, Welch by
 * default for two groups), or `ambiguous` where the request does not pin down one analysis.
 *
 * A measurement, not a test: prints the score and every miss, and always exits 0.
 * Run: npx tsx bench/decide/heldout.ts
 */
import { performance } from 'node:perf_hooks';
import { decideWithRules } from '../../kernel/decide/rules-engine.js';
import type { AnalysisOptions, DatasetSchema, Roles, TaskId } from '../../kernel/types.js';
import { loadSchemas, schemaSource } from '../../test/unit/decide/datasets.js';
import { familyOf } from '../../test/unit/decide/families.js';

type Expected = { analysis: TaskId; roles: Roles; options?: Partial<AnalysisOptions> } | 'ambiguous' | 'no_match';

interface Case {
  dataset: string;
  prompt: string;
  kind: string;
  expect: Expected;
}

const c = (dataset: string, kind: string, prompt: string, expect: Expected): Case => ({ dataset, kind, prompt, expect });
const P = 'penguins';
const FL = 'flipper_length_mm';
const BM = 'body_mass_g';
const BL = 'bill_length_mm';
const BD = 'bill_depth_mm';
const A = 'ambiguous' as const;

/** The 50 held-out requests. */
const CASES: Case[] = [
  // --- penguins: decidable ---
  c(P, 'two-group+filter', 'Do Adelie penguins from Biscoe and Dream differ in body mass?',
    { analysis: 'ttest_welch', roles: { outcome: BM, group: 'island' }, options: { levels: ['Biscoe', 'Dream'], where: [{ column: 'species', op: '=', value: 'Adelie' }] } }),
  c(P, 'two-group directional', 'I want to know whether bill depth is larger in males',
    { analysis: 'ttest_welch', roles: { outcome: BD, group: 'sex' }, options: { levels: ['male', 'female'] } }), // #18 S1: direction words alone stay two-sided
  c(P, 'k-group', 'Is there any island-to-island variation in flipper length?',
    { analysis: 'welch_anova', roles: { outcome: FL, group: 'island' } }), // #18 S4: Welch by default
  c(P, 'k-group nonparametric', 'bill depth across species, distribution-free test please',
    { analysis: 'kruskal_wallis', roles: { outcome: BD, group: 'species' } }),
  c(P, 'one-sample', 'Test whether the average bill length equals 45 mm',
    { analysis: 'ttest_one_sample', roles: { column: BL }, options: { mu: 45 } }),
  c(P, 'correlation rank/monotonic', 'Do heavier penguins tend to have longer flippers? I only assume a monotonic trend',
    { analysis: 'spearman', roles: { x: BM, y: FL } }),
  c(P, 'regression multi', 'Fit a linear regression with body mass as the response and bill length, bill depth and flipper length as predictors',
    { analysis: 'ols', roles: { outcome: BM, predictors: [BL, BD, FL] } }),
  c(P, 'contingency', 'Does the species mix depend on the island?',
    { analysis: 'chi2_independence', roles: { row: 'species', col: 'island' } }),
  c(P, 'normality', 'Shapiro-Wilk on bill depth',
    { analysis: 'shapiro_wilk', roles: { column: BD } }),
  c(P, 'variance', 'Is the spread of flipper length similar on the three islands?',
    { analysis: 'levene', roles: { outcome: FL, group: 'island' } }),
  c(P, 'descriptives', 'mean, SD and quartiles of bill length for each sex',
    { analysis: 'describe', roles: { column: BL, group: 'sex' } }),
  c(P, 'plot histogram', 'Draw a histogram of bill length split by species',
    { analysis: 'histogram', roles: { column: BL, group: 'species' } }),
  c(P, 'plot scatter coloured', 'scatterplot of body mass vs flipper length, color the points by sex',
    { analysis: 'scatter', roles: { x: FL, y: BM, color: 'sex' } }),
  c(P, 'plot boxplot', 'box-and-whisker plot of bill depth for each island',
    { analysis: 'boxplot', roles: { outcome: BD, group: 'island' } }),
  c(P, 'k-group Welch', 'Compare bill length among species without assuming equal variances',
    { analysis: 'welch_anova', roles: { outcome: BL, group: 'species' } }),
  c(P, 'regression multi', 'How much of the variation in flipper length do species and sex explain together?',
    { analysis: 'ols', roles: { outcome: FL, predictors: ['species', 'sex'] } }),
  c(P, 'two-group directional', 'Are Chinstrap bills longer than Adelie bills?',
    { analysis: 'ttest_welch', roles: { outcome: BL, group: 'species' }, options: { levels: ['Chinstrap', 'Adelie'] } }), // #18 S1: direction words alone stay two-sided
  c(P, 'post-hoc', 'After the ANOVA, which pairs of islands differ in body mass?',
    { analysis: 'tukey_hsd', roles: { outcome: BM, group: 'island' } }),
  // --- penguins: ambiguous ---
  c(P, 'ambiguous: no outcome', 'Is there a difference between males and females?', A),
  c(P, 'ambiguous: vague concept', 'How does size differ between species?', A),
  c(P, 'ambiguous: contradictory', 'Run a chi-square test on flipper length and body mass', A),
  c(P, 'ambiguous: no group', 'Is body mass different across groups?', A),
  c(P, 'ambiguous: many targets', 'Which variables are correlated with flipper length?', A),
  c(P, 'ambiguous: word fits 2 columns', 'Is length correlated with body mass?', A),
  c(P, 'ambiguous: contradictory', 'paired t-test of bill length across the islands', A),

  // --- mtcars ---
  c('mtcars', 'two-group directional (0/1 coded)', 'Do cars with manual gearboxes get better mileage?',
    { analysis: 'ttest_welch', roles: { outcome: 'mpg', group: 'am' }, options: { levels: ['1', '0'] } }), // #18 S1: direction words alone stay two-sided
  c('mtcars', 'two-group (0/1 coded)', 'Is horsepower different for V-shaped vs straight engines?',
    { analysis: 'ttest_welch', roles: { outcome: 'hp', group: 'vs' } }),
  c('mtcars', 'one-sample', 'Is the mean car weight different from 3?',
    { analysis: 'ttest_one_sample', roles: { column: 'wt' }, options: { mu: 3 } }),
  c('mtcars', 'correlation rank/monotonic', 'rank-based correlation between displacement and rear axle ratio',
    { analysis: 'spearman', roles: { x: 'disp', y: 'drat' } }),
  c('mtcars', 'regression multi', 'Multiple regression: outcome qsec, predictors hp, wt and am',
    { analysis: 'ols', roles: { outcome: 'qsec', predictors: ['hp', 'wt', 'am'] } }),
  c('mtcars', 'contingency', 'Is the number of carburetors associated with the number of cylinders? cross-tabulate them',
    { analysis: 'chi2_independence', roles: { row: 'carb', col: 'cyl' } }),
  c('mtcars', 'k-group', 'Is there any difference in quarter-mile time between 3, 4 and 5 gear cars?',
    { analysis: 'welch_anova', roles: { outcome: 'qsec', group: 'gear' } }), // #18 S4: Welch by default
  c('mtcars', 'variance', 'Do the variances of mpg differ between automatic and manual? Use Bartlett',
    { analysis: 'bartlett', roles: { outcome: 'mpg', group: 'am' } }),
  c('mtcars', 'correlation', 'linear correlation between rear axle ratio and weight',
    { analysis: 'pearson', roles: { x: 'drat', y: 'wt' } }),
  c('mtcars', 'ambiguous: no outcome, level in 3 columns', 'Which is better, 4 or 6?', A),
  c('mtcars', 'ambiguous: no column + 2 candidates', 'Compare speed between cars with different engines', A),
  c('mtcars', 'ambiguous: contradictory', 'Mann-Whitney test of mpg across the three cylinder groups', A),

  // --- airquality ---
  c('airquality', 'one-sample directional', 'Is ozone concentration above 40 on average?',
    { analysis: 'ttest_one_sample', roles: { column: 'Ozone' }, options: { mu: 40 } }), // #18 S1: direction words alone stay two-sided
  c('airquality', 'two-group (month names)', 'Does solar radiation differ between May and September?',
    { analysis: 'ttest_welch', roles: { outcome: 'Solar.R', group: 'Month' }, options: { levels: ['5', '9'] } }),
  c('airquality', 'regression multi', 'Explain ozone with wind and temperature in a linear model',
    { analysis: 'ols', roles: { outcome: 'Ozone', predictors: ['Wind', 'Temp'] } }),
  c('airquality', 'plot scatter coloured', 'Plot ozone against wind, coloured by month',
    { analysis: 'scatter', roles: { x: 'Wind', y: 'Ozone', color: 'Month' } }),
  c('airquality', 'normality by group', 'check the normality assumption for wind, month by month',
    { analysis: 'shapiro_wilk', roles: { column: 'Wind', group: 'Month' } }),
  c('airquality', 'correlation rank/monotonic', 'Are wind and temperature negatively associated? use a rank correlation',
    { analysis: 'spearman', roles: { x: 'Wind', y: 'Temp' }, options: {} }), // #18 S1: direction words alone stay two-sided
  c('airquality', 'plot boxplot', 'Boxplot of temperature for each month',
    { analysis: 'boxplot', roles: { outcome: 'Temp', group: 'Month' } }),
  c('airquality', 'ambiguous: no outcome', 'Is there a trend over time?', A),
  c('airquality', 'ambiguous: no outcome', 'Compare July and August', A),

  // --- sleep (long, paired by ID) and sleep_wide ---
  c('sleep', 'paired directional', 'Did patients sleep longer on drug 2 than on drug 1? Every patient received both drugs.',
    { analysis: 'ttest_paired', roles: { outcome: 'extra', group: 'group', pairId: 'ID' }, options: { levels: ['2', '1'] } }), // #18 S1: direction words alone stay two-sided
  c('sleep', 'paired', 'compare the two drugs',
    { analysis: 'ttest_paired', roles: { outcome: 'extra', group: 'group', pairId: 'ID' } }),
  c('sleep_wide', 'paired nonparametric (wide)', 'Nonparametric before/after comparison, drug1 then drug2',
    { analysis: 'wilcoxon_signed_rank', roles: { before: 'drug1', after: 'drug2' } }),
  c('sleep_wide', 'one-sample (wide)', 'Is the mean of drug2 different from zero?',
    { analysis: 'ttest_one_sample', roles: { column: 'drug2' }, options: { mu: 0 } }),
];

/** Analyses whose two roles are interchangeable (r(x,y) = r(y,x); the table's transpose gives the same test). */
const SYMMETRIC: Partial<Record<TaskId, [keyof Roles, keyof Roles]>> = {
  pearson: ['x', 'y'],
  spearman: ['x', 'y'],
  kendall: ['x', 'y'],
  chi2_independence: ['row', 'col'],
  fisher_exact: ['row', 'col'],
};

function norm(r: Roles): string {
  return JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Roles equal, or equal after swapping the two symmetric roles of the expected analysis. */
function rolesMatch(expected: TaskId, want: Roles, got: Roles): { ok: boolean; swapped: boolean } {
  if (norm(want) === norm(got)) return { ok: true, swapped: false };
  const sym = SYMMETRIC[expected];
  if (sym) {
    const [a, b] = sym;
    const swapped = { ...want, [a]: want[b], [b]: want[a] } as Roles;
    if (norm(swapped) === norm(got)) return { ok: true, swapped: true };
  }
  return { ok: false, swapped: false };
}

type Verdict = 'strict' | 'family' | 'refused' | 'silent' | 'refused-correctly' | 'other-refusal' | 'error';

interface Outcome {
  status: string;
  analysis?: TaskId;
  roles?: Roles;
  options?: Partial<AnalysisOptions>;
  rationale?: string;
  alternatives?: { analysis: TaskId; roles: Roles }[];
}

function describeExpect(e: Expected): string {
  return typeof e === 'string' ? e : `${e.analysis} ${JSON.stringify(e.roles)}${e.options ? ' ' + JSON.stringify(e.options) : ''}`;
}

function describeGot(out: Outcome, keys: string[]): string {
  if (out.status === 'decided') {
    const opts = Object.fromEntries(keys.map((k) => [k, (out.options as Record<string, unknown> | undefined)?.[k]]));
    return `${out.analysis} ${JSON.stringify(out.roles)}${keys.length ? ' ' + JSON.stringify(opts) : ''}`;
  }
  const alts = (out.alternatives ?? []).map((a) => `${a.analysis} ${JSON.stringify(a.roles)}`).join(' | ');
  return `${out.status}: ${(out.rationale ?? '').slice(0, 140)}${alts ? `\n        alternatives: ${alts}` : ''}`;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function main(): Promise<void> {
  const schemas: Record<string, DatasetSchema> = await loadSchemas();
  const counts: Record<Verdict, number> = { strict: 0, family: 0, refused: 0, silent: 0, 'refused-correctly': 0, 'other-refusal': 0, error: 0 };
  let silentOnAmbiguous = 0;
  let swappedAccepted = 0;
  let optionsChecked = 0;
  let optionsWrong = 0;
  const misses: { kind: string; line: string }[] = [];

  for (const k of CASES) {
    let out: Outcome;
    try {
      out = decideWithRules(k.prompt, schemas[k.dataset]) as unknown as Outcome;
    } catch (err) {
      counts.error++;
      misses.push({ kind: k.kind, line: `[error] ${k.dataset}: "${k.prompt}"\n      want ${describeExpect(k.expect)}\n      got  threw ${(err as Error).message}` });
      continue;
    }
    let verdict: Verdict;
    let optsOk = true;
    const optKeys = typeof k.expect === 'string' ? [] : Object.keys(k.expect.options ?? {});
    if (typeof k.expect === 'string') {
      if (out.status === k.expect) verdict = 'refused-correctly';
      else if (out.status === 'decided') {
        verdict = 'silent';
        silentOnAmbiguous++;
      } else verdict = 'other-refusal';
    } else if (out.status !== 'decided') verdict = 'refused';
    else {
      const m = rolesMatch(k.expect.analysis, k.expect.roles, out.roles ?? {});
      if (out.analysis === k.expect.analysis && m.ok) verdict = 'strict';
      else if (out.analysis && familyOf(out.analysis) === familyOf(k.expect.analysis) && m.ok) verdict = 'family';
      else verdict = 'silent';
      if (m.ok && m.swapped && verdict !== 'silent') swappedAccepted++;
      if (verdict !== 'silent' && optKeys.length > 0) {
        optionsChecked++;
        for (const key of optKeys) {
          const want = (k.expect.options as Record<string, unknown>)[key];
          const got = (out.options as Record<string, unknown> | undefined)?.[key];
          if (JSON.stringify(want) !== JSON.stringify(got)) optsOk = false;
        }
        if (!optsOk) optionsWrong++;
      }
    }
    counts[verdict]++;
    if ((verdict !== 'strict' && verdict !== 'refused-correctly') || !optsOk) {
      const tag = verdict === 'strict' ? 'options' : verdict + (optsOk ? '' : ', options');
      misses.push({ kind: k.kind, line: `[${tag}] ${k.dataset}: "${k.prompt}"\n      want ${describeExpect(k.expect)}\n      got  ${describeGot(out, optKeys)}` });
    }
  }

  // Latency: warm up, then 20 rounds over the 50 requests.
  for (let r = 0; r < 3; r++) for (const k of CASES) try { decideWithRules(k.prompt, schemas[k.dataset]); } catch { /* counted above */ }
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const k of CASES) {
      const t0 = performance.now();
      try { decideWithRules(k.prompt, schemas[k.dataset]); } catch { /* counted above */ }
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);

  const decidable = CASES.filter((k) => typeof k.expect !== 'string').length;
  const refusals = CASES.length - decidable;
  const pct = (n: number, d: number): string => `${n}/${d} (${((100 * n) / d).toFixed(0)}%)`;
  const wrongDecisions = counts.silent - silentOnAmbiguous;
  console.log(`held-out decide eval: ${CASES.length} requests (${decidable} decidable, ${refusals} expected refusals), schemas from ${schemaSource}`);
  console.log(`strict correct (analysis + roles): ${pct(counts.strict, decidable)}`);
  console.log(`same family, wrong variant:        ${counts.family}`);
  console.log(`refused (decision was expected):   ${counts.refused}`);
  console.log(`silent guesses:                    ${counts.silent}  (on must-be-ambiguous: ${silentOnAmbiguous}/${refusals}; wrong decision on decidable: ${wrongDecisions})`);
  console.log(`expected refusals met:             ${pct(counts['refused-correctly'], refusals)}, other refusal kind ${counts['other-refusal']}; engine errors ${counts.error}`);
  console.log(`options (levels/alternative/mu/where) wrong on ${optionsWrong}/${optionsChecked} right-roles decisions that imply options; x/y or row/col swaps accepted: ${swappedAccepted}`);
  console.log(`latency over ${times.length} calls: p50 ${quantile(times, 0.5).toFixed(3)} ms  p99 ${quantile(times, 0.99).toFixed(3)} ms  max ${times[times.length - 1].toFixed(3)} ms`);
  if (misses.length > 0) {
    console.log(`\nmisses (${misses.length}):`);
    for (const m of misses) console.log(`  {${m.kind}} ${m.line}`);
  }
}

try {
  await main();
} catch (err) {
  console.error('held-out eval failed to run:', err);
}
process.exit(0);

/**
 * The figure a researcher would put in a paper for each analysis: the title says what was tested
 * and the subtitle carries the test result (the analysis' APA sentence). An exhaustive `Record`, so
 * a new analysis id cannot be forgotten.
 */
import { runAnalysis, type ComputedOutcome } from '../analyses/run.js';
import { requireRole } from '../analyses/common/select.js';
import type { AnalysisId, AnalysisRequest, Figure, WholeDataSummary, Table } from '../types.js';
import { buildBarSpec } from './build-bar.js';
import { buildBoxplotSpec } from './build-boxplot.js';
import { buildEcdfSpec } from './build-ecdf.js';
import { buildExpectedBarSpec } from './build-expected-bar.js';
import { buildPowerCurveSpec } from './build-power-curve.js';
import { buildProbabilityCurveSpec } from './build-probability-curve.js';
import { computeProbabilityProfile } from '../analyses/logistic/predict.js';
import { validateLogistic } from '../analyses/logistic/validate.js';
import { computePartialResiduals, validatePartial } from '../analyses/partial/partial-correlation.js';
import { cdfOf, estimateParams, type DistributionName } from '../analyses/distribution-tests/reference.js';
import { buildHistogramSpec } from './build-histogram.js';
import { buildAncovaSpec, buildInteractionSpec } from './build-interaction.js';
import { computeAncova, validateAncova, validateFactorial, type AncovaResult } from '../analyses/factorial/index.js';
import { buildDifferencesSpec } from './build-differences.js';
import { computePairedDifferences, computePairedMeasurements } from './build-paired.js';
import { buildSlopesSpec } from './build-slopes.js';
import { buildProfileSpec } from './build-profile.js';
import { validateBlocks } from '../analyses/repeated/blocks.js';
import { computeWithinSubjectIntervals } from '../analyses/repeated/anova-rm.js';
import { buildQqplotSpec } from './build-qqplot.js';
import { buildRegplotSpec } from './build-regplot.js';
import { buildObservedFittedSpec, buildResidualsSpec } from './build-residuals.js';
import { buildScatterSpec } from './build-scatter.js';
import { computeOlsFit, parseTerms } from './fit-ols.js';
import { evaluateModel } from './model-values.js';
import { findColumn } from '../analyses/common/select.js';
import { selectGroupedValues, selectLevelValues, selectPairedValues, type LevelValues } from './select.js';
import { formatAxisTitle, formatVariableName } from './theme.js';

/** What every builder gets. */
interface Context {
  request: AnalysisRequest;
  table: Table;
  outcome: ComputedOutcome;
  /** When `table` is a sample of the rows (or empty): what the plan computed on every row. */
  whole?: WholeDataSummary;
}

/** A per-analysis figure builder. */
type FiguresFor = (context: Context) => Figure[];

/** "Flipper length by species: Welch two-sample t-test". */
function titleFor(what: string, outcome: ComputedOutcome): string {
  return outcome.variant ? `${what}: ${outcome.variant}` : what;
}

/** Box plots per group with means and CIs (t-tests, ANOVA, post-hoc, variance checks). */
function groupComparison(showMeans: boolean): FiguresFor {
  return ({ request, table, outcome, whole }) => {
    const name = requireRole(request.roles.outcome, { analysis: request.analysis, role: 'outcome' });
    const group = requireRole(request.roles.group, { analysis: request.analysis, role: 'group' });
    const data = selectGroupedValues(table, name, group, request.options, request.analysis);
    const what = `${formatVariableName(name)} by ${formatVariableName(group, true)}`;
    return [
      buildBoxplotSpec({
        data,
        boxes: whole?.boxes,
        seed: request.options.seed,
        confLevel: request.options.confLevel,
        title: titleFor(what, outcome),
        subtitle: outcome.summary,
        showMeans,
      }),
    ];
  };
}

/** One sample against its null value. */
const oneSample: FiguresFor = ({ request, table, outcome, whole }) => {
  const name = requireRole(request.roles.outcome ?? request.roles.column, { analysis: request.analysis, role: 'outcome' });
  const data = selectGroupedValues(table, name, undefined, request.options, request.analysis);
  return [
    buildBoxplotSpec({
      data,
      boxes: whole?.boxes,
      seed: request.options.seed,
      confLevel: request.options.confLevel,
      title: titleFor(`${formatVariableName(name)} against ${request.options.mu}`, outcome),
      subtitle: outcome.summary,
      reference: { value: request.options.mu, label: `μ0 = ${request.options.mu}` },
    }),
  ];
};

/** Paired designs: the within-pair differences against the null value (one sample when not paired). */
function paired(showMeans: boolean): FiguresFor {
  return (context) => {
    const { request, table, outcome } = context;
    const r = request.roles;
    if (!r.before && !r.after && !r.pairId) return oneSample(context);
    const { data, label } = computePairedDifferences(request, table);
    const measurements = computePairedMeasurements(request, table);
    return [
      buildBoxplotSpec({
        data,
        seed: request.options.seed,
        confLevel: request.options.confLevel,
        title: titleFor(`Paired differences`, outcome),
        subtitle: outcome.summary,
        showMeans,
        valueTitle: label,
        reference: { value: request.options.mu, label: `${request.options.mu} (no difference)` },
      }),
      buildSlopesSpec({
        ...measurements,
        title: `Paired measurements: ${measurements.labels[0]} and ${measurements.labels[1]}`,
        seed: request.options.seed,
      }),
    ];
  };
}

/** Post-hoc comparisons: the groups (box plots, means with CIs), then the pairwise differences with their simultaneous CIs. */
function posthoc(adjustment: string): FiguresFor {
  const groups = groupComparison(true);
  return (context) => {
    const { request, outcome } = context;
    const comparisons = (outcome.result.comparisons ?? []) as { group1: string; group2: string; diff: number; ciLow: number; ciHigh: number; pAdj: number }[];
    const name = requireRole(request.roles.outcome, { analysis: request.analysis, role: 'outcome' });
    return [
      ...groups(context),
      buildDifferencesSpec({
        rows: comparisons.map((c) => ({ label: `${c.group2} - ${c.group1}`, diff: c.diff, ciLow: c.ciLow, ciHigh: c.ciHigh, pAdj: c.pAdj })),
        confLevel: request.options.confLevel,
        adjustment,
        valueTitle: `Difference in ${formatVariableName(name, true)}`,
        title: `Pairwise differences in ${formatVariableName(name, true)} (${adjustment})`,
      }),
    ];
  };
}

/** Correlations: a scatter, with the least-squares line and band for Pearson's r. */
function correlation(withLine: boolean): FiguresFor {
  return ({ request, table, outcome, whole }) => {
    const x = requireRole(request.roles.x, { analysis: request.analysis, role: 'x' });
    const y = requireRole(request.roles.y, { analysis: request.analysis, role: 'y' });
    // Coloured by a grouping column when the structure check (checks/structure.ts) found one.
    const pairs = selectPairedValues(table, x, y, request.roles.color, request.analysis);
    const title = titleFor(`${formatVariableName(y)} and ${formatVariableName(x, true)}`, outcome);
    const common = { pairs, seed: request.options.seed, title, subtitle: outcome.summary };
    return [withLine ? buildRegplotSpec({ ...common, confLevel: request.options.confLevel, line: whole?.line }) : buildScatterSpec(common)];
  };
}

/**
 * OLS: the fitted line (one numeric predictor), observed vs fitted, residuals vs fitted, QQ of
 * residuals; from the analysis' own model when it was fitted where the data live (no refit on the rows drawn).
 */
const ols: FiguresFor = ({ request, table, outcome, whole }) => {
  const fit = whole?.model ? evaluateModel(whole.model, table) : computeOlsFit(request, table);
  const figures: Figure[] = [];
  const terms = parseTerms(request, table);
  if (terms.length === 1 && terms[0].power === 1 && findColumn(table, terms[0].column).kind === 'numeric') {
    const pairs = selectPairedValues(table, terms[0].column, fit.outcome, undefined, request.analysis);
    figures.push(
      buildRegplotSpec({
        pairs,
        seed: request.options.seed,
        confLevel: request.options.confLevel,
        title: titleFor(`${formatVariableName(fit.outcome)} on ${formatVariableName(terms[0].column, true)}`, outcome),
        subtitle: outcome.summary,
        line: whole?.line,
      }),
    );
  }
  figures.push(buildObservedFittedSpec(fit, request.options.seed, outcome.summary));
  figures.push(buildResidualsSpec(fit, request.options.seed));
  figures.push(
    buildQqplotSpec({
      data: { outcome: 'residuals', levels: [''], samples: [fit.residuals], n: fit.n, nMissing: fit.nMissing, dropped: fit.dropped },
      title: `Normal QQ plot of the residuals: ${formatVariableName(fit.outcome, true)}`,
      valueTitle: 'Residual quantiles',
    }),
  );
  return figures;
};

/** Contingency tables: grouped bars of the counts. */
const contingency: FiguresFor = ({ request, table, outcome, whole }) => {
  const row = requireRole(request.roles.row, { analysis: request.analysis, role: 'row' });
  const col = requireRole(request.roles.col, { analysis: request.analysis, role: 'col' });
  const data = whole?.counts ? levelValuesFromCounts(whole.counts, row, col) : selectLevelValues(table, row, col);
  return [
    buildBarSpec({
      data,
      title: titleFor(`${formatVariableName(row)} by ${formatVariableName(col, true)}`, outcome),
      subtitle: outcome.summary,
    }),
  ];
};

/** The labels of a two-way table's cells, each weighted by its count (complete pairs only). */
function levelValuesFromCounts(counts: ReadonlyMap<string, number>, row: string, col: string): LevelValues {
  const labels: string[] = [];
  const groupLabels: string[] = [];
  const weights: number[] = [];
  for (const [key, count] of counts) {
    const [r, c] = key.split('\u0000');
    labels.push(r);
    groupLabels.push(c);
    weights.push(count);
  }
  const n = weights.reduce((a, b) => a + b, 0);
  return { column: row, group: col, labels, groupLabels, weights, n, nMissing: 0, dropped: [] };
}

/** Normality: a QQ plot per group. */
const normality: FiguresFor = ({ request, table, outcome }) => {
  const name = requireRole(request.roles.column ?? request.roles.outcome, { analysis: request.analysis, role: 'column' });
  const data = selectGroupedValues(table, name, request.roles.group, request.options, request.analysis, 'column');
  const what = `Normality of ${formatVariableName(name, true)}${request.roles.group ? ` by ${formatVariableName(request.roles.group, true)}` : ''}`;
  return [buildQqplotSpec({ data, title: titleFor(what, outcome), subtitle: outcome.summary })];
};

/** Describe: the distribution of the first described column. */
const describe: FiguresFor = ({ request, table }) => {
  const r = request.roles;
  // Without a column role, describe covers every column but the group; the figure shows the first.
  const name = r.column ?? r.outcome ?? table.columns.find((c) => c.name !== r.group)?.name;
  if (!name) return [];
  const column = findColumn(table, name);
  const by = r.group ? ` by ${formatVariableName(r.group, true)}` : '';
  if (column.kind === 'numeric') {
    const data = selectGroupedValues(table, name, r.group, request.options, request.analysis, 'column');
    return [buildHistogramSpec({ data, title: `Distribution of ${formatVariableName(name, true)}${by}` })];
  }
  const data = selectLevelValues(table, name, r.group);
  return [buildBarSpec({ data, title: `Counts of ${formatVariableName(name, true)}${by}` })];
};

/** Kolmogorov-Smirnov: the ECDF against the reference CDF (one sample), box plots (two samples). */
const ks: FiguresFor = (context) => {
  const { request, table, outcome } = context;
  if (request.roles.group) return groupComparison(false)(context);
  const name = requireRole(request.roles.column ?? request.roles.outcome, { analysis: request.analysis, role: 'column' });
  const data = selectGroupedValues(table, name, undefined, request.options, request.analysis, 'column');
  const distribution = (outcome.result.distribution as DistributionName | undefined) ?? request.options.distribution ?? 'normal';
  const fitted = outcome.result.params as Record<string, number> | undefined;
  const params = fitted ? Object.values(fitted) : (request.options.params ?? estimateParams(distribution, data.samples[0], name));
  const label = `${distribution}(${params.map((p) => Number(p.toPrecision(4))).join(', ')})`;
  return [
    buildEcdfSpec({
      column: name,
      values: data.samples[0],
      cdf: cdfOf(distribution, params),
      referenceLabel: `the ${label} CDF`,
      title: titleFor(`${formatVariableName(name)} against ${label}`, outcome),
      subtitle: outcome.summary,
    }),
  ];
};

/** Mantel-Haenszel: grouped bars of row by col (all strata together). */
const stratified: FiguresFor = (context) => contingency(context);

/** Counts of one column (binomial test), of the outcome by group (proportions) or of before by after (McNemar). */
function counts(first: 'column' | 'outcome' | 'before', second?: 'group' | 'after'): FiguresFor {
  return ({ request, table, outcome }) => {
    const r = request.roles as Record<string, string | undefined>;
    const name = requireRole(r[first] ?? (first === 'column' ? r.outcome : undefined), { analysis: request.analysis, role: first });
    const by = second ? requireRole(r[second], { analysis: request.analysis, role: second }) : undefined;
    // Proportions by group: one bar group per group level, coloured by the outcome.
    const data = by && second === 'group' ? selectLevelValues(table, by, name) : selectLevelValues(table, name, by);
    const what = by ? `${formatVariableName(second === 'group' ? by : name)} by ${formatVariableName(second === 'group' ? name : by, true)}` : `Counts of ${formatVariableName(name, true)}`;
    return [buildBarSpec({ data, title: titleFor(what, outcome), subtitle: outcome.summary })];
  };
}

/** Goodness of fit: observed counts with the expected ones marked. */
const goodnessOfFit: FiguresFor = (context) => {
  const { request, outcome } = context;
  const result = outcome.result as { levels?: string[]; observed?: number[]; expected?: number[] };
  if (!result.levels || !result.observed || !result.expected) return counts('column')(context);
  const name = requireRole(request.roles.column ?? request.roles.outcome, { analysis: request.analysis, role: 'column' });
  return [
    buildExpectedBarSpec({
      column: name,
      levels: result.levels,
      observed: result.observed,
      expected: result.expected,
      title: titleFor(`Observed and expected counts of ${formatVariableName(name, true)}`, outcome),
      subtitle: outcome.summary,
    }),
  ];
};

/** Power analyses: the power curve with the chosen n marked. */
const powerCurve: FiguresFor = ({ request, table, outcome }) => {
  type PowerNumbers = { curve?: { n: number; power: number }[]; n?: number; nRequired?: number; power?: number; solvedForN?: boolean };
  let r = outcome.result as PowerNumbers;
  // An outcome without the curve (a stored or partial one): compute it again from the request.
  if (!r.curve) r = runAnalysis({ ...request, analysis: request.analysis as AnalysisId }, table).result as PowerNumbers;
  if (!r.curve || r.n === undefined || r.power === undefined) return [];
  return [
    buildPowerCurveSpec({
      curve: r.curve,
      n: r.solvedForN ? (r.nRequired as number) : r.n,
      power: r.power,
      target: r.solvedForN ? r.power : undefined,
      nTitle: 'n per group',
      title: titleFor('Power curve', outcome),
      subtitle: outcome.summary,
    }),
  ];
};

/** Repeated measures: box plots of the outcome by condition. */
const byCondition: FiguresFor = (context) => {
  const r = context.request.roles;
  const roles = { ...r, group: r.within ?? r.group };
  return groupComparison(false)({ ...context, request: { ...context.request, roles } });
};

/** Repeated-measures ANOVA: the profile plot (each subject's line, the condition means with within-subject CIs). */
const repeatedProfile: FiguresFor = ({ request, table, outcome }) => {
  const { input } = validateBlocks(request, table);
  const what = `${formatVariableName(input.outcome)} across ${formatVariableName(input.within, true)} within ${formatVariableName(input.subject, true)}`;
  return [
    buildProfileSpec({
      conditions: input.conditions,
      subjects: input.subjects,
      values: input.values,
      means: computeWithinSubjectIntervals(input, request.options.confLevel),
      confLevel: request.options.confLevel,
      valueTitle: formatAxisTitle(input.outcome),
      conditionTitle: formatAxisTitle(input.within),
      title: titleFor(what, outcome),
      subtitle: outcome.summary,
      seed: request.options.seed,
    }),
  ];
};

/** Partial correlation: the residuals of y against the residuals of x (both given the covariates), with the line. */
const partialResiduals: FiguresFor = ({ request, table, outcome }) => {
  const v = validatePartial(request, table);
  const { rx, ry } = computePartialResiduals(v.input);
  const given = v.input.covariates.join(', ');
  const pairs = { xName: `${v.input.x} | ${given} (residual)`, yName: `${v.input.y} | ${given} (residual)`, x: rx, y: ry, n: v.n, nMissing: v.nMissing, dropped: v.dropped };
  const title = titleFor(`${formatVariableName(v.input.y)} and ${formatVariableName(v.input.x, true)}, given ${given}`, outcome);
  return [buildRegplotSpec({ pairs, seed: request.options.seed, confLevel: request.options.confLevel, title, subtitle: outcome.summary })];
};

/** Logistic regression: the predicted probability of success along the first numeric predictor, over the observed outcomes. */
const probabilityCurve: FiguresFor = ({ request, table, outcome }) => {
  const { input } = validateLogistic(request, table);
  const profile = computeProbabilityProfile(input, request.options.confLevel);
  const along = profile.xName ?? profile.byFactor ?? input.predictors[0];
  return [
    buildProbabilityCurveSpec({
      profile,
      yTitle: `P(${input.outcome} = ${input.successLevel})`,
      confLevel: request.options.confLevel,
      seed: request.options.seed,
      title: titleFor(`Probability of ${formatVariableName(input.outcome, true)} = ${input.successLevel} by ${formatVariableName(along, true)}`, outcome),
      subtitle: outcome.summary,
    }),
  ];
};

/** Factorial ANOVA: the interaction plot of the first two factors (one panel per level of a third). */
const interaction: FiguresFor = ({ request, table, outcome }) => {
  const { input } = validateFactorial(request, table);
  const [a, b, c] = input.factors;
  const panels = c ? c.levels.map((level) => ({ level, label: `${c.name} = ${level}` })) : [{ level: undefined, label: undefined }];
  const what = `${formatVariableName(input.outcome)} by ${formatVariableName(a.name, true)} and ${formatVariableName(b.name, true)}`;
  return panels.map((panel) =>
    buildInteractionSpec({
      outcome: input.outcome,
      xFactor: a.name,
      lineFactor: b.name,
      xLevels: a.levels,
      lineLevels: b.levels,
      cells: input.cells.filter((cell) => panel.level === undefined || cell.levels[2] === panel.level).map((cell) => ({ x: cell.levels[0], line: cell.levels[1], values: cell.values })),
      confLevel: request.options.confLevel,
      title: titleFor(panel.label ? `${what} (${panel.label})` : what, outcome),
      subtitle: outcome.summary,
      panel: panel.label,
    }),
  );
};

/** ANCOVA: the outcome against the first covariate by group, with the model's parallel lines. */
const ancovaPlot: FiguresFor = ({ request, table, outcome }) => {
  const v = validateAncova(request, table);
  const { input } = v;
  // An outcome without the model's numbers (a stored or partial one): compute them again from the same rows.
  const stored = outcome.result as unknown as Partial<AncovaResult>;
  const r: AncovaResult = stored.adjustedMeans && stored.slopes ? (stored as AncovaResult) : computeAncova(input, request.options);
  const slope = r.slopes[0];
  // Other covariates sit at their means, where the adjusted means are taken: the line is mean_g + b (x - mean_x).
  const lines = r.adjustedMeans.map((m) => ({ level: m.level, intercept: m.mean - slope.estimate * slope.mean, slope: slope.estimate }));
  const labels = Array.from(input.group.codes, (code) => input.group.levels[code]);
  const pairs = {
    xName: input.covariates[0],
    yName: input.outcome,
    x: input.zs[0],
    y: input.y,
    color: { name: input.group.name, labels, levels: input.group.levels },
    n: v.n,
    nMissing: v.nMissing,
    dropped: v.dropped,
  };
  const others = input.covariates.slice(1);
  return [
    buildAncovaSpec({
      pairs,
      lines,
      seed: request.options.seed,
      title: titleFor(`${formatVariableName(input.outcome)} by ${formatVariableName(input.group.name, true)}, adjusting for ${formatVariableName(input.covariates[0], true)}`, outcome),
      subtitle: outcome.summary,
      heldAt: others.length > 0 ? others.join(', ') : undefined,
    }),
  ];
};

/** Figures of each analysis id. */
const figuresFor: Record<AnalysisId, FiguresFor> = {
  describe,
  ttest_one_sample: oneSample,
  ttest_ind: groupComparison(true),
  ttest_welch: groupComparison(true),
  ttest_paired: paired(true),
  mann_whitney: groupComparison(false),
  wilcoxon_signed_rank: paired(false),
  anova_oneway: groupComparison(true),
  welch_anova: groupComparison(true),
  kruskal_wallis: groupComparison(false),
  dunn: groupComparison(false),
  yuen: groupComparison(true),
  tukey_hsd: posthoc('Tukey'),
  games_howell: posthoc('Games-Howell'),
  pearson: correlation(true),
  spearman: correlation(false),
  kendall: correlation(false),
  ols,
  chi2_independence: contingency,
  fisher_exact: contingency,
  shapiro_wilk: normality,
  levene: groupComparison(false),
  bartlett: groupComparison(false),
  var_test: groupComparison(false),
  mood_test: groupComparison(false),
  ks_test: ks,
  mantel_haenszel: stratified,
  binomial_test: counts('column'),
  prop_test: counts('outcome', 'group'),
  mcnemar: counts('before', 'after'),
  chi2_gof: goodnessOfFit,
  power_ttest: powerCurve,
  power_prop: powerCurve,
  power_anova: powerCurve,
  friedman: byCondition,
  anova_rm: repeatedProfile,
  logistic: probabilityCurve,
  pairwise_ttest: groupComparison(true),
  partial_correlation: partialResiduals,
  anova_factorial: interaction,
  ancova: ancovaPlot,
};

/**
 * The figures of a computed analysis, from the same table and roles. Throws the selection's
 * `InferraError` if the roles do not fit (the analysis would have thrown first).
 */
export function buildFiguresForAnalysis(request: AnalysisRequest, table: Table, outcome: ComputedOutcome, whole?: WholeDataSummary): Figure[] {
  const build = (figuresFor as Record<string, FiguresFor | undefined>)[request.analysis];
  return build ? build({ request, table, outcome, whole }) : [];
}

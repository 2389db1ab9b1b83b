/**
 * The kernel's shared vocabulary: analysis and figure ids, column kinds, roles, options, the loaded
 * table, the dataset schema and the outcome of one analysis. Everything here is plain data that can
 * cross the worker boundary (structured clone) unchanged.
 *
 * Inside TypeScript names are camelCase; the JSON surface of CONTRACT.md is snake_case and the
 * conversion happens in one place, `kernel/contract.ts`.
 */

/** Analysis ids of CONTRACT.md, in the contract's order. */
export const ANALYSIS_IDS = [
  'describe',
  'ttest_one_sample',
  'ttest_ind',
  'ttest_welch',
  'ttest_paired',
  'mann_whitney',
  'wilcoxon_signed_rank',
  'anova_oneway',
  'welch_anova',
  'kruskal_wallis',
  'tukey_hsd',
  'games_howell',
  'pearson',
  'spearman',
  'kendall',
  'ols',
  'chi2_independence',
  'fisher_exact',
  'shapiro_wilk',
  'levene',
  'bartlett',
  'dunn',
  'yuen',
  // Second round (CONTRACT.md, "Additions (second round)").
  'var_test',
  'mood_test',
  'ks_test',
  'mantel_haenszel',
  'binomial_test',
  'prop_test',
  'mcnemar',
  'chi2_gof',
  'power_ttest',
  'power_prop',
  'power_anova',
  'friedman',
  'pairwise_ttest',
  'partial_correlation',
  'anova_rm',
  'logistic',
  'anova_factorial',
  'ancova',
] as const;

/** One statistical analysis of CONTRACT.md. */
export type AnalysisId = (typeof ANALYSIS_IDS)[number];

/** Figure ids of CONTRACT.md: plot-only requests. */
export const FIGURE_IDS = ['histogram', 'boxplot', 'violin', 'scatter', 'kde', 'regplot', 'qqplot', 'bar'] as const;

/** One plot-only task of CONTRACT.md. */
export type FigureId = (typeof FIGURE_IDS)[number];

/** Anything a decision can name and `analyze` can run. */
export type TaskId = AnalysisId | FigureId;

/** Whether an id names a statistical analysis (rather than a figure). */
export function isAnalysisId(id: string): id is AnalysisId {
  return (ANALYSIS_IDS as readonly string[]).includes(id);
}

/** Whether an id names a plot-only figure task. */
export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}

/** Whether an id is known at all. */
export function isTaskId(id: string): id is TaskId {
  return isAnalysisId(id) || isFigureId(id);
}

/** The kind schema inference gives a column. */
export const COLUMN_KINDS = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'id'] as const;

/** The kind schema inference gives a column. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/**
 * Column roles of a request (CONTRACT.md, "Roles"). JSON: `pair_id` for `pairId`.
 * `color` is an addition used by figures ("scatter ... coloured by species").
 */
export interface Roles {
  outcome?: string;
  group?: string;
  x?: string;
  y?: string;
  predictors?: string[];
  pairId?: string;
  before?: string;
  after?: string;
  row?: string;
  col?: string;
  column?: string;
  color?: string;
  /** Mantel-Haenszel: the stratifying column (`--strata`). */
  strata?: string;
  /** Repeated measures in long format: the condition column (`--within`) and the subject column (`--subject`). */
  within?: string;
  subject?: string;
  /** Partial correlation: the columns held constant (`--covariates`). */
  covariates?: string[];
  /** Factorial ANOVA: the between-subject factors (`--factors A,B[,C]`; numeric codes are levels). */
  factors?: string[];
  /** Describe: the columns listed (`--columns A,B,C`); none listed (and no `column`) means every column. */
  columns?: string[];
}

/** The role names, for iteration and validation. */
export const ROLE_NAMES = [
  'outcome',
  'group',
  'x',
  'y',
  'predictors',
  'pairId',
  'before',
  'after',
  'row',
  'col',
  'column',
  'color',
  'strata',
  'within',
  'subject',
  'covariates',
  'factors',
  'columns',
] as const satisfies readonly (keyof Roles)[];

/** The alternative hypothesis. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** One `--where "COL = VALUE"` condition; all conditions of a request must hold. */
export interface RowFilter {
  column: string;
  op: '=' | '!=';
  value: string;
}

/**
 * Where a long task is (the worker sends these with its progress messages): reading the file,
 * loading rows (`rows` of `total` so far), running the analysis, checking for a grouping it
 * leaves out, drawing its figure. The doors show them (a line on a terminal's stderr, the cell's output).
 */
export interface ProgressEvent {
  phase: 'read' | 'load' | 'run' | 'check' | 'figure';
  rows?: number;
  total?: number;
}

/** Options of a request, fully resolved (defaults filled in, as CONTRACT.md states them). */
export interface AnalysisOptions {
  alternative: Alternative;
  confLevel: number;
  /** One-sample / paired null value. */
  mu: number;
  /** OLS: fit an intercept. */
  intercept: boolean;
  /** Levene: median (Brown-Forsythe, default) or mean. */
  center: 'median' | 'mean';
  /** Continuity correction (rank tests, 2x2 chi-square). */
  correct: boolean;
  /** Exact p-values for rank tests and Spearman/Kendall. */
  exact: boolean | 'auto';
  /** OLS with one predictor: raw polynomial of this degree. */
  degree?: number;
  /** Seed for anything random (jitter, sampling); results never depend on it. */
  seed: number;
  /** Row selection; all must hold. */
  where: RowFilter[];
  /** Keep only these levels of the group role, in this order. */
  levels?: string[];
  /** ks_test: the reference distribution of one sample (`--distribution`). */
  distribution?: 'normal' | 'uniform' | 'exponential' | 'gamma';
  /** ks_test: the reference distribution's parameters (`--params`); estimated when absent. */
  params?: number[];
  /** binomial_test: the null proportion (`--p`, default 0.5). */
  p?: number;
  /** The level counted as a success (`--success`). */
  success?: string;
  /** chi2_gof: the expected proportions, in the levels' natural order (`--expected`). */
  expected?: number[];
  /** Power: the effect size (`--effect-size`: Cohen's d, or f for power_anova). */
  effectSize?: number;
  /** Power: the target power (`--power`). */
  power?: number;
  /** Power: the significance level (`--alpha`, default 0.05). */
  alpha?: number;
  /** Power: the sample size per group (`--n`); power is computed instead of n. */
  n?: number;
  /** power_ttest: the design (`--type`). */
  designType?: 'two_sample' | 'one_sample' | 'paired';
  /** power_anova: the number of groups (`--groups`). */
  groups?: number;
  /** power_prop: the two proportions (`--p1`, `--p2`). */
  p1?: number;
  p2?: number;
  /** pairwise_ttest: the p-value adjustment (`--p-adjust`, default holm). */
  pAdjust?: 'holm' | 'bonferroni' | 'BH' | 'none';
  /** pairwise_ttest: pool the sd over all groups (`--pool-sd`, default true). */
  poolSd?: boolean;
  /** anova_factorial: the type of sums of squares (`--ss-type 2|3`, default 2 as `car::Anova`). */
  ssType?: 2 | 3;
}

/** The defaults of CONTRACT.md. */
export const DEFAULT_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  alternative: 'two-sided',
  confLevel: 0.95,
  mu: 0,
  intercept: true,
  center: 'median',
  correct: true,
  exact: 'auto',
  seed: 42,
  where: [],
});

/** What to run: an analysis or figure, its column roles and its options. */
export interface AnalysisRequest {
  analysis: TaskId;
  roles: Roles;
  options: AnalysisOptions;
}

/** A numeric column: missing values are NaN. */
export interface NumericColumn {
  name: string;
  kind: 'numeric';
  values: Float64Array;
}

/**
 * Any other column: values as text (booleans as "true"/"false", datetimes as ISO 8601), missing is null.
 */
export interface TextColumn {
  name: string;
  kind: Exclude<ColumnKind, 'numeric'>;
  values: (string | null)[];
  /** Why the column is not numeric when it nearly is ("'x' has numbers in 3,000 rows but 'oops' on line 3002"). */
  note?: string;
}

/** One loaded column. */
export type Column = NumericColumn | TextColumn;

/** The columns a task needs, loaded by `kernel/data`, all of the same length. */
export interface Table {
  rowCount: number;
  /** In the dataset's column order. */
  columns: Column[];
}

/** A level of a categorical (or coded numeric) column and how often it occurs. */
export interface LevelCount {
  value: string;
  count: number;
}

/** What schema inference learned about one column. */
export interface ColumnSchema {
  name: string;
  kind: ColumnKind;
  /** DuckDB's type for the column, e.g. DOUBLE, VARCHAR. */
  storageType: string;
  /** Non-missing values. */
  n: number;
  missing: number;
  distinct: number;
  /** Level counts, for categorical and boolean columns and numeric columns with few distinct values. */
  levels?: LevelCount[];
  /** A numeric column with few distinct values (a coded factor like `cyl`) can be a grouping factor. */
  usableAsGroup: boolean;
  /** Numeric columns only. */
  summary?: { mean: number; sd: number; min: number; max: number };
  /** Numeric columns only: infinite values (inf, 1e400, a Parquet +Inf), counted in `missing`. */
  nonFinite?: number;
  /** Something a researcher should know about the column's values, in one sentence (describe shows it). */
  note?: string;
  /** The variable's label from the file (SPSS), shown beside the name and matched by the rules like a name. */
  label?: string;
}

/** Dataset file formats the data layer reads. */
/** `postgres`: a database table (`postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE`), computed where it lives. */
export type DatasetFormat = 'csv' | 'tsv' | 'json' | 'parquet' | 'xlsx' | 'sav' | 'postgres';

/** The schema of one dataset, as `inferra describe` prints it. */
export interface DatasetSchema {
  /** File name without directory. */
  name: string;
  /** Absolute path as loaded. */
  path: string;
  format: DatasetFormat;
  /** The workbook's sheet that was read (Excel). */
  sheet?: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  rows: number;
  columns: ColumnSchema[];
}

/** Rows a task left out, and why (missing values, a `--where`, levels not kept). */
export interface DroppedRows {
  reason: string;
  count: number;
}

/** One assumption check run alongside an analysis. */
export interface AssumptionCheck {
  /** An analysis id (`shapiro_wilk`, `levene`, ...) or another named check (`expected_counts`). */
  check: string;
  /** What it ran on, e.g. "flipper_length_mm | sex=male", "residuals". */
  target: string;
  statistic: number | null;
  pValue: number | null;
  ok: boolean;
  /** One sentence when the check failed or could not run. */
  note?: string;
}

/** A cell of a result table: numbers stay numbers (full precision); formatting is the renderer's job. */
export type TableValue = number | string | boolean | null;

/** A table of a result, as the renderer and the report show it (JASP-like). */
export interface ResultTable {
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, TableValue>[];
  /** Footnote, e.g. "Welch-Satterthwaite degrees of freedom." */
  note?: string;
}

/** Figures drawn for an analysis only (not requestable as a task): post-hoc differences, paired slopes. */
export type AnalysisFigureKind = 'differences' | 'paired_slopes' | 'rm_profile' | 'probability_curve' | 'interaction';

/** One Vega-Lite figure. */
export interface Figure {
  kind: FigureId | AnalysisFigureKind;
  title: string;
  /** Vega-Lite v6 spec, self-contained (data inline, pre-aggregated). */
  vegaLite: Record<string, unknown>;
  /** e.g. "showing 5,000 of 1,000,000 points". */
  caption?: string;
}

/** A box plot's numbers: quartiles as R's type 7, Tukey's whiskers (the most extreme values within 1.5 IQR of the quartiles), the extremes. */
export interface BoxQuartiles {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  whiskerLow: number;
  whiskerHigh: number;
}

/**
 * A group's box plot and mean computed on every row, for a figure whose points are a sample (the
 * aggregate plan above its sample limit).
 */
export interface GroupBoxSummary extends BoxQuartiles {
  level: string;
  /** Rows beyond the whiskers. */
  outliers: number;
  mean: number;
  sd: number;
}

/**
 * A fitted straight line y = intercept + slope x and what its pointwise confidence band needs:
 * se(fit at g)^2 = sigma^2 ((1/n if the model has an intercept) + (g - centre)^2 / sxx), with t on `df`
 * degrees of freedom (R's `predict(lm, interval = "confidence")` for one predictor).
 */
export interface FittedLine {
  intercept: number;
  slope: number;
  /** x's mean (0 without an intercept); `sxx` the sum of squares of x about it. */
  centre: number;
  /** The fitted value at `centre` (y's mean with an intercept): the line is drawn as atCentre + slope (x - centre). */
  atCentre: number;
  sxx: number;
  n: number;
  sigma: number;
  df: number;
  withIntercept: boolean;
}

/** A factor of a model term: a numeric column to a power, or the indicator of one level of a column. */
export type ModelTermFactor = { column: string; power: number } | { column: string; level: string };

/** A fitted linear model as data: its coefficients and the terms they multiply (products of factors). */
export interface FittedModel {
  outcome: string;
  /** Every column the model reads (the outcome first): a row is used when all of them have a value. */
  columns: string[];
  intercept: number;
  terms: { coefficient: number; factors: ModelTermFactor[] }[];
}

/** What a figure drawn from a plan knows of every row (its table is then a sample, or empty). */
export interface WholeDataSummary {
  /** The analysis' own fitted line (Pearson's least-squares line, a one-predictor `ols`), whatever rows the figure draws. */
  line?: FittedLine;
  /** The analysis' own model (`ols`): the residual figures evaluate it on the figure's rows instead of refitting. */
  model?: FittedModel;
  /** The groups' boxes and means (box plots whose points are a sample). */
  boxes?: GroupBoxSummary[];
  /** Contingency counts keyed "row level\u0000column level" (bars drawn from the counts, not from rows). */
  counts?: ReadonlyMap<string, number>;
}

/** The dataset as a task used it, for provenance. */
export interface DatasetUse {
  sha256: string;
  /** Digest of the parsed columns the task loaded. */
  tableHash: string;
  rows: number;
  rowsUsed: number;
  columns: string[];
  /** A database table: the query the analysis ran on (its values are parameters, not part of it). */
  query?: string;
}

/** Everything one analysis or figure task produced (the worker's answer). */
export interface AnalysisOutcome {
  analysis: TaskId;
  /** The exact variant's name, e.g. "Welch two-sample t-test". */
  variant: string;
  roles: Roles;
  options: AnalysisOptions;
  n: number;
  nMissing: number;
  dropped: DroppedRows[];
  /** The analysis' fields (camelCase here; snake_case in JSON, CONTRACT.md). */
  result: Record<string, unknown>;
  assumptions: AssumptionCheck[];
  /** One APA-style sentence. */
  summary: string;
  warnings: string[];
  /** "Consider X because Y" when a check failed; never acted on silently. */
  recommendations: string[];
  tables: ResultTable[];
  figures: Figure[];
  dataset: DatasetUse;
}

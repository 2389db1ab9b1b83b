/**
 * Plot-only tasks (`--analysis histogram` etc.): select the columns, build the figure, and describe
 * it with a few numbers, a small table and one sentence, in the shape of an analysis outcome.
 */
import { InferraError } from '../errors.js';
import { isFigureId, type AnalysisOutcome, type AnalysisRequest, type Figure, type FigureId, type ResultTable, type Table } from '../types.js';
import { computeBandwidth } from './aggregate.js';
import { buildBarSpec } from './build-bar.js';
import { buildBoxplotSpec } from './build-boxplot.js';
import { buildHistogramSpec, computeHistogramBins } from './build-histogram.js';
import { buildKdeSpec } from './build-kde.js';
import { buildQqplotSpec } from './build-qqplot.js';
import { buildRegplotSpec, computeSimpleFit } from './build-regplot.js';
import { buildScatterSpec } from './build-scatter.js';
import { buildViolinSpec } from './build-violin.js';
import { buildDescriptiveTable, buildPairedDescriptiveTable } from './describe-table.js';
import { columnRole, outcomeRole, xyRoles } from './roles.js';
import { selectGroupedValues, selectLevelValues, selectPairedValues, type GroupedValues, type PairedValues } from './select.js';
import { formatVariableName } from './theme.js';

/** What one figure task produced, before the common fields are filled in. */
interface TaskParts {
  variant: string;
  n: number;
  nMissing: number;
  dropped: AnalysisOutcome['dropped'];
  result: Record<string, unknown>;
  summary: string;
  tables: ResultTable[];
  figures: Figure[];
}

/** " by species" or "". */
function bySuffix(group: string | undefined): string {
  return group ? ` by ${formatVariableName(group, true)}` : '';
}

/** "n = 342" with thousands separators. */
function formatN(n: number): string {
  return `n = ${n.toLocaleString('en-US')}`;
}

/** A grouped selection's n, missing and dropped rows. */
function countsOf(data: GroupedValues | PairedValues): Pick<TaskParts, 'n' | 'nMissing' | 'dropped'> {
  return { n: data.n, nMissing: data.nMissing, dropped: data.dropped };
}

/** The grouped numeric selection of a single-column figure. */
function selectColumn(request: AnalysisRequest, table: Table, role: 'column' | 'outcome'): GroupedValues {
  const name = role === 'column' ? columnRole(request) : outcomeRole(request);
  return selectGroupedValues(table, name, request.roles.group, request.options, request.analysis, role);
}

/** Builders of each figure task. */
const tasks: Record<FigureId, (request: AnalysisRequest, table: Table) => TaskParts> = {
  histogram(request, table) {
    const data = selectColumn(request, table, 'column');
    const bins = computeHistogramBins(data);
    const title = `Distribution of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)}`;
    return {
      variant: 'Histogram',
      ...countsOf(data),
      result: { n: data.n, bins: bins.edges.length - 1, binWidth: bins.width, binRule: bins.rule },
      summary: `Histogram of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)} (${formatN(data.n)}), ${bins.edges.length - 1} bins of width ${bins.width}.`,
      tables: [buildDescriptiveTable(data)],
      figures: [buildHistogramSpec({ data, title })],
    };
  },
  kde(request, table) {
    const data = selectColumn(request, table, 'column');
    const bandwidths = data.samples.map((s) => computeBandwidth(Float64Array.from(s).sort()));
    const title = `Density of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)}`;
    return {
      variant: 'Kernel density estimate',
      ...countsOf(data),
      result: { n: data.n, bandwidth: data.group ? bandwidths : bandwidths[0], kernel: 'gaussian', bandwidthRule: 'nrd0' },
      summary: `Gaussian kernel density of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)} (${formatN(data.n)}), bandwidth by Silverman's rule.`,
      tables: [buildDescriptiveTable(data)],
      figures: [buildKdeSpec({ data, title })],
    };
  },
  qqplot(request, table) {
    const data = selectColumn(request, table, 'column');
    const title = `Normal QQ plot of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)}`;
    return {
      variant: 'Normal QQ plot',
      ...countsOf(data),
      result: { n: data.n },
      summary: `Normal QQ plot of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)} (${formatN(data.n)}).`,
      tables: [buildDescriptiveTable(data)],
      figures: [buildQqplotSpec({ data, title })],
    };
  },
  boxplot(request, table) {
    const data = selectColumn(request, table, 'outcome');
    const title = `${formatVariableName(data.outcome)}${bySuffix(data.group)}`;
    return {
      variant: 'Box plot',
      ...countsOf(data),
      result: { n: data.n, groups: data.levels.length },
      summary: `Box plot of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)} (${formatN(data.n)}).`,
      tables: [buildDescriptiveTable(data)],
      figures: [buildBoxplotSpec({ data, title, seed: request.options.seed, confLevel: request.options.confLevel })],
    };
  },
  violin(request, table) {
    const data = selectColumn(request, table, 'outcome');
    const title = `${formatVariableName(data.outcome)}${bySuffix(data.group)}`;
    return {
      variant: 'Violin plot',
      ...countsOf(data),
      result: { n: data.n, groups: data.levels.length },
      summary: `Violin plot of ${formatVariableName(data.outcome, true)}${bySuffix(data.group)} (${formatN(data.n)}).`,
      tables: [buildDescriptiveTable(data)],
      figures: [buildViolinSpec({ data, title })],
    };
  },
  scatter(request, table) {
    const { x, y } = xyRoles(request);
    const pairs = selectPairedValues(table, x, y, request.roles.color, request.analysis);
    const title = `${formatVariableName(y)} against ${formatVariableName(x, true)}`;
    const figure = buildScatterSpec({ pairs, seed: request.options.seed, title });
    return {
      variant: 'Scatter plot',
      ...countsOf(pairs),
      result: { n: pairs.n },
      summary: `Scatter plot of ${formatVariableName(y, true)} against ${formatVariableName(x, true)} (${formatN(pairs.n)}).`,
      tables: [buildPairedDescriptiveTable(pairs)],
      figures: [figure],
    };
  },
  regplot(request, table) {
    const { x, y } = xyRoles(request);
    const pairs = selectPairedValues(table, x, y, request.roles.color, request.analysis);
    const fit = computeSimpleFit(pairs.x, pairs.y);
    const title = `${formatVariableName(y)} against ${formatVariableName(x, true)}, with least-squares line`;
    return {
      variant: 'Scatter plot with regression line',
      ...countsOf(pairs),
      result: { n: pairs.n, slope: fit.slope, intercept: fit.intercept, r: fit.r },
      summary: `Least-squares line of ${formatVariableName(y, true)} on ${formatVariableName(x, true)}: slope ${fit.slope.toPrecision(4)}, intercept ${fit.intercept.toPrecision(4)}, r = ${fit.r.toFixed(2)} (${formatN(pairs.n)}).`,
      tables: [buildPairedDescriptiveTable(pairs)],
      figures: [buildRegplotSpec({ pairs, seed: request.options.seed, confLevel: request.options.confLevel, title })],
    };
  },
  bar(request, table) {
    const column = columnRole(request);
    const data = selectLevelValues(table, column, request.roles.group);
    const figure = buildBarSpec({ data, title: `Counts of ${formatVariableName(column, true)}${bySuffix(data.group)}` });
    const rows = (figure.vegaLite.data as { values: Record<string, unknown>[] }).values;
    const table2: ResultTable = {
      title: `Counts: ${column}${data.group ? ` by ${data.group}` : ''}`,
      columns: [
        { key: 'level', label: column },
        ...(data.group ? [{ key: 'g', label: data.group }] : []),
        { key: 'count', label: 'Count' },
      ],
      rows: rows.map((r) => ({ ...(r as Record<string, string | number>) })),
    };
    const levels = new Set(rows.map((r) => r.level)).size;
    return {
      variant: 'Bar chart of counts',
      n: data.n,
      nMissing: data.nMissing,
      dropped: data.dropped,
      result: { n: data.n, levels },
      summary: `Counts of ${formatVariableName(column, true)}${bySuffix(data.group)} (${formatN(data.n)}, ${levels} levels).`,
      tables: [table2],
      figures: [figure],
    };
  },
};

/** Runs a plot-only request: the figure with a few descriptive numbers, a small table and one sentence. */
export function buildFigureTask(request: AnalysisRequest, table: Table): Omit<AnalysisOutcome, 'dataset'> {
  const build = isFigureId(request.analysis) ? tasks[request.analysis] : undefined;
  if (!build) throw new InferraError('internal-error', { detail: `'${request.analysis}' is not a figure task` });
  const parts = build(request, table);
  return {
    analysis: request.analysis,
    variant: parts.variant,
    roles: request.roles,
    options: request.options,
    n: parts.n,
    nMissing: parts.nMissing,
    dropped: parts.dropped,
    result: parts.result,
    assumptions: [],
    summary: parts.summary,
    warnings: [],
    recommendations: [],
    tables: parts.tables,
    figures: parts.figures,
  };
}

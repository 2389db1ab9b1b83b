/** The APA sentences and tables of `anova_factorial` and `ancova`. */
import type { AnalysisOptions, AssumptionCheck, ResultTable, TableValue } from '../../types.js';
import { recommendForNormality } from '../checks/normality-policy.js';
import { formatBounded, formatBoundedCi, formatCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL } from '../common/format.js';
import { P_COLUMN, tableColumns, type ColumnSpec } from '../common/table.js';
import { buildAlternativeWarnings } from '../anova/summarize.js';
import type { Summary } from '../types.js';
import type { AncovaResult, FactorialResult } from './compute.js';
import type { TermRow } from './model.js';
import type { AncovaInput, FactorialInput } from './validate.js';

const ALPHA = 0.05;

/** "supp × dose" for a term `supp:dose`, with readable labels. */
function termLabel(term: string): string {
  return term.split(':').map(formatVariableLabel).join(' × ');
}

/** "F(2, 54) = 4.11, p = .022, ηp² = .13, 95% CI [.00, .29]". */
function describeTerm(t: TermRow, residualDf: number, confLevel: number): string {
  const ci = Number.isFinite(t.etaSquaredPartialCiLow) && Number.isFinite(t.etaSquaredPartialCiHigh) ? `, ${formatBoundedCi(confLevel, t.etaSquaredPartialCiLow, t.etaSquaredPartialCiHigh)}` : '';
  return `F(${formatDf(t.df)}, ${formatDf(residualDf)}) = ${formatNumber(t.f)}, ${formatP(t.pValue)}, ${SYMBOL.etaSquaredPartial} = ${formatBounded(t.etaSquaredPartial)}${ci}`;
}

/** A bound for a table: NaN reads as text. */
function bound(x: number): TableValue {
  return Number.isFinite(x) ? x : 'not available';
}

/** The ANOVA table: one row per term and the residual row. */
function buildTermTable(title: string, terms: readonly TermRow[], residualDf: number, residualSs: number, confLevel: number, note: string): ResultTable {
  const pct = `${formatNumber(confLevel * 100, 0)}%`;
  const specs: ColumnSpec[] = [
    ['term', 'Term'],
    ['df', 'df'],
    ['ss', 'Sum of squares'],
    ['ms', 'Mean square'],
    ['f', 'F'],
    P_COLUMN,
    ['etaSquaredPartial', SYMBOL.etaSquaredPartial],
    ['etaSquaredPartialCiLow', `${SYMBOL.etaSquaredPartial} ${pct} CI lower`],
    ['etaSquaredPartialCiHigh', `${SYMBOL.etaSquaredPartial} ${pct} CI upper`],
  ];
  return {
    title,
    columns: tableColumns(specs),
    rows: [
      ...terms.map((t) => ({ ...t, etaSquaredPartialCiLow: bound(t.etaSquaredPartialCiLow), etaSquaredPartialCiHigh: bound(t.etaSquaredPartialCiHigh) })),
      { term: 'Residuals', df: residualDf, ss: residualSs, ms: residualSs / residualDf, f: null, pValue: null, etaSquaredPartial: null, etaSquaredPartialCiLow: null, etaSquaredPartialCiHigh: null },
    ],
    note,
  };
}

/** How the partial eta² intervals are computed, for table notes. */
const PARTIAL_ETA_NOTE = `${SYMBOL.etaSquaredPartial} = SS_term / (SS_term + SS_residual); two-sided intervals by inverting the noncentral F distribution at the term's F, each noncentrality bound λ converted to λ / (λ + df_residual), as R's effectsize (ncp method).`;

/** "two-way", "three-way". */
function wayOf(k: number): string {
  return ['one', 'two', 'three'][k - 1] ?? `${k}`;
}

/** What each type of sums of squares tests, for notes and warnings. */
function ssTypeText(ssType: 2 | 3): string {
  return ssType === 2
    ? 'type II sums of squares (each term after the others that do not contain it, as car::Anova)'
    : 'type III sums of squares (each term after all the others, with sum-to-zero contrasts, as car::Anova with contr.sum)';
}

/** Summary of the factorial ANOVA. */
export function summarizeFactorial(r: FactorialResult, input: FactorialInput, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const names = input.factors.map((f) => f.name);
  const byText = names.map(formatVariableLabel);
  const by = byText.length > 1 ? `${byText.slice(0, -1).join(', ')} and ${byText[byText.length - 1]}` : byText[0];
  const parts = r.terms.map((t) => `${termLabel(t.term)}, ${describeTerm(t, r.residualDf, r.confLevel)}`);
  const summary = `A ${wayOf(names.length)}-way ANOVA of ${formatVariableLabel(input.outcome)} by ${by} (type ${r.ssType === 2 ? 'II' : 'III'} sums of squares, N = ${r.n}): ${parts.join('; ')}.`;
  const anovaTable = buildTermTable(
    `ANOVA of ${input.outcome} by ${names.join(' × ')} (type ${r.ssType === 2 ? 'II' : 'III'})`,
    r.terms,
    r.residualDf,
    r.residualSs,
    r.confLevel,
    `F tests against the residual mean square of the full model, ${ssTypeText(r.ssType)}. ${PARTIAL_ETA_NOTE}`,
  );
  const cellSpecs: ColumnSpec[] = [...names.map((n, k): ColumnSpec => [`factor${k + 1}`, n]), ['n', 'n'], ['mean', 'Mean'], ['sd', 'SD']];
  const cellTable: ResultTable = {
    title: 'Cell descriptives',
    columns: tableColumns(cellSpecs),
    rows: r.cells.map((c) => ({
      ...Object.fromEntries(c.levels.map((l, k) => [`factor${k + 1}`, l])),
      n: c.n,
      mean: c.mean,
      sd: Number.isNaN(c.sd) ? 'not available (n = 1)' : c.sd,
    })),
  };
  const warnings = buildAlternativeWarnings(options, 'the ANOVA F tests');
  if (!r.balanced) {
    const sizes = r.cells.map((c) => c.n);
    const other =
      r.ssType === 2
        ? 'type III (--ss-type 3) tests each term after all the others and gives different main effects when there is an interaction'
        : 'type II (the default) tests each main effect after the other main effects only and is more powerful when there is no interaction';
    warnings.push(
      `The design is unbalanced (cell sizes from ${Math.min(...sizes)} to ${Math.max(...sizes)}), so the sums of squares depend on their type: these are ${ssTypeText(r.ssType)}; ${other}.`,
    );
  }
  const recommendations = recommendForNormality(checks, 'regression', [input.y]);
  const interactions = r.terms.filter((t) => t.term.includes(':') && t.pValue < ALPHA);
  if (interactions.length > 0) {
    const t = interactions[interactions.length - 1];
    recommendations.unshift(
      `The ${termLabel(t.term)} interaction is significant (${formatP(t.pValue)}): the effect of one factor depends on the level of the other, so read the interaction plot and compare the cell means (simple effects) before interpreting the main effects, which average over levels that behave differently.`,
    );
  }
  return { summary, tables: [anovaTable, cellTable], warnings, recommendations };
}

/** Summary of the ANCOVA. */
export function summarizeAncova(r: AncovaResult, input: AncovaInput, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const held = input.covariates.map(formatVariableLabel).join(', ');
  const at = r.slopes.map((s) => `${formatVariableLabel(s.covariate)} = ${formatNumber(s.mean)}`).join(', ');
  const parts = r.terms.map((t) => `${termLabel(t.term)}, ${describeTerm(t, r.residualDf, r.confLevel)}`);
  const means = r.adjustedMeans.map((m) => `${m.level}: ${formatNumber(m.mean)}, ${formatCi(r.confLevel, m.ciLow, m.ciHigh)}`);
  const summary =
    `An ANCOVA of ${formatVariableLabel(input.outcome)} by ${formatVariableLabel(input.group.name)} adjusting for ${held} (type II sums of squares, N = ${r.n}): ${parts.join('; ')}. ` +
    `Adjusted means (at ${at}): ${means.join('; ')}.`;
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  const anovaTable = buildTermTable(
    `ANCOVA of ${input.outcome} by ${input.group.name}, adjusting for ${input.covariates.join(', ')}`,
    r.terms,
    r.residualDf,
    r.residualSs,
    r.confLevel,
    `F tests against the residual mean square, ${ssTypeText(2)}. ${PARTIAL_ETA_NOTE}`,
  );
  const meanSpecs: ColumnSpec[] = [
    ['level', input.group.name],
    ['n', 'n'],
    ['observedMean', 'Observed mean'],
    ['mean', 'Adjusted mean'],
    ['se', 'SE'],
    ['ciLow', `${pct} CI lower`],
    ['ciHigh', `${pct} CI upper`],
  ];
  const meansTable: ResultTable = {
    title: 'Adjusted means',
    columns: tableColumns(meanSpecs),
    rows: r.adjustedMeans.map((m) => ({ ...m })),
    note: `Means predicted by the model at ${at} (the covariates' means), with t intervals on ${formatDf(r.residualDf)} residual df.`,
  };
  const slopesTable: ResultTable = {
    title: 'Covariate slopes and their homogeneity',
    columns: tableColumns([['covariate', 'Covariate'], ['mean', 'Mean'], ['estimate', 'Common slope'], ['se', 'SE']]),
    rows: r.slopes.map((s) => ({ ...s })),
    note: Number.isFinite(r.slopesHomogeneityP)
      ? `Homogeneity of slopes (${input.group.name} × covariate interaction added to the model): F(${formatDf(r.slopesHomogeneityDf)}, ${formatDf(r.slopesHomogeneityResidualDf)}) = ${formatNumber(r.slopesHomogeneityF)}, ${formatP(r.slopesHomogeneityP)}.`
      : `The homogeneity of slopes could not be tested (a covariate does not vary within every group of ${input.group.name}, or too few rows are left).`,
  };
  const warnings = buildAlternativeWarnings(options, 'the ANCOVA F tests');
  if (r.slopesHomogeneityP < ALPHA) {
    warnings.push(
      `The slopes of ${input.outcome} on ${input.covariates.join(', ')} differ between the groups of ${input.group.name} (${input.group.name} × covariate interaction: F(${formatDf(r.slopesHomogeneityDf)}, ${formatDf(r.slopesHomogeneityResidualDf)}) = ${formatNumber(r.slopesHomogeneityF)}, ${formatP(r.slopesHomogeneityP)}): ANCOVA assumes parallel slopes, and the adjusted means hold only at the covariates' means; the group difference changes with the covariate.`,
    );
  }
  const recommendations = recommendForNormality(checks, 'regression', [input.y]);
  if (r.slopesHomogeneityP < ALPHA) {
    recommendations.unshift(
      `Consider comparing the groups of ${input.group.name} at several values of ${input.covariates.join(', ')} (for example a regression of ${input.outcome} on ${input.covariates.join(', ')} within each group), because the slopes are not parallel: the adjusted means above compare the groups only at ${at}.`,
    );
  }
  return { summary, tables: [anovaTable, meansTable, slopesTable], warnings, recommendations };
}

/** The APA sentence and tables of `ols`. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatCi, formatDf, formatNumber, formatP, formatVariableLabel } from '../common/format.js';
import { recommendForNormality } from '../checks/normality-policy.js';
import { ciColumns, P_COLUMN, singleRowTable, tableColumns } from '../common/table.js';
import type { Summary } from '../types.js';
import type { OlsResult } from './compute.js';
import { listNumericTerms } from './terms.js';
import type { OlsInput } from './validate.js';

/** "b = 40.71, 95% CI [34.66, 46.75] for flipper length (mm)": the first numeric predictor's slope, the one a question about it asks for. */
function describeFocus(result: OlsResult, input: OlsInput): string {
  const term = listNumericTerms(input)[0];
  const c = term === undefined ? undefined : result.coefficients.find((x) => x.term === term);
  if (!c) return '';
  return `b = ${formatNumber(c.estimate)}, ${formatCi(result.confLevel, c.ciLow, c.ciHigh)} for ${formatVariableLabel(c.term)}; `;
}

/** "species: F(2, 338) = 18.39, p < .001 (Type II); ": the test of each factor as a whole. */
function describeFactorTests(result: OlsResult): string {
  const factors = new Set((result.referenceLevels ?? []).map((r) => r.column));
  const tests = (result.termTests ?? []).filter((t) => factors.has(t.term));
  return tests.map((t) => `${formatVariableLabel(t.term)}: F(${formatDf(t.df)}, ${formatDf(result.dfResid)}) = ${formatNumber(t.f)}, ${formatP(t.pValue)} (Type II); `).join('');
}

/** "R² = .78, F(3, 338) = 405.68, p < .001" with the coefficient and model tables. */
export function summarizeOls(result: OlsResult, input: OlsInput, checks: AssumptionCheck[]): Summary {
  const references = result.referenceLevels ?? [];
  const referenceText = references.length
    ? ` (reference level${references.length > 1 ? 's' : ''}: ${references.map((r) => (references.length > 1 ? `${r.level} for ${formatVariableLabel(r.column)}` : r.level)).join(', ')})`
    : '';
  const labels = input.predictors.map(formatVariableLabel);
  const predictorText = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0];
  const summary =
    `A linear model of ${formatVariableLabel(input.outcome)} on ${predictorText}${referenceText}` +
    `${result.intercept ? '' : ' (no intercept; R² is uncentred)'}: ` +
    describeFocus(result, input) +
    describeFactorTests(result) +
    `R² = ${formatBounded(result.rSquared)}, adjusted R² = ${formatBounded(result.adjRSquared)}, ` +
    `F(${formatDf(result.dfModel)}, ${formatDf(result.dfResid)}) = ${formatNumber(result.f)}, ${formatP(result.fPValue)}.`;
  const level = formatNumber(result.confLevel * 100, 0);
  const coefficients: ResultTable = {
    title: 'Coefficients',
    columns: tableColumns([['term', 'Term'], ['estimate', 'Estimate'], ['stdError', 'SE'], ['statistic', 't'], P_COLUMN, ...ciColumns(`${level}%`)]),
    rows: result.coefficients.map((c) => ({ ...c })),
    note: `t tests with ${formatDf(result.dfResid)} residual degrees of freedom.${
      references.length
        ? ` Factors are treatment-coded: each dummy compares its level with the reference level (${references.map((r) => `${r.column}: ${r.level}`).join('; ')}).`
        : ''
    }`,
  };
  const termTests = result.termTests ?? [];
  const termTable: ResultTable | undefined = termTests.length
    ? {
        title: 'Type II tests of the terms',
        columns: [
          { key: 'term', label: 'Term' },
          { key: 'ss', label: 'Sum of squares' },
          { key: 'df', label: 'df' },
          { key: 'f', label: 'F' },
          { key: 'pValue', label: 'p' },
        ],
        rows: termTests.map((t) => ({ ...t })),
        note: `Each term tested after all the others (Type II, as R's car::Anova(fit, type = 2)), on ${formatDf(result.dfResid)} residual df; a factor is tested once for all its levels.`,
      }
    : undefined;
  const interactions = result.interactions ?? [];
  const interactionTable: ResultTable | undefined = interactions.length
    ? {
        title: 'Interaction check (not in the model)',
        columns: [
          { key: 'interaction', label: 'Interaction' },
          { key: 'df1', label: 'df1' },
          { key: 'df2', label: 'df2' },
          { key: 'f', label: 'F' },
          { key: 'pValue', label: 'p' },
        ],
        rows: interactions.map((t) => ({ interaction: `${t.numeric} × ${t.factor}`, df1: t.df1, df2: t.df2, f: t.f, pValue: t.pValue })),
        note: "F test of adding the interaction to the model (R: anova(lm(y ~ x + f), lm(y ~ x * f))): whether the slope differs between the factor's levels. The model above assumes one common slope.",
      }
    : undefined;
  const model = singleRowTable(
    'Model fit',
    [
      ['rSquared', 'R²'],
      ['adjRSquared', 'Adjusted R²'],
      ['f', 'F'],
      ['dfModel', 'df model'],
      ['dfResid', 'df residual'],
      ['fPValue', 'p'],
      ['residualSd', 'Residual SD'],
      ['n', 'N'],
    ],
    result,
    { note: result.intercept ? undefined : 'No intercept: R² and F compare the model with y = 0, as R does.' },
  );
  const recommendations: string[] = [];
  for (const t of interactions) {
    if (t.pValue >= 1 - result.confLevel) continue;
    recommendations.push(
      `Consider the interaction ${t.numeric} × ${t.factor}: the slope of ${formatVariableLabel(t.numeric)} seems to differ between the levels of ${formatVariableLabel(t.factor)} (F(${formatDf(t.df1)}, ${formatDf(t.df2)}) = ${formatNumber(t.f)}, ${formatP(t.pValue)}), so one common slope may misdescribe the data; fit the interaction or report the slope within each level.`,
    );
  }
  for (const check of checks) {
    if (check.ok) continue;
    if (check.check === 'shapiro_wilk') recommendations.push(...recommendForNormality([check], 'regression'));
    if (check.check === 'breusch_pagan') {
      recommendations.push(
        'Consider heteroskedasticity-consistent (HC3) standard errors or a transformation of the outcome, because the residual variance is not constant.',
      );
    }
  }
  const warnings = binaryOutcomeWarnings(input);
  if (warnings.length) recommendations.push(`Consider logistic regression (--analysis logistic) because ${input.outcome} has only two values.`);
  return { summary, tables: [coefficients, ...(termTable ? [termTable] : []), model, ...(interactionTable ? [interactionTable] : [])], recommendations, warnings };
}

/** A linear model of an outcome with two values is a linear probability model: said, not hidden. */
function binaryOutcomeWarnings(input: OlsInput): string[] {
  const values = new Set<number>();
  for (const v of input.y) {
    values.add(v);
    if (values.size > 2) return [];
  }
  if (values.size !== 2) return [];
  const [a, b] = [...values].sort((x, y) => x - y);
  return [
    `The outcome ${input.outcome} has only two values (${a} and ${b}): this linear model is a linear probability model, whose fitted values can fall outside the possible range and whose residuals cannot be normal or of constant variance. A logistic regression models such an outcome.`,
  ];
}

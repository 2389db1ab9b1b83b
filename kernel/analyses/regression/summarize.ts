/** The APA sentence and tables of `ols`. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatDf, formatNumber, formatP } from '../common/format.js';
import { recommendForNormality } from '../checks/normality-policy.js';
import { ciColumns, P_COLUMN, singleRowTable, tableColumns } from '../common/table.js';
import type { Summary } from '../types.js';
import type { OlsResult } from './compute.js';
import type { OlsInput } from './validate.js';

/** "R² = .78, F(3, 338) = 405.68, p < .001" with the coefficient and model tables. */
export function summarizeOls(result: OlsResult, input: OlsInput, checks: AssumptionCheck[]): Summary {
  const summary =
    `A linear model of ${input.outcome} on ${input.predictors.join(', ')}` +
    `${result.intercept ? '' : ' (no intercept; R² is uncentred)'}: ` +
    `R² = ${formatBounded(result.rSquared)}, adjusted R² = ${formatBounded(result.adjRSquared)}, ` +
    `F(${formatDf(result.dfModel)}, ${formatDf(result.dfResid)}) = ${formatNumber(result.f)}, ${formatP(result.fPValue)}.`;
  const level = formatNumber(result.confLevel * 100, 0);
  const coefficients: ResultTable = {
    title: 'Coefficients',
    columns: tableColumns([['term', 'Term'], ['estimate', 'Estimate'], ['stdError', 'SE'], ['statistic', 't'], P_COLUMN, ...ciColumns(`${level}%`)]),
    rows: result.coefficients.map((c) => ({ ...c })),
    note: `t tests with ${formatDf(result.dfResid)} residual degrees of freedom.`,
  };
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
  for (const check of checks) {
    if (check.ok) continue;
    if (check.check === 'shapiro_wilk') recommendations.push(...recommendForNormality([check], 'regression'));
    if (check.check === 'breusch_pagan') {
      recommendations.push(
        'Consider heteroskedasticity-consistent (HC3) standard errors or a transformation of the outcome, because the residual variance is not constant.',
      );
    }
  }
  return { summary, tables: [coefficients, model], recommendations };
}

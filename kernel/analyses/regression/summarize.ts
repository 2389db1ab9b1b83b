/** The APA sentence and tables of `ols`. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatDf, formatNumber, formatP } from '../common/format.js';
import { recommendForNormality } from '../checks/normality-policy.js';
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
    columns: [
      { key: 'term', label: 'Term' },
      { key: 'estimate', label: 'Estimate' },
      { key: 'stdError', label: 'SE' },
      { key: 'statistic', label: 't' },
      { key: 'pValue', label: 'p' },
      { key: 'ciLow', label: `${level}% CI lower` },
      { key: 'ciHigh', label: `${level}% CI upper` },
    ],
    rows: result.coefficients.map((c) => ({ ...c })),
    note: `t tests with ${formatDf(result.dfResid)} residual degrees of freedom.`,
  };
  const model: ResultTable = {
    title: 'Model fit',
    columns: [
      { key: 'rSquared', label: 'R²' },
      { key: 'adjRSquared', label: 'Adjusted R²' },
      { key: 'f', label: 'F' },
      { key: 'dfModel', label: 'df model' },
      { key: 'dfResid', label: 'df residual' },
      { key: 'fPValue', label: 'p' },
      { key: 'residualSd', label: 'Residual SD' },
      { key: 'n', label: 'N' },
    ],
    rows: [
      {
        rSquared: result.rSquared,
        adjRSquared: result.adjRSquared,
        f: result.f,
        dfModel: result.dfModel,
        dfResid: result.dfResid,
        fPValue: result.fPValue,
        residualSd: result.residualSd,
        n: result.n,
      },
    ],
    ...(result.intercept ? {} : { note: 'No intercept: R² and F compare the model with y = 0, as R does.' }),
  };
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

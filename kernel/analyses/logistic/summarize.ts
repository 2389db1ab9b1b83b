/** The APA sentence, tables, warnings and checks of `logistic`. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatDf, formatNumber, formatP, formatVariableLabel } from '../common/format.js';
import { ciColumns, P_COLUMN, singleRowTable, tableColumns } from '../common/table.js';
import type { Summary } from '../types.js';
import type { LogisticCoefficient, LogisticResult } from './compute.js';
import { factorSources, type LogisticInput } from './validate.js';

/** Events per predictor below this are "few" (Peduzzi et al. 1996). */
export const MIN_EVENTS_PER_PREDICTOR = 10;

/**
 * An odds ratio for prose: two decimals in the usual range, two significant digits for small ones
 * (0.00032, not 0.00), scientific notation beyond.
 */
export function formatOddsRatio(x: number): string {
  if (!Number.isFinite(x) || (x >= 0.1 && x < 1e5)) return formatNumber(x, 2);
  if (x >= 1e-5 && x < 0.1) return String(Number(x.toPrecision(2)));
  return x.toExponential(1);
}

/**
 * An odds ratio with its interval: in the usual range, enough decimals (two to five) for the bounds
 * to differ, so a per-unit odds ratio close to 1 (1.0066 per gram) does not read "1.01 [1.01, 1.01]".
 */
export function formatOddsRatios(values: readonly [number, number, number]): [string, string, string] {
  const plain = values.every((x) => Number.isFinite(x) && x >= 0.1 && x < 1e5);
  if (!plain) return [formatOddsRatio(values[0]), formatOddsRatio(values[1]), formatOddsRatio(values[2])];
  let digits = 2;
  while (digits < 5 && formatNumber(values[1], digits) === formatNumber(values[2], digits)) digits++;
  return [formatNumber(values[0], digits), formatNumber(values[1], digits), formatNumber(values[2], digits)];
}

/** "wt, hp and education" */
function listWords(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
}

/** The predictor the sentence reports: the first numeric one, else the first dummy. */
export function focusCoefficient(result: LogisticResult, input: LogisticInput): LogisticCoefficient | undefined {
  const factors = factorSources(input);
  const numeric = input.terms.find((t, j) => !factors.has(input.sources[j]) && !t.includes('^'));
  const term = numeric ?? input.terms[0];
  return result.coefficients.find((c) => c.term === term);
}

/** Events per predictor: the less frequent outcome's count over the number of coefficients besides the intercept. */
export function eventsPerPredictor(result: LogisticResult): number {
  const k = result.coefficients.length - (result.intercept ? 1 : 0);
  return k > 0 ? Math.min(result.events, result.nonEvents) / k : Infinity;
}

/** "odds of am = 1": what the odds are of. */
function oddsOf(input: LogisticInput): string {
  return `odds of ${formatVariableLabel(input.outcome)} = ${input.successLevel}`;
}

/** "each additional unit of wt is associated with lower odds of am = 1 (OR = 0.00032, 95% CI [...]), z = -2.10, p = .036". */
function describeFocus(result: LogisticResult, input: LogisticInput): string {
  const c = focusCoefficient(result, input);
  if (!c) return '';
  const j = input.terms.indexOf(c.term);
  const source = input.sources[j];
  const reference = input.references.find((r) => r.column === source);
  const label = formatVariableLabel(source);
  // Without an intercept a factor's dummies are each level's log-odds, not comparisons: no odds ratio to report.
  if (!reference && factorSources(input).has(source)) return '';
  if (result.separatedTerms.includes(c.term)) {
    return `; ${reference ? `${label} = ${c.term.slice(source.length)}` : label} separates the outcome, so its odds ratio cannot be estimated (see the warning)`;
  }
  const direction = c.oddsRatio >= 1 ? 'higher' : 'lower';
  const what = reference
    ? `${label} = ${c.term.slice(source.length)} (against ${reference.level}) is associated with ${direction} ${oddsOf(input)}`
    : `each additional unit of ${label} is associated with ${direction} ${oddsOf(input)}`;
  const [or, low, high] = formatOddsRatios([c.oddsRatio, c.orCiLow, c.orCiHigh]);
  return `; ${what} (OR = ${or}, ${formatNumber(result.confLevel * 100, 0)}% CI [${low}, ${high}]), z = ${formatNumber(c.statistic)}, ${formatP(c.pValue)}`;
}

/** "; education as a whole: χ²(2) = 0.20, p = .903": the likelihood-ratio test of each factor. */
function describeFactorTests(result: LogisticResult, input: LogisticInput): string {
  const factors = factorSources(input);
  return result.termTests
    .filter((t) => factors.has(t.term) && t.df > 1)
    .map((t) => `; ${formatVariableLabel(t.term)} as a whole: χ²(${formatDf(t.df)}) = ${formatNumber(t.statistic)}, ${formatP(t.pValue)}`)
    .join('');
}

/** The warnings a statistician expects: separation, non-convergence, few events per predictor. */
export function logisticWarnings(result: LogisticResult, input: LogisticInput): string[] {
  const warnings: string[] = [];
  const outcome = `${input.outcome} = ${input.successLevel}`;
  if (result.separation) {
    const names = result.separatedTerms.length ? listWords(result.separatedTerms) : 'a combination of the predictors';
    const extreme = result.extremeFits > 0 ? ` ${result.extremeFits} of ${result.n} fitted probabilities are numerically 0 or 1.` : '';
    warnings.push(
      `Separation: ${names} ${result.separatedTerms.length > 1 ? 'split' : 'splits'} ${outcome} from ${input.outcome} = ${input.otherLevel} ${result.separationComplete ? 'perfectly (complete separation)' : 'almost perfectly (quasi-complete separation)'}, ` +
        `so the maximum-likelihood estimate${result.separatedTerms.length > 1 ? 's do' : ' does'} not exist and the iteration only makes ${result.separatedTerms.length > 1 ? 'them' : 'it'} larger.${extreme} ` +
        (result.separationComplete
          ? 'With complete separation the likelihood has no maximum: none of the coefficients, standard errors, z tests and odds ratios of this model is meaningful; do not report them. '
          : `The coefficients, standard errors, z tests and odds ratios of ${names} are not meaningful; do not report them. `) +
        'Consider penalized (Firth) logistic regression (R: logistf) or exact logistic regression, or merge sparse categories.',
    );
  }
  if (!result.converged) {
    warnings.push(`The fit did not converge in ${result.iterations} iterations (the deviance was still changing), so the estimates may not be the maximum-likelihood ones.`);
  }
  const epv = eventsPerPredictor(result);
  if (epv < MIN_EVENTS_PER_PREDICTOR) {
    const rare = result.events <= result.nonEvents ? outcome : `${input.outcome} = ${input.otherLevel}`;
    warnings.push(
      `Few events per predictor: ${Math.min(result.events, result.nonEvents)} observations of the less frequent outcome (${rare}) for ` +
        `${result.coefficients.length - (result.intercept ? 1 : 0)} coefficients (${formatNumber(epv, 1)} per coefficient; at least ${MIN_EVENTS_PER_PREDICTOR} is the usual rule). ` +
        'The estimates may be biased away from zero and the Wald intervals too narrow.',
    );
  }
  return warnings;
}

/** The checks of the fit, as rows of the assumptions table. */
export function checkLogistic(result: LogisticResult, input: LogisticInput): AssumptionCheck[] {
  const epv = eventsPerPredictor(result);
  return [
    {
      check: 'separation',
      target: result.separatedTerms.length ? result.separatedTerms.join(', ') : 'predictors',
      statistic: result.extremeFits,
      pValue: null,
      ok: !result.separation,
      ...(result.separation ? { note: `${result.separatedTerms.length ? result.separatedTerms.join(', ') : 'A combination of the predictors'} separates ${input.outcome} = ${input.successLevel}; the estimates do not exist.` } : {}),
    },
    {
      check: 'convergence',
      target: 'IRLS',
      statistic: result.iterations,
      pValue: null,
      ok: result.converged,
      ...(result.converged ? {} : { note: `No convergence in ${result.iterations} iterations.` }),
    },
    {
      check: 'events_per_predictor',
      target: `${input.outcome}`,
      statistic: Number.isFinite(epv) ? epv : null,
      pValue: null,
      ok: epv >= MIN_EVENTS_PER_PREDICTOR,
      ...(epv < MIN_EVENTS_PER_PREDICTOR ? { note: `${formatNumber(epv, 1)} events per coefficient (fewer than ${MIN_EVENTS_PER_PREDICTOR}).` } : {}),
    },
  ];
}

/** "A logistic regression of am on wt and hp (success: am = 1; N = 32): the model fits better than the intercept alone, χ²(2) = 31.08, ..." */
export function summarizeLogistic(result: LogisticResult, input: LogisticInput): Summary {
  const references = result.referenceLevels;
  const referenceText = references.length
    ? `; reference level${references.length > 1 ? 's' : ''}: ${references.map((r) => `${r.level} for ${formatVariableLabel(r.column)}`).join(', ')}`
    : '';
  const better = result.lrPValue < 1 - result.confLevel ? 'fits better than' : 'does not fit clearly better than';
  const modelTest = Number.isFinite(result.lrPValue)
    ? `the model ${better} the ${result.intercept ? 'intercept alone' : 'model with probability 1/2 for every observation'}, χ²(${formatDf(result.lrDf)}) = ${formatNumber(result.lrStatistic)}, ${formatP(result.lrPValue)}, `
    : '';
  const summary =
    `A logistic regression of ${formatVariableLabel(input.outcome)} on ${listWords(input.predictors.map(formatVariableLabel))} ` +
    `(success: ${formatVariableLabel(input.outcome)} = ${input.successLevel}; N = ${result.n}${referenceText}${result.intercept ? '' : '; no intercept'}): ` +
    `${modelTest}McFadden R² = ${formatBounded(result.pseudoR2Mcfadden)}` +
    `${describeFocus(result, input)}${describeFactorTests(result, input)}.`;
  const level = `${formatNumber(result.confLevel * 100, 0)}%`;
  const coefficients: ResultTable = {
    title: `Coefficients (log-odds of ${input.outcome} = ${input.successLevel})`,
    columns: tableColumns([
      ['term', 'Term'], ['estimate', 'Estimate (log-odds)'], ['stdError', 'SE'], ['statistic', 'z'], P_COLUMN, ...ciColumns(level),
      ['oddsRatio', 'Odds ratio'], ['orCiLow', `OR ${level} CI lower`], ['orCiHigh', `OR ${level} CI upper`],
    ]),
    rows: result.coefficients.map((c) => ({ ...c })),
    note:
      `Wald z tests and intervals (as R's summary(glm) and confint.default); odds ratio = exp(estimate). Success: ${input.outcome} = ${input.successLevel}, modelled as 1 (${input.outcome} = ${input.otherLevel} as 0).` +
      (references.length ? ` Factors are treatment-coded: each dummy compares its level with the reference level (${references.map((r) => `${r.column}: ${r.level}`).join('; ')}).` : '') +
      (result.separation ? ` Separation: the rows of ${result.separatedTerms.length ? listWords(result.separatedTerms) : 'the separating predictors'} are not estimates.` : ''),
  };
  const model = singleRowTable(
    'Model fit',
    [
      ['nullDeviance', 'Null deviance'], ['dfNull', 'df null'], ['residualDeviance', 'Residual deviance'], ['dfResid', 'df residual'],
      ['lrStatistic', 'LR χ²'], ['lrDf', 'LR df'], ['lrPValue', 'p'], ['pseudoR2Mcfadden', 'McFadden R²'],
      ['aic', 'AIC'], ['bic', 'BIC'], ['logLik', 'Log-likelihood'], ['n', 'N'], ['events', `Events (${input.outcome} = ${input.successLevel})`],
    ],
    result,
    { note: `Likelihood-ratio test of the model against the ${result.intercept ? 'intercept-only model' : 'model with probability 1/2'}; fitted by IRLS in ${result.iterations} iterations.` },
  );
  const termTable: ResultTable | undefined = result.termTests.length
    ? {
        title: 'Likelihood-ratio tests of the terms',
        columns: tableColumns([['term', 'Term'], ['df', 'df'], ['statistic', 'LR χ²'], P_COLUMN]),
        rows: result.termTests.map((t) => ({ ...t })),
        note: "Each term dropped from the model in turn (as R's drop1(fit, test = \"Chisq\")); a factor is tested once for all its levels.",
      }
    : undefined;
  const recommendations: string[] = [];
  if (result.separation) recommendations.push('Consider penalized (Firth) logistic regression because the data are separated and the maximum-likelihood estimates do not exist.');
  if (eventsPerPredictor(result) < MIN_EVENTS_PER_PREDICTOR && !result.separation) {
    recommendations.push('Consider fewer predictors or penalized (Firth) logistic regression because there are fewer than 10 events per coefficient.');
  }
  return { summary, tables: [coefficients, ...(termTable ? [termTable] : []), model], warnings: logisticWarnings(result, input), recommendations };
}

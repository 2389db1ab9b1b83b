/** Checks, tables and the APA sentence of the one-way repeated-measures ANOVA (anova_rm). */
import type { AnalysisOptions, AssumptionCheck, ResultTable } from '../../types.js';
import { judgeNormality } from '../checks/normality-policy.js';
import { formatBounded, formatBoundedCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL } from '../common/format.js';
import { P_COLUMN, tableColumns, tableRow, type ColumnSpec } from '../common/table.js';
import { buildAlternativeWarnings } from '../anova/summarize.js';
import type { Summary } from '../types.js';
import { computeRmResiduals, GIRDEN_EPSILON, SPHERICITY_ALPHA, type AnovaRmResult } from './anova-rm.js';
import type { BlockInput } from './blocks.js';

/** The rule that picks the reported p, in words (sentence notes, warnings, table notes). */
export const SPHERICITY_RULE = `Rule: the degrees of freedom are corrected when Mauchly's test rejects sphericity at p < ${formatBounded(SPHERICITY_ALPHA)}, by Greenhouse-Geisser's ε when it is at most ${formatBounded(GIRDEN_EPSILON)} and by Huynh-Feldt's ε (capped at 1) when it is above (Girden, 1992); otherwise the uncorrected F test is reported`;

/** Mauchly's W for a sentence: "W = .42", or "W < .01" when it rounds to zero. */
function formatW(w: number): string {
  return w < 0.005 ? 'W < .01' : `W = ${formatBounded(w)}`;
}

const CORRECTION_NAME = { greenhouse_geisser: 'Greenhouse-Geisser', huynh_feldt: 'Huynh-Feldt' } as const;

/** Mauchly's test of sphericity and the judged normality of the residuals. */
export function checkAnovaRm(input: BlockInput, result: AnovaRmResult): AssumptionCheck[] {
  const target = `${input.outcome} across ${input.within}`;
  const checks: AssumptionCheck[] = [];
  if (result.k <= 2) {
    checks.push({ check: 'mauchly', target, statistic: 1, pValue: 1, ok: true, note: 'With two conditions there is one difference per subject, so sphericity holds trivially (W = 1, both epsilons 1).' });
  } else if (Number.isNaN(result.mauchlyW)) {
    checks.push({
      check: 'mauchly', target, statistic: null, pValue: null, ok: false,
      note: `Mauchly's test needs more subjects than conditions less one (here ${result.nSubjects} subjects, ${result.k} conditions), so sphericity could not be tested; the Greenhouse-Geisser correction is applied.`,
    });
  } else {
    const ok = result.mauchlyPValue >= SPHERICITY_ALPHA;
    checks.push({
      check: 'mauchly', target, statistic: result.mauchlyW, pValue: result.mauchlyPValue, ok,
      ...(ok ? {} : { note: `Mauchly's test rejects sphericity (${formatW(result.mauchlyW)}, ${formatP(result.mauchlyPValue)}): the variances of the differences between conditions are unequal, so the uncorrected F test is too liberal.` }),
    });
  }
  checks.push(...judgeNormality([{ target: 'residuals (subject and condition effects removed)', values: computeRmResiduals(input), nForRobustness: result.nSubjects }], 'F'));
  return checks;
}

/** "F(1.43, 15.72) = 57.68, p < .001". */
function formatF(df1: number, df2: number, f: number, p: number): string {
  return `F(${formatDf(df1)}, ${formatDf(df2)}) = ${formatNumber(f)}, ${formatP(p)}`;
}

/** What the sentence says about sphericity. */
function sphericityClause(r: AnovaRmResult): string {
  if (r.k <= 2) return 'with two conditions sphericity holds trivially (Mauchly\'s W = 1, ε = 1), so no correction applies';
  if (Number.isNaN(r.mauchlyW)) return `sphericity could not be tested (too few subjects for Mauchly's test), so the degrees of freedom are corrected by Greenhouse-Geisser's ε = ${formatBounded(r.ggEpsilon)}`;
  const w = `Mauchly's ${formatW(r.mauchlyW)}, ${formatP(r.mauchlyPValue)}`;
  if (r.correction === 'none') return `sphericity was not rejected (${w}), so the degrees of freedom are not corrected`;
  const epsilon = r.correction === 'greenhouse_geisser' ? r.ggEpsilon : Math.min(1, r.hfEpsilon);
  const why = r.correction === 'greenhouse_geisser' ? `≤ ${formatBounded(GIRDEN_EPSILON)}` : `Greenhouse-Geisser's ε = ${formatBounded(r.ggEpsilon)} > ${formatBounded(GIRDEN_EPSILON)}`;
  return `sphericity was rejected (${w}), so the degrees of freedom are corrected by ${CORRECTION_NAME[r.correction]}'s ε = ${formatBounded(epsilon)} (${why})`;
}

/** The sentence, the ANOVA table with every p, the sphericity table, effect sizes and the descriptives. */
export function summarizeAnovaRm(r: AnovaRmResult, input: BlockInput, checks: AssumptionCheck[], options: AnalysisOptions): Summary {
  const pct = `${formatNumber(r.confLevel * 100, 0)}%`;
  const effects = `${SYMBOL.etaSquared}_G = ${formatBounded(r.etaSquaredGeneralized)}, partial ${SYMBOL.etaSquared} = ${formatBounded(r.etaSquaredPartial)}${
    Number.isFinite(r.etaSquaredPartialCiLow) && Number.isFinite(r.etaSquaredPartialCiHigh) ? `, ${formatBoundedCi(r.confLevel, r.etaSquaredPartialCiLow, r.etaSquaredPartialCiHigh)}` : ''
  }`;
  const summary =
    `A one-way repeated-measures ANOVA compared ${formatVariableLabel(input.outcome)} across the ${r.k} conditions of ${formatVariableLabel(input.within)} within ${r.nSubjects} subjects (${input.subject}): ` +
    `${formatF(r.df1Reported, r.df2Reported, r.f, r.pValueReported)}, ${effects}; ${sphericityClause(r)}.`;
  const anovaTable: ResultTable = {
    title: `Repeated-measures ANOVA of ${input.outcome} by ${input.within} (within ${input.subject})`,
    columns: tableColumns([['source', 'Source'], ['df', 'df'], ['ss', 'Sum of squares'], ['ms', 'Mean square'], ['f', 'F'], P_COLUMN, ['pValueGg', 'p (Greenhouse-Geisser)'], ['pValueHf', 'p (Huynh-Feldt)']]),
    rows: [
      { source: input.within, df: r.df1, ss: r.ssEffect, ms: r.msEffect, f: r.f, pValue: r.pValue, pValueGg: r.pValueGg, pValueHf: r.pValueHf },
      { source: `Residuals (${input.within} × ${input.subject})`, df: r.df2, ss: r.ssError, ms: r.msError, f: null, pValue: null, pValueGg: null, pValueHf: null },
      { source: `Subjects (${input.subject})`, df: r.nSubjects - 1, ss: r.ssSubjects, ms: r.ssSubjects / (r.nSubjects - 1), f: null, pValue: null, pValueGg: null, pValueHf: null },
    ],
    note: `As R aov(y ~ w + Error(s / w)); the corrected p-values use df × ε. The sentence reports ${r.correction === 'none' ? 'the uncorrected F test' : `the ${CORRECTION_NAME[r.correction]}-corrected test`}. ${SPHERICITY_RULE}.`,
  };
  const sphericitySpecs: ColumnSpec[] = [['mauchlyW', "Mauchly's W"], ['mauchlyPValue', 'p'], ['ggEpsilon', 'Greenhouse-Geisser ε'], ['hfEpsilon', 'Huynh-Feldt ε'], ['correction', 'Correction reported']];
  const sphericityTable: ResultTable = {
    title: 'Sphericity',
    columns: tableColumns(sphericitySpecs),
    rows: [
      tableRow(sphericitySpecs, r, {
        mauchlyW: Number.isNaN(r.mauchlyW) ? 'not available (too few subjects)' : r.mauchlyW,
        mauchlyPValue: Number.isNaN(r.mauchlyPValue) ? 'not available' : r.mauchlyPValue,
        hfEpsilon: Number.isNaN(r.hfEpsilon) ? 'not available' : r.hfEpsilon,
        correction: r.correction === 'none' ? 'none' : CORRECTION_NAME[r.correction],
      }),
    ],
    note:
      r.k <= 2
        ? 'With two conditions sphericity holds trivially: W = 1 and both epsilons are 1.'
        : "As R mauchly.test and anova.mlm(test = \"Spherical\") on the subjects-by-conditions matrix. Huynh-Feldt's ε is Lecoutre's corrected estimate and may exceed 1, as R reports it; its corrected p uses min(1, ε).",
  };
  const effectSpecs: ColumnSpec[] = [
    ['etaSquaredGeneralized', `Generalised ${SYMBOL.etaSquared}`],
    ['etaSquaredPartial', `Partial ${SYMBOL.etaSquared}`],
    ['etaSquaredPartialCiLow', `${SYMBOL.etaSquared} (partial) ${pct} CI lower`],
    ['etaSquaredPartialCiHigh', `${SYMBOL.etaSquared} (partial) ${pct} CI upper`],
  ];
  const effectTable: ResultTable = {
    title: 'Effect sizes',
    columns: tableColumns(effectSpecs),
    rows: [tableRow(effectSpecs, r)],
    note: `Generalised ${SYMBOL.etaSquared} = SS_effect / (SS_effect + SS_subjects + SS_error) (Olejnik & Algina 2003), comparable with between-subjects designs; partial ${SYMBOL.etaSquared} = SS_effect / (SS_effect + SS_error), its interval from the noncentral F on (df1, df2), as R's effectsize (ncp method).`,
  };
  const descriptiveSpecs: ColumnSpec[] = [['level', input.within], ['n', 'n'], ['mean', 'Mean'], ['sd', 'SD']];
  const descriptives: ResultTable = {
    title: 'Descriptives (complete subjects)',
    columns: tableColumns(descriptiveSpecs),
    rows: r.conditions.map((c) => tableRow(descriptiveSpecs, c)),
  };
  const warnings = [...buildAlternativeWarnings(options, 'the repeated-measures F test')];
  if (r.correction !== 'none') {
    warnings.push(
      r.k > 2 && Number.isNaN(r.mauchlyW)
        ? `Sphericity could not be tested (Mauchly's test needs more subjects than conditions less one), so the sentence reports the Greenhouse-Geisser-corrected F test (ε = ${formatBounded(r.ggEpsilon)}).`
        : `Sphericity is violated (Mauchly's ${formatW(r.mauchlyW)}, ${formatP(r.mauchlyPValue)}), so the sentence reports the ${CORRECTION_NAME[r.correction]}-corrected F test. ${SPHERICITY_RULE}.`,
    );
  }
  const recommendations: string[] = [];
  if (checks.some((c) => c.check === 'shapiro_wilk' && !c.ok)) {
    recommendations.push(`Consider friedman (Friedman's rank test of ${input.outcome} across ${input.within} within ${input.subject}), because the residuals depart from normality more than the F test tolerates at this number of subjects; it compares ranks within each subject rather than means.`);
  }
  return { summary, tables: [anovaTable, sphericityTable, effectTable, descriptives], warnings, recommendations };
}

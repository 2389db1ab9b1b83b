/** Result tables and APA sentences of the check analyses. */
import type { AssumptionCheck, ResultTable } from '../../types.js';
import { formatBounded, formatNumber, formatP } from '../common/format.js';
import { P_COLUMN, tableColumns } from '../common/table.js';
import type { Summary } from '../types.js';
import type { BartlettResult, LeveneResult, ShapiroWilkResult } from './compute.js';
import type { NormalityInput, VarianceInput } from './validate.js';

/** Shapiro-Wilk: "W = .953, p = .089" (per group when grouped). */
export function summarizeShapiroWilk(result: ShapiroWilkResult, input: NormalityInput): Summary {
  const columns = [
    ...(input.group ? [{ key: 'group', label: input.group }] : []),
    { key: 'n', label: 'n' },
    { key: 'statistic', label: 'W' },
    { key: 'pValue', label: 'p' },
  ];
  const table: ResultTable = {
    title: `Shapiro-Wilk normality test of ${input.column}`,
    columns,
    rows: result.groups
      ? result.groups.map((g) => ({ group: g.group, n: g.n, statistic: g.statistic ?? (g.note as string), pValue: g.pValue }))
      : [{ n: result.n, statistic: result.statistic, pValue: result.pValue }],
    note: "Royston's (1995) algorithm AS R94, as R's shapiro.test.",
  };
  const sentence = (w: number, p: number): string => `W = ${formatBounded(w, 3)}, ${formatP(p)}`;
  let summary: string;
  const warnings: string[] = [];
  if (result.groups) {
    const parts = result.groups.map((g) => (g.statistic === null || g.pValue === null ? `${g.group}: not tested` : `${g.group}: ${sentence(g.statistic, g.pValue)}`));
    summary = `Shapiro-Wilk tests of ${input.column} by ${input.group}: ${parts.join('; ')}.`;
    for (const g of result.groups) if (g.note) warnings.push(`Group ${g.group}: ${g.note}`);
  } else {
    summary = `Shapiro-Wilk test of ${input.column}: ${sentence(result.statistic as number, result.pValue as number)}, n = ${result.n}.`;
  }
  return { summary, tables: [table], warnings };
}

/** Levene: "F(2, 27) = 1.12, p = .341". */
export function summarizeLevene(result: LeveneResult, input: VarianceInput): Summary {
  return {
    summary: `Levene's test (${result.center}-centred) of ${input.outcome} across ${input.group}: F(${result.df1}, ${result.df2}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}.`,
    tables: [
      {
        title: `Levene's test of equal variances of ${input.outcome} by ${input.group}`,
        columns: tableColumns([['statistic', 'F'], ['df1', 'df1'], ['df2', 'df2'], P_COLUMN, ['center', 'Centre']]),
        rows: [{ ...result }],
        note:
          result.center === 'median'
            ? 'Absolute deviations from group medians (Brown-Forsythe), as R car::leveneTest default.'
            : "Absolute deviations from group means (Levene's original).",
      },
    ],
  };
}

/** Bartlett: "K2(2) = 2.88, p = .237"; recommends Levene when the groups look non-normal. */
export function summarizeBartlett(result: BartlettResult, input: VarianceInput, checks: AssumptionCheck[]): Summary {
  const nonNormal = checks.filter((c) => !c.ok);
  return {
    summary: `Bartlett's test of ${input.outcome} across ${input.group}: K2(${result.df}) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}.`,
    tables: [
      {
        title: `Bartlett's test of equal variances of ${input.outcome} by ${input.group}`,
        columns: tableColumns([['statistic', "Bartlett's K2"], ['df', 'df'], P_COLUMN]),
        rows: [{ ...result }],
      },
    ],
    recommendations:
      nonNormal.length > 0
        ? [`Consider levene because ${nonNormal.map((c) => c.target).join(', ')} ${nonNormal.length === 1 ? 'looks' : 'look'} non-normal, and Bartlett's test is sensitive to non-normality.`]
        : [],
  };
}

/** Result tables and the APA sentence of mantel_haenszel. */
import type { AnalysisOptions } from '../../types.js';
import { formatCi, formatNumber, formatP } from '../common/format.js';
import type { Summary } from '../types.js';
import type { MantelHaenszelResult, StratifiedTable } from './mantel-haenszel.js';

/** "χ²_MH(1) = 4.21, p = .040; common OR = 2.10, 95% CI [1.05, 4.20]" with each stratum's table. */
export function summarizeMantelHaenszel(result: MantelHaenszelResult, input: StratifiedTable, options: AnalysisOptions): Summary {
  const [r1, r2] = input.rowLevels;
  const [c1, c2] = input.colLevels;
  const sparse = input.strataLevels.filter((_, k) => input.cells[k].flat().some((v) => v === 0));
  const warnings: string[] = [];
  if (sparse.length > 0) {
    warnings.push(`${sparse.length} of ${input.strataLevels.length} strata (${sparse.slice(0, 5).join(', ')}${sparse.length > 5 ? ', ...' : ''}) have an empty cell; the common odds ratio still pools them, but those strata's own odds ratios are 0 or infinite.`);
  }
  const finite = result.strataOddsRatios.filter((v) => Number.isFinite(v) && v > 0);
  if (finite.length >= 2 && Math.max(...finite) / Math.min(...finite) > 4) {
    warnings.push('The strata odds ratios differ by more than a factor of 4; a single common odds ratio may hide a stratum-specific effect (check homogeneity, e.g. with the Breslow-Day test).');
  }
  return {
    summary:
      `A Cochran-Mantel-Haenszel test of ${input.row} by ${input.col}, controlling for ${input.strata} (${input.strataLevels.length} strata, N = ${input.cells.flat(2).reduce((s, v) => s + v, 0)}): ` +
      `χ²_MH(1) = ${formatNumber(result.statistic)}, ${formatP(result.pValue)}; common odds ratio = ${formatNumber(result.commonOddsRatio)}, ${formatCi(options.confLevel, result.ciLow, result.ciHigh)}.`,
    tables: [
      {
        title: `Mantel-Haenszel test of ${input.row} by ${input.col}, stratified by ${input.strata}`,
        columns: [
          { key: 'statistic', label: 'χ²_MH' },
          { key: 'df', label: 'df' },
          { key: 'p_value', label: 'p' },
          { key: 'common_odds_ratio', label: 'Common OR' },
          { key: 'ci_low', label: 'CI low' },
          { key: 'ci_high', label: 'CI high' },
        ],
        rows: [{ statistic: result.statistic, df: result.df, p_value: result.pValue, common_odds_ratio: result.commonOddsRatio, ci_low: result.ciLow, ci_high: result.ciHigh }],
        note: `Odds of ${input.col} = ${c1} for ${input.row} = ${r1} relative to ${r2}. ${result.correction ? 'With' : 'Without'} continuity correction; ${formatNumber(options.confLevel * 100, 0)}% interval from the Robins-Breslow-Greenland variance, as R mantelhaen.test.`,
      },
      {
        title: `Counts by ${input.strata}`,
        columns: [
          { key: 'stratum', label: input.strata },
          { key: 'a', label: `${r1} / ${c1}` },
          { key: 'b', label: `${r1} / ${c2}` },
          { key: 'c', label: `${r2} / ${c1}` },
          { key: 'd', label: `${r2} / ${c2}` },
          { key: 'odds_ratio', label: 'Odds ratio' },
        ],
        rows: input.strataLevels.map((s, k) => {
          const [[a, b], [c, d]] = input.cells[k];
          const or = result.strataOddsRatios[k];
          return { stratum: s, a, b, c, d, odds_ratio: Number.isFinite(or) ? or : Number.isNaN(or) ? 'undefined' : '∞' };
        }),
      },
    ],
    warnings,
  };
}

/** Recommendations the comparison analyses add when an assumption check fails (never acted on). */
import type { AssumptionCheck } from '../../types.js';
import { formatNumber, formatP } from '../common/format.js';

/** The alternative analysis to suggest for each kind of failed check. */
export interface Alternatives {
  /** When Shapiro-Wilk fails, e.g. `mann_whitney`. */
  normality?: string;
  /** When Levene fails, e.g. `ttest_welch`. */
  variance?: string;
}

/** "Normality is doubtful for X (Shapiro-Wilk W = 0.93, p = .020): consider Y." for each failed check. */
export function buildRecommendations(checks: readonly AssumptionCheck[], alternatives: Alternatives): string[] {
  const out: string[] = [];
  for (const c of checks) {
    if (c.ok || c.statistic === null || c.pValue === null) continue;
    if (c.check === 'shapiro_wilk' && alternatives.normality) {
      out.push(
        `Normality is doubtful for ${c.target} (Shapiro-Wilk W = ${formatNumber(c.statistic, 3)}, ${formatP(c.pValue)}): consider ${alternatives.normality}.`,
      );
    } else if (c.check === 'levene' && alternatives.variance) {
      out.push(
        `Variances look unequal across ${c.target} (Levene F = ${formatNumber(c.statistic, 2)}, ${formatP(c.pValue)}): consider ${alternatives.variance}.`,
      );
    }
  }
  return out;
}

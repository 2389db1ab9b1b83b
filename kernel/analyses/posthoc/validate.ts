/** Validation of post-hoc requests. */
import type { AnalysisRequest, Table } from '../../types.js';
import { validatePooledGroups, validateSeparateVariances } from '../anova/validate.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import type { Validated } from '../types.js';

/** Tukey HSD: the studentized range needs at least 2 residual degrees of freedom. */
export function validateTukeyHsd(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  return validatePooledGroups(request, table, 'tukey_hsd', 2);
}

/** Games-Howell: at least 3 values per group (so every Welch df is at least 2), none constant. */
export function validateGamesHowell(request: AnalysisRequest, table: Table): Validated<KGroupInput> {
  return validateSeparateVariances(request, table, 'games_howell', 3);
}

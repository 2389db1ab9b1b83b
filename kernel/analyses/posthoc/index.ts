/** Post-hoc pairwise comparisons: Tukey HSD and Games-Howell. */
import { checkAnova } from '../anova/check.js';
import type { KGroupInput } from '../rank-tests/compute.js';
import { twoGroupColumns } from '../ttest/index.js';
import type { Analysis } from '../types.js';
import { computeGamesHowell, computeTukeyHsd, type GamesHowellResult, type TukeyResult } from './compute.js';
import { summarizeGamesHowell, summarizeTukeyHsd } from './summarize.js';
import { validateGamesHowell, validateTukeyHsd } from './validate.js';

const tukey: Analysis<KGroupInput, TukeyResult> = {
  id: 'tukey_hsd',
  columnsFor: twoGroupColumns,
  validate: validateTukeyHsd,
  compute: (input, options) => computeTukeyHsd(input, options.confLevel),
  check: (input, _result, options) => checkAnova(input, options, true),
  variant: (input) => {
    const n = input.samples[0].length;
    return input.samples.every((s) => s.length === n) ? 'Tukey HSD' : 'Tukey HSD (Tukey-Kramer, unequal n)';
  },
  summarize: (result, input, checks, options) => summarizeTukeyHsd(result, input, checks, options),
};

const gamesHowell: Analysis<KGroupInput, GamesHowellResult> = {
  id: 'games_howell',
  columnsFor: twoGroupColumns,
  validate: validateGamesHowell,
  compute: (input, options) => computeGamesHowell(input, options.confLevel),
  check: (input, _result, options) => checkAnova(input, options, false),
  variant: () => 'Games-Howell (unequal variances)',
  summarize: (result, input, checks, options) => summarizeGamesHowell(result, input, checks, options),
};

/** The post-hoc analyses by id. */
export const posthocAnalyses: Record<'tukey_hsd' | 'games_howell', Analysis> = {
  tukey_hsd: tukey,
  games_howell: gamesHowell,
};

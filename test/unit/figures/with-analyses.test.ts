import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import { DEFAULT_OPTIONS, type AnalysisId, type Roles } from '../../../kernel/types.js';
import { assertRenderableSpec } from './spec-check.js';
import { readPenguins } from './read-csv.js';

/** Each analysis run for real on penguins, then drawn: the roles the analyses accept are the ones figures read. */
const cases: { id: AnalysisId; roles: Roles; options?: Partial<typeof DEFAULT_OPTIONS> }[] = [
  { id: 'describe', roles: {} },
  { id: 'describe', roles: { column: 'species' } },
  { id: 'ttest_one_sample', roles: { column: 'flipper_length_mm' }, options: { mu: 200 } },
  { id: 'ttest_welch', roles: { outcome: 'flipper_length_mm', group: 'sex' } },
  { id: 'ttest_paired', roles: { before: 'bill_length_mm', after: 'bill_depth_mm' } },
  { id: 'wilcoxon_signed_rank', roles: { column: 'bill_depth_mm' }, options: { mu: 17 } },
  { id: 'mann_whitney', roles: { outcome: 'body_mass_g', group: 'sex' } },
  { id: 'tukey_hsd', roles: { outcome: 'bill_length_mm', group: 'species' } },
  { id: 'pearson', roles: { x: 'flipper_length_mm', y: 'body_mass_g' } },
  { id: 'ols', roles: { outcome: 'body_mass_g', predictors: ['flipper_length_mm', 'species'] } },
  { id: 'chi2_independence', roles: { row: 'species', col: 'island' } },
  { id: 'shapiro_wilk', roles: { column: 'bill_length_mm', group: 'species' } },
  { id: 'levene', roles: { outcome: 'body_mass_g', group: 'species' } },
];

describe('figures of analyses run for real', function () {
  this.timeout(60_000);
  const penguins = readPenguins();
  for (const c of cases) {
    it(`${c.id} ${JSON.stringify(c.roles)}: the analysis' own summary becomes the subtitle`, async () => {
      const request = { analysis: c.id, roles: c.roles, options: { ...DEFAULT_OPTIONS, ...c.options } };
      const computed = runAnalysis(request, penguins);
      const figures = buildFiguresForAnalysis(request, penguins, computed);
      assert.ok(figures.length > 0);
      for (const figure of figures) await assertRenderableSpec(figure.vegaLite);
      if (c.id !== 'describe') {
        const subtitle = (figures[0].vegaLite.title as { subtitle: string[] }).subtitle.join(' ');
        assert.equal(subtitle, computed.summary.split(/\s+/).join(' '));
      }
    });
  }
});

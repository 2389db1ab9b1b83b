/** A small report input for the report tests: one ok cell with a figure, one error, one ambiguous, markdown. */
import { buildFiguresForAnalysis } from '../../../kernel/figures/index.js';
import type { ReportInput } from '../../../kernel/report/types.js';
import { DEFAULT_OPTIONS, type AnalysisOutcome } from '../../../kernel/types.js';
import { readPenguins } from '../figures/read-csv.js';

/** A Welch t-test outcome on penguins, with its real figure. */
export function createWelchOutcome(): AnalysisOutcome {
  const roles = { outcome: 'flipper_length_mm', group: 'sex' };
  const options = { ...DEFAULT_OPTIONS };
  const computed = {
    analysis: 'ttest_welch' as const,
    variant: 'Welch two-sample t-test',
    roles,
    options,
    n: 333,
    nMissing: 11,
    dropped: [{ reason: 'missing values in flipper_length_mm, sex', count: 11 }],
    result: { statistic: -4.8079191, df: 325.27855, pValue: 2.3327e-6 },
    assumptions: [
      { check: 'shapiro_wilk', target: 'flipper_length_mm | sex=female', statistic: 0.9518343, pValue: 0.0000137, ok: false, note: 'Not normal.' },
      { check: 'levene', target: 'flipper_length_mm by sex', statistic: 0.6197, pValue: 0.4317, ok: true },
    ],
    summary: "Welch's t(325.28) = -4.81, p < .001, d = -0.53, 95% CI [-0.74, -0.31].",
    warnings: ['11 rows with missing values were dropped.'],
    recommendations: ['Consider mann_whitney because flipper_length_mm is not normal in female.'],
    tables: [
      {
        title: 'Welch two-sample t-test',
        columns: [
          { key: 'statistic', label: 't' },
          { key: 'df', label: 'df' },
          { key: 'pValue', label: 'p' },
          { key: 'estimate', label: 'Mean difference' },
          { key: 'ciLow', label: '95% CI low' },
          { key: 'ciHigh', label: '95% CI high' },
        ],
        rows: [{ statistic: -4.807919106, df: 325.2785523, pValue: 2.3327e-6, estimate: -7.142316, ciLow: -10.0647, ciHigh: -4.219933 }],
        note: 'Welch-Satterthwaite degrees of freedom.',
      },
      {
        title: 'Group descriptives',
        columns: [
          { key: 'group', label: 'sex' },
          { key: 'n', label: 'n' },
          { key: 'mean', label: 'Mean' },
        ],
        rows: [
          { group: 'female', n: 165, mean: 197.3636363636 },
          { group: 'male | (M)', n: 168, mean: 204.505952381 },
        ],
      },
    ],
  };
  const figures = buildFiguresForAnalysis({ analysis: 'ttest_welch', roles, options }, readPenguins(), computed);
  return {
    ...computed,
    figures,
    dataset: { sha256: 'ab'.repeat(32), tableHash: 'cd'.repeat(32), rows: 344, rowsUsed: 333, columns: ['flipper_length_mm', 'sex'] },
  };
}

/** The report input of the tests. */
export function createReportInput(): ReportInput {
  return {
    title: 'Penguins <study>',
    notebookPath: 'samples/penguins.inferra',
    generatedAt: '2026-11-22T03:00:00.000Z',
    datasets: [{ name: 'penguins.csv', path: 'samples/penguins.csv', sha256: 'ab'.repeat(32), rows: 344 }],
    environment: { inferra: '0.1.0', node: 'v20.20.2', duckdb: '1.5.6', optional: undefined },
    cells: [
      {
        kind: 'markdown',
        source: '# Flippers\n\nDo *males* have **longer** flippers? See [the data](https://example.org/penguins) and `sex`.\n\n- one\n- two <b>bold</b>\n\n<script>alert(1)</script>',
      },
      {
        kind: 'ask',
        id: 'cell-1',
        source: 'is flipper length different between sexes?',
        status: 'ok',
        decision: {
          analysis: 'ttest_welch',
          source: 'rules',
          ruleId: 'compare-two-groups',
          confidence: 0.92,
          rationale: 'A numeric outcome and a grouping column with 2 levels: Welch t-test.',
          alternatives: [{ analysis: 'mann_whitney', roles: { outcome: 'flipper_length_mm', group: 'sex' }, why: 'rank-based' }],
        },
        outcome: createWelchOutcome(),
        provenance: { resultDigest: 'sha256:1234abcd', datasetSha256: 'ab'.repeat(32), startedAt: '2026-11-22T02:59:00.000Z', durationMs: 41.7 },
      },
      {
        kind: 'ask',
        id: 'cell-2',
        source: 'compare lenght by species',
        status: 'error',
        decision: { analysis: 'anova_oneway', source: 'llm', rationale: 'The LLM picked a one-way ANOVA.', alternatives: [] },
        error: { code: 'column-not-found', message: "No column 'lenght'. Did you mean 'length'?" },
      },
      {
        kind: 'ask',
        id: 'cell-3',
        source: 'relationship between bill length and species',
        status: 'ambiguous',
        decision: {
          rationale: 'Two analyses fit equally well.',
          alternatives: [
            { analysis: 'anova_oneway', roles: { outcome: 'bill_length_mm', group: 'species' }, why: 'compare means across species' },
            { analysis: 'kruskal_wallis', roles: { outcome: 'bill_length_mm', group: 'species' }, why: 'compare distributions by ranks' },
          ],
        },
      },
    ],
  };
}

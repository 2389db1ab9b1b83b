import assert from 'node:assert/strict';
import { formatOutcomeMarkdown, formatOutcomePlain } from '../../../kernel/report/cell-text.js';
import { formatPValue, formatReadable, formatTableValue, isPColumn } from '../../../kernel/report/format.js';
import { createWelchOutcome } from './sample-input.js';

describe('readable numbers', () => {
  it('rounds to about four significant digits without touching integers', () => {
    assert.equal(formatReadable(-4.807919106), '-4.808');
    assert.equal(formatReadable(325.2785523), '325.3');
    assert.equal(formatReadable(0.123456), '0.1235');
    assert.equal(formatReadable(0.5), '0.5');
    assert.equal(formatReadable(165), '165');
    assert.equal(formatReadable(12345.678), '12346');
    assert.equal(formatReadable(0.0000123456), '1.235e-5');
    assert.equal(formatReadable(-0.00001), '-1e-5');
    assert.equal(formatReadable(3.2e12), '3200000000000');
    assert.equal(formatReadable(3.21e12 + 0.5), '3.21e+12');
    assert.equal(formatReadable(-0.00004, 1), '-4e-5');
    assert.equal(formatReadable(NaN), 'NA');
    assert.equal(formatReadable(-Infinity), '-Inf');
  });

  it('writes p-values as APA and recognises p columns by key or label', () => {
    assert.equal(formatPValue(2.3e-6), '< .001');
    assert.equal(formatPValue(0.0614), '.061');
    assert.equal(formatPValue(0.9999), '1.000');
    for (const key of ['p', 'pValue', 'p_value', 'pAdj', 'p_adj', 'fPValue']) assert.ok(isPColumn(key), key);
    assert.ok(isPColumn('x', 'p (adj.)'));
    assert.ok(!isPColumn('predictor', 'Predictor') && !isPColumn('estimate', 'Estimate') && !isPColumn('pooled', 'Pooled'));
    assert.equal(formatTableValue(0.0452, 'pValue', 'p'), '.045');
    assert.equal(formatTableValue(null, 'x'), '—');
    assert.equal(formatTableValue(true, 'x'), 'yes');
  });
});

describe('cell text fallbacks', function () {
  this.timeout(30_000);
  const outcome = createWelchOutcome();

  it('Markdown: variant and roles, APA sentence, tables, checks, warnings, recommendations, sample line', () => {
    const md = formatOutcomeMarkdown(outcome);
    assert.ok(md.startsWith('**Welch two-sample t-test** (outcome = flipper\\_length\\_mm; group = sex)'));
    assert.ok(md.includes("Welch's t(325.28) = -4.81, p \\< .001"));
    assert.ok(md.includes('| t | df | p | Mean difference | 95% CI low | 95% CI high |'));
    assert.ok(md.includes('| ---: | ---: | ---: | ---: | ---: | ---: |'));
    assert.ok(md.includes('| -4.808 | 325.3 | < .001 | -7.142 | -10.06 | -4.22 |'));
    assert.ok(md.includes('| male \\| (M) | 168 | 204.5 |'), 'pipes escaped in cells');
    assert.ok(md.includes('- ✗ shapiro\\_wilk on flipper\\_length\\_mm | sex=female: statistic 0.9518, p \\< .001 (not met). Not normal.'));
    assert.ok(md.includes('- ✓ levene'));
    assert.ok(md.includes('**Warnings**') && md.includes('**Recommendations**'));
    assert.ok(md.trimEnd().endsWith('*n = 333; rows dropped: 11 (11 missing values in flipper\\_length\\_mm, sex)*'));
  });

  it('plain text: aligned tables and the same content without markup', () => {
    const text = formatOutcomePlain(outcome);
    assert.ok(text.startsWith('Welch two-sample t-test (outcome = flipper_length_mm; group = sex)'));
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('     t'));
    assert.ok(header > 0, 'numeric column headers right-aligned');
    assert.ok(lines[header + 2].includes('-4.808') && lines[header + 2].includes('< .001'));
    assert.ok(text.includes('[!!] shapiro_wilk'));
    assert.ok(text.includes('[ok] levene'));
    assert.ok(text.includes('Note. Welch-Satterthwaite degrees of freedom.'));
    assert.ok(text.endsWith('n = 333; rows dropped: 11 (11 missing values in flipper_length_mm, sex)'));
    assert.ok(!text.includes('**'));
  });

  it('never changes the numbers in the outcome itself', () => {
    formatOutcomeMarkdown(outcome);
    assert.equal(outcome.tables[0].rows[0].statistic, -4.807919106);
  });
});

import assert from 'node:assert/strict';
import { formatOutcomeMarkdown, formatOutcomePlain } from '../../../kernel/report/cell-text.js';
import { createWelchOutcome } from './sample-input.js';

describe('cell text fallbacks', function () {
  this.timeout(30_000);
  const outcome = createWelchOutcome();

  it('Markdown: variant and roles, APA sentence, tables, checks, warnings, recommendations, sample line', () => {
    const md = formatOutcomeMarkdown(outcome);
    assert.ok(md.startsWith('**Welch two-sample t-test** (outcome = flipper\\_length\\_mm, group = sex)'));
    assert.ok(md.includes("Welch's t(325.28) = -4.81, p \\< .001"));
    assert.ok(md.includes('| t | df | p | Mean difference | 95% CI low | 95% CI high |'));
    assert.ok(md.includes('| ---: | ---: | ---: | ---: | ---: | ---: |'));
    assert.ok(md.includes('| -4.808 | 325.28 | < .001 | -7.142 | -10.065 | -4.220 |'));
    assert.ok(md.includes('| male \\| (M) | 168 | 204.506 |'), 'pipes escaped in cells');
    assert.ok(md.includes('- ✗ shapiro\\_wilk on flipper\\_length\\_mm | sex=female: statistic 0.952, p \\< .001 (not met). Not normal.'));
    assert.ok(md.includes('- ✓ levene'));
    assert.ok(md.includes('**Warnings**') && md.includes('**Recommendations**'));
    assert.ok(md.trimEnd().endsWith('*n = 333; rows dropped: 11 (11 missing values in flipper\\_length\\_mm, sex)*'));
  });

  it('plain text: aligned tables and the same content without markup', () => {
    const text = formatOutcomePlain(outcome);
    assert.ok(text.startsWith('Welch two-sample t-test (outcome = flipper_length_mm, group = sex)'));
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

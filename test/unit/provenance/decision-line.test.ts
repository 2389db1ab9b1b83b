/**
 * The decision line (review L8) in the three places a reader sees it: the notebook's result renderer,
 * the Markdown/plain-text fallbacks and the HTML report. Options that restrict the rows or change
 * the hypothesis are shown; a decision pinned by someone else is marked.
 */
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { buildDecisionLine } from '../../../renderers/result/render.js';
import { formatDecisionOptions as rendererOptions } from '../../../renderers/result/format.js';
import { formatDecisionLine, formatOutcomeMarkdown, formatOutcomePlain } from '../../../kernel/report/cell-text.js';
import { formatDecisionOptions } from '../../../kernel/report/format.js';
import { renderHtmlReport } from '../../../kernel/report/html.js';
import { DEFAULT_OPTIONS, type AnalysisOptions, type AnalysisOutcome } from '../../../kernel/types.js';

const restricted = { ...DEFAULT_OPTIONS, where: [{ column: 'island', op: '=' as const, value: 'Biscoe' }], alternative: 'less' as const, confLevel: 0.9, mu: 2, levels: ['Adelie', 'Gentoo'] };

function outcome(options: AnalysisOptions = restricted): AnalysisOutcome {
  return {
    analysis: 'ttest_welch', variant: "Welch's two-sample t-test", roles: { outcome: 'flipper_length_mm', group: 'sex' },
    options, n: 163, nMissing: 0, dropped: [], result: {}, assumptions: [], summary: "Welch's t(157.47) = -3.53, p < .001",
    warnings: [], recommendations: [], tables: [], figures: [],
    dataset: { path: 'penguins.csv', sha256: 'a'.repeat(64), tableHash: 'b'.repeat(64), rows: 344, rowsUsed: 163, columns: [] },
  } as AnalysisOutcome;
}

const EXPECTED = [
  'only rows where island = Biscoe',
  'only levels Adelie, Gentoo',
  'one-sided test (alternative: less)',
  'tested against 2 (mu)',
  '90% confidence intervals',
];

describe('decision line (review L8)', () => {
  it('lists what restricts rows or changes the hypothesis, and nothing for the defaults (kernel and renderer agree)', () => {
    assert.deepEqual(formatDecisionOptions(restricted), EXPECTED);
    assert.deepEqual(formatDecisionOptions(DEFAULT_OPTIONS), []);
    const snake = { where: restricted.where, levels: restricted.levels, alternative: 'less', mu: 2, conf_level: 0.9, seed: 42 };
    assert.deepEqual(rendererOptions(snake), EXPECTED);
    assert.deepEqual(rendererOptions({ alternative: 'two-sided', mu: 0, conf_level: 0.95, where: [] }), []);
  });

  it('the notebook renderer shows the options and "pinned by another author" on the decision line', () => {
    const doc = new JSDOM('<!doctype html><body></body>').window.document;
    const line = buildDecisionLine(
      { analysis: 'ttest_welch', rule_id: 'two-groups-welch', pin_origin: 'another-author' },
      { variant: "Welch's two-sample t-test", roles: { outcome: 'flipper_length_mm', group: 'sex' }, options: { where: restricted.where, alternative: 'less' } },
      doc,
    );
    assert.deepEqual([...line.querySelectorAll('.inf-restriction')].map((e) => e.textContent), EXPECTED.slice(0, 1).concat(EXPECTED[2]));
    assert.equal(line.querySelector('.inf-badge-pin')!.textContent, 'pinned by another author');
    const own = buildDecisionLine({ analysis: 'ttest_welch' }, { options: { alternative: 'two-sided' } }, doc);
    assert.equal(own.querySelector('.inf-badge-pin'), null);
    assert.equal(own.querySelector('.inf-restriction'), null);
    const file = buildDecisionLine({ analysis: 'ttest_welch', pin_origin: 'file' }, undefined, doc);
    assert.equal(file.querySelector('.inf-badge-pin')!.textContent, 'pinned in the file, not by you');
    const direction = buildDecisionLine({ analysis: 'ttest_welch', direction_asked: { direction: 'greater', statement: 'len: OJ > VC' } }, undefined, doc);
    assert.match(direction.textContent ?? '', /direction asked: len: OJ > VC, tested two-sided/);
  });

  it('the text fallbacks carry the same decision line', () => {
    assert.equal(
      formatDecisionLine(outcome(), { pin_origin: 'file' }),
      `Welch's two-sample t-test (outcome = flipper_length_mm, group = sex) · ${EXPECTED.join(' · ')} · pinned in the file, not by you`,
    );
    assert.match(formatOutcomePlain(outcome(), { pin_origin: 'another-author' }).split('\n')[0], /only rows where island = Biscoe .* pinned by another author$/);
    assert.match(formatOutcomeMarkdown(outcome()).split('\n')[0], /^\*\*Welch's two-sample t-test\*\* \(.*\) · \*\*only rows where island = Biscoe\*\* · /);
    assert.equal(formatDecisionLine(outcome(DEFAULT_OPTIONS)), "Welch's two-sample t-test (outcome = flipper_length_mm, group = sex)");
    // #18 S1: a direction the request stated is said on the decision line; the test stays two-sided.
    assert.equal(
      formatDecisionLine(outcome(DEFAULT_OPTIONS), { direction_asked: { direction: 'greater', statement: 'len: OJ > VC' } }),
      "Welch's two-sample t-test (outcome = flipper_length_mm, group = sex) · direction asked: len: OJ > VC, tested two-sided (ask for a one-sided test to test only this direction)",
    );
  });

  it('the HTML report shows the options and who pinned the decision', async () => {
    const html = await renderHtmlReport({
      title: 't', notebookPath: 'n.inferra', generatedAt: '2026-12-06T00:00:00Z', datasets: [], environment: {},
      cells: [{
        kind: 'ask', id: 'c', source: 'Is flipper length different between male and female penguins?', status: 'ok',
        decision: { analysis: 'ttest_welch', source: 'rules', ruleId: 'two-groups-welch', rationale: 'r', alternatives: [], pinOrigin: 'another-author' },
        outcome: outcome(),
      }],
    });
    assert.match(html, /<dt>Options<\/dt><dd><strong>only rows where island = Biscoe<\/strong>; <strong>only levels Adelie, Gentoo<\/strong>; <strong>one-sided test/);
    assert.match(html, /<dt>Pinned<\/dt><dd><span class="badge badge-llm">pinned by another author<\/span>/);
  });
});

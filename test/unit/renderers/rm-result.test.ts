/**
 * The result renderer fed what the kernel sends for anova_rm (RoundingTimes: three methods within 22
 * players): every p-value column (uncorrected, Greenhouse-Geisser, Huynh-Feldt, Mauchly's) reads as APA
 * does, the variance-explained columns without the leading zero, and the sentence and checks shown.
 */
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { outcomeToJson, type ResultPayload } from '../../../kernel/notebook/outputs.js';
import { DEFAULT_OPTIONS, type AnalysisOutcome } from '../../../kernel/types.js';
import { activate } from '../../../renderers/result/index.js';
import { readTable } from '../../support/fixtures.js';

function payload(): ResultPayload {
  const table = readTable('test/reference/data/RoundingTimes.csv');
  const computed = runAnalysis({ analysis: 'anova_rm', roles: { outcome: 'time', within: 'method', subject: 'player_id' }, options: { ...DEFAULT_OPTIONS, where: [] } }, table);
  const outcome: AnalysisOutcome = {
    ...computed,
    figures: [],
    dataset: { sha256: '0'.repeat(64), tableHash: '0'.repeat(16), rows: table.rowCount, rowsUsed: computed.n, columns: [] },
  };
  return { status: 'ok', request: 'test', cellId: 'c', result: outcomeToJson(outcome, { withFigures: false }) };
}

describe('renderers/result on an anova_rm payload', () => {
  it('shows the ANOVA, sphericity and effect-size tables with every p formatted, the sentence and Mauchly\'s check', () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const element = dom.window.document.createElement('div');
    dom.window.document.body.append(element);
    activate({}).renderOutputItem({ id: 'o', mime: 'application/vnd.inferra.result+json', json: () => payload(), text: () => '' }, element);
    const cells = new Map<string, string[]>();
    for (const table of element.querySelectorAll('table')) {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
      headers.forEach((h, i) => cells.set(h, [...(cells.get(h) ?? []), ...rows.map((r) => r[i])]));
    }
    for (const header of ['p', 'p (Greenhouse-Geisser)', 'p (Huynh-Feldt)']) {
      const shown = (cells.get(header) ?? []).filter((c) => c !== '—');
      assert.ok(shown.length >= 1, `column ${header}: ${[...cells.keys()].join(' | ')}`);
      for (const c of shown) assert.match(c, /^(< \.001|\.\d{3})$/, `${header}: ${c}`);
    }
    for (const header of ['Generalised η²', 'Partial η²', 'η² (partial) 95% CI lower', 'η² (partial) 95% CI upper']) {
      assert.match((cells.get(header) ?? [''])[0], /^\.\d{3}$/, header);
    }
    assert.deepEqual(cells.get('Correction reported'), ['Huynh-Feldt']);
    const text = element.textContent ?? '';
    assert.match(text, /A one-way repeated-measures ANOVA compared time across the 3 conditions of method within 22 subjects \(player_id\)/);
    assert.match(text, /mauchly/i);
  });
});

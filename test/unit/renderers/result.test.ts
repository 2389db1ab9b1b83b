import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { activate } from '../../../renderers/result/index.js';
import { collectChoices } from '../../../renderers/result/render.js';
import type { OutputItemLike } from '../../../renderers/common/renderer-api.js';

const okPayload = {
  status: 'ok', request: 'is flipper length different between the sexes?', cellId: 'flipper-by-sex',
  decision: {
    status: 'decided', analysis: 'ttest_welch', roles: { outcome: 'flipper_length_mm', group: 'sex' }, source: 'rules',
    rule_id: 'two-groups-numeric', confidence: 0.92, rationale: 'numeric outcome, two groups', alternatives: [], explanation: '',
  },
  result: {
    status: 'ok', analysis: 'ttest_welch', variant: 'Welch two-sample t-test', roles: { outcome: 'flipper_length_mm', group: 'sex' },
    n: 333, n_missing: 11, dropped: [{ reason: 'missing values', count: 11 }],
    result: { statistic: -4.8079, df: 325.28, p_value: 2.3e-6 },
    tables: [{
      title: 'Welch two-sample t-test',
      columns: [{ key: 'statistic', label: 't' }, { key: 'df', label: 'df' }, { key: 'p_value', label: 'p' }, { key: 'cohens_d', label: "Cohen's d" }, { key: 'ci_high', label: 'CI high' }],
      rows: [{ statistic: -4.80788, df: 325.2791, p_value: 2.3e-6, cohens_d: -0.5269, ci_high: 'Infinity' }],
      note: 'Welch-Satterthwaite degrees of freedom.',
    }],
    assumptions: [
      { check: 'shapiro_wilk', target: 'flipper_length_mm | sex=female', statistic: 0.9525, p_value: 0.00002, ok: false, note: 'not normal' },
      { check: 'levene', target: 'flipper_length_mm', statistic: 0.77, p_value: 0.38, ok: true },
    ],
    summary: 'Flipper length differed between the sexes, t(325.28) = -4.81, p < .001, d = -0.53.',
    warnings: ['11 rows with missing values were left out.'],
    recommendations: ['Consider mann_whitney because normality failed.'],
  },
};

const ambiguousPayload = {
  status: 'ambiguous', request: 'compare bill length and bill depth', cellId: 'bills',
  decision: {
    status: 'ambiguous', rationale: 'two designs fit',
    alternatives: [
      { analysis: 'ttest_paired', name: 'Paired t-test', roles: { before: 'bill_length_mm', after: 'bill_depth_mm' }, why: 'the same birds measured twice' },
      { analysis: 'pearson', roles: { x: 'bill_length_mm', y: 'bill_depth_mm' }, why: 'how the two measures relate' },
    ],
    explanation: 'Two analyses fit: a paired comparison or a correlation.',
  },
};

function setup() {
  const dom = new JSDOM('<!doctype html><html><head></head><body class="vscode-dark"></body></html>');
  const document = dom.window.document;
  const element = document.createElement('div');
  document.body.append(element);
  return { dom, document, element };
}

function item(data: unknown, id = 'out-1'): OutputItemLike {
  return { id, mime: 'application/vnd.inferra.result+json', json: () => data, text: () => JSON.stringify(data) };
}

describe('renderers/result', () => {
  it('renders the decision line, the table, the APA sentence, checks, warnings and recommendations', () => {
    const { document, element } = setup();
    activate({}).renderOutputItem(item(okPayload), element);
    const decision = element.querySelector('.inf-decision')!.textContent!;
    assert.match(decision, /Welch two-sample t-test·rule two-groups-numeric·outcome = flipper_length_mm, group = sex/);
    assert.equal(element.querySelector('.inf-badge-llm'), null);
    const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent);
    assert.deepEqual(headers, ['t', 'df', 'p', "Cohen's d", 'CI high']);
    const cells = [...element.querySelectorAll('tbody td')].map((td) => td.textContent);
    assert.deepEqual(cells, ['-4.808', '325.28', '< .001', '-0.527', '∞']);
    assert.equal(element.querySelector('tbody td')!.getAttribute('title'), '-4.80788');
    assert.match(element.querySelector('.inf-note')!.textContent!, /Welch-Satterthwaite/);
    assert.match(element.querySelector('.inf-summary-text')!.textContent!, /t\(325\.28\) = -4\.81, p < \.001/);
    const checks = [...element.querySelectorAll('.inf-check')];
    assert.equal(checks.length, 2);
    assert.ok(checks[0].classList.contains('inf-check-fail') && checks[1].classList.contains('inf-check-ok'));
    assert.match(checks[0].textContent!, /shapiro wilk · flipper_length_mm \| sex=female.*statistic = 0\.953, p < \.001/);
    assert.match(element.querySelector('.inf-warnings')!.textContent!, /11 rows/);
    assert.match(element.querySelector('.inf-recommendations')!.textContent!, /mann_whitney/);
    assert.match(element.querySelector('.inf-meta')!.textContent!, /n = 333 · 11 rows left out \(missing values\)/);
    // Styles come from one <style> element created from JS, once per document.
    activate({}).renderOutputItem(item(okPayload, 'out-2'), document.createElement('div'));
    assert.equal(document.querySelectorAll('style#inferra-result-style').length, 1);
  });

  it('shows a visible LLM badge when the decision came from the language model', () => {
    const { element } = setup();
    const payload = { ...okPayload, decision: { ...okPayload.decision, source: 'llm', rule_id: null, llm: { model: 'grok-4.3' } } };
    activate({}).renderOutputItem(item(payload), element);
    const badge = element.querySelector('.inf-badge-llm')!;
    assert.equal(badge.textContent, 'LLM');
    assert.match(badge.getAttribute('title')!, /grok-4\.3/);
  });

  it('copies the APA sentence with the copy button', async () => {
    const { dom, element } = setup();
    const copied: string[] = [];
    Object.defineProperty(dom.window.navigator, 'clipboard', { value: { writeText: async (t: string) => { copied.push(t); } } });
    activate({}).renderOutputItem(item(okPayload), element);
    const button = element.querySelector<HTMLButtonElement>('button.inf-copy')!;
    assert.equal(button.type, 'button');
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(copied, [okPayload.result.summary]);
    assert.equal(button.textContent, 'Copied');
  });

  it('shows ambiguity alternatives as buttons; a click posts the choice and disables them', () => {
    const { element } = setup();
    const posted: unknown[] = [];
    activate({ postMessage: (m) => posted.push(m) }).renderOutputItem(item(ambiguousPayload), element);
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('button.inf-choice')];
    assert.deepEqual(buttons.map((b) => b.dataset.analysis), ['ttest_paired', 'pearson']);
    // The analysis' name when the kernel sends it, else the id in words.
    assert.match(buttons[0].textContent!, /^Paired t-test — before = bill_length_mm/);
    assert.match(buttons[1].textContent!, /^pearson — x = bill_length_mm/);
    assert.ok(buttons.every((b) => !b.disabled && b.tagName === 'BUTTON'));
    buttons[1].click();
    assert.deepEqual(posted, [{ type: 'choose', cellId: 'bills', choice: { analysis: 'pearson', roles: { x: 'bill_length_mm', y: 'bill_depth_mm' }, why: 'how the two measures relate' } }]);
    assert.ok(buttons.every((b) => b.disabled));
    assert.match(buttons[1].textContent!, /running/);
  });

  it('still renders the alternatives without messaging, with disabled buttons and a hint', () => {
    const { element } = setup();
    activate({}).renderOutputItem(item(ambiguousPayload), element);
    const buttons = [...element.querySelectorAll<HTMLButtonElement>('button.inf-choice')];
    assert.equal(buttons.length, 2);
    assert.ok(buttons.every((b) => b.disabled));
    assert.match(element.textContent!, /More than one analysis fits/);
    assert.match(element.textContent!, /Choosing is available when this notebook is open in VS Code/);
  });

  it('shows an error as a message box with its code, and no_match with its explanation', () => {
    const { element } = setup();
    const api = activate({});
    api.renderOutputItem(item({ status: 'error', request: 'x', cellId: 'c', error: { code: 'column-not-found', message: "No column 'lenght'. Did you mean 'len'?" } }), element);
    const box = element.querySelector('.inf-message-error')!;
    assert.equal(box.getAttribute('role'), 'alert');
    assert.equal((box as HTMLElement).dataset.code, 'column-not-found');
    assert.match(box.textContent!, /Did you mean 'len'\?.*code: column-not-found/);
    api.renderOutputItem(item({ status: 'no_match', request: 'x', cellId: 'c', decision: { status: 'no_match', explanation: 'Name a column.' } }), element);
    assert.match(element.textContent!, /No matching analysis\. Name a column\./);
    assert.equal(element.querySelectorAll('.inferra-result').length, 1, 'a re-render replaces the previous view');
  });

  it('renders garbage data as a readable notice instead of throwing, and dispose is safe', () => {
    const { element } = setup();
    const api = activate({});
    api.renderOutputItem({ id: 'x', mime: 'application/vnd.inferra.result+json', json: () => { throw new SyntaxError('bad'); }, text: () => '{' }, element);
    assert.match(element.textContent!, /could not be read/);
    api.disposeOutputItem?.('x');
    api.disposeOutputItem?.(undefined);
  });

  it('never builds markup from data (text stays text)', () => {
    const { element } = setup();
    const payload = { ...okPayload, result: { ...okPayload.result, summary: '<img src=x onerror=alert(1)>' } };
    activate({}).renderOutputItem(item(payload), element);
    assert.equal(element.querySelector('img'), null);
    assert.match(element.querySelector('.inf-summary-text')!.textContent!, /<img/);
  });
});

describe('renderers/result choices', () => {
  it('collects the ambiguity choices without duplicates, the engine\'s first candidate first', () => {
    const choices = collectChoices({ analysis: 'pearson', roles: { x: 'a', y: 'b' }, rationale: 'r', alternatives: [
      { analysis: 'pearson', roles: { x: 'a', y: 'b' }, why: 'dup' }, { analysis: 'spearman', roles: { x: 'a', y: 'b' }, why: 'ranks' }] });
    assert.deepEqual(choices.map((c) => c.analysis), ['pearson', 'spearman']);
  });
});

/**
 * The result renderer fed what the kernel really sends: analyses run on the penguins sample, their
 * outcomes turned into CONTRACT.md's JSON by the same function the notebook uses. (A renderer test
 * with hand-written keys passed while the kernel sent camelCase table keys, so adjusted p-values
 * printed as raw numbers in the notebook.)
 */
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { outcomeToJson, type ResultPayload } from '../../../kernel/notebook/outputs.js';
import { DEFAULT_OPTIONS, type AnalysisOutcome, type Roles, type TaskId } from '../../../kernel/types.js';
import { activate } from '../../../renderers/result/index.js';
import { readPenguins } from '../figures/read-csv.js';

const penguins = readPenguins();

/** The payload the notebook stores for one analysis on penguins. */
function kernelPayload(analysis: TaskId, roles: Roles): ResultPayload {
  const computed = runAnalysis({ analysis, roles, options: { ...DEFAULT_OPTIONS } } as Parameters<typeof runAnalysis>[0], penguins);
  const outcome: AnalysisOutcome = {
    ...computed,
    figures: [],
    dataset: { sha256: '0'.repeat(64), tableHash: '0'.repeat(16), rows: 344, rowsUsed: computed.n, columns: [] },
  };
  const result = outcomeToJson(outcome, { withFigures: false });
  return { status: 'ok', request: 'test', cellId: 'c', result };
}

/** The rendered tables: header texts and the cell texts, by table title. */
function render(payload: ResultPayload): Map<string, { headers: string[]; rows: string[][] }> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const element = dom.window.document.createElement('div');
  dom.window.document.body.append(element);
  activate({}).renderOutputItem({ id: 'o', mime: 'application/vnd.inferra.result+json', json: () => payload, text: () => '' }, element);
  const tables = new Map<string, { headers: string[]; rows: string[][] }>();
  for (const table of element.querySelectorAll('table')) {
    const title = table.querySelector('caption')?.textContent ?? table.previousElementSibling?.textContent ?? '';
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    tables.set(title, { headers, rows });
  }
  return tables;
}

/** The cells of the column whose header matches, over every table. */
function column(tables: ReturnType<typeof render>, header: RegExp): string[] {
  const cells: string[] = [];
  for (const { headers, rows } of tables.values()) {
    const i = headers.findIndex((h) => header.test(h));
    if (i >= 0) cells.push(...rows.map((r) => r[i]));
  }
  return cells;
}

describe('renderers/result on payloads the kernel produces', () => {
  it('sends table keys in snake_case, as CONTRACT.md says for the whole JSON surface', () => {
    const payload = kernelPayload('tukey_hsd', { outcome: 'bill_length_mm', group: 'species' });
    const tables = (payload.result as unknown as { tables: { columns: { key: string }[]; rows: Record<string, unknown>[] }[] }).tables;
    for (const table of tables) {
      for (const c of table.columns) assert.match(c.key, /^[a-z0-9_]+$/, `column key ${c.key}`);
      for (const row of table.rows) for (const k of Object.keys(row)) assert.match(k, /^[a-z0-9_]+$/, `row key ${k}`);
    }
  });

  it('shows Tukey adjusted p-values as APA does ("< .001"), never as raw numbers', () => {
    const tables = render(kernelPayload('tukey_hsd', { outcome: 'bill_length_mm', group: 'species' }));
    const p = column(tables, /^p \(adjusted\)$/);
    assert.equal(p.length, 3);
    assert.deepEqual(p.slice(0, 2), ['< .001', '< .001']);
    assert.match(p[2], /^\.\d{3}$/);
  });

  it('shows Games-Howell adjusted p-values and CI bounds formatted', () => {
    const tables = render(kernelPayload('games_howell', { outcome: 'bill_length_mm', group: 'species' }));
    const p = column(tables, /^p/);
    assert.ok(p.length >= 3);
    for (const cell of p) assert.match(cell, /^(< \.001|\.\d{3}|1\.000)$/, cell);
  });

  it('shows R² and adjusted R² of a regression without the leading zero', () => {
    const tables = render(kernelPayload('ols', { outcome: 'body_mass_g', predictors: ['flipper_length_mm'] }));
    const r2 = column(tables, /^R²$|^R-squared$|^R2$/i);
    assert.ok(r2.length >= 1, `headers: ${[...tables.values()].map((t) => t.headers.join('|')).join(' / ')}`);
    for (const cell of r2) assert.match(cell, /^\.\d{3}$/, cell);
  });

  it('shows a logistic regression: odds ratios, z, p as APA, McFadden R² without the leading zero, and the warnings', () => {
    const payload = kernelPayload('logistic', { outcome: 'sex', predictors: ['body_mass_g', 'species'] });
    const tables = render(payload);
    assert.ok(tables.has('Coefficients (log-odds of sex = male)'), [...tables.keys()].join(' / '));
    const coefficients = tables.get('Coefficients (log-odds of sex = male)') as { headers: string[]; rows: string[][] };
    assert.deepEqual(coefficients.rows.map((r) => r[0]), ['(Intercept)', 'body_mass_g', 'speciesChinstrap', 'speciesGentoo']);
    for (const cell of column(tables, /^p$/)) assert.match(cell, /^(< \.001|\.\d{3}|1\.000)$/, cell);
    assert.equal(column(tables, /^Odds ratio$/).length, 4);
    for (const cell of column(tables, /^McFadden R²$/)) assert.match(cell, /^\.\d{3}$/, cell);
  });

  it("shows Cramér's V without the leading zero", () => {
    const tables = render(kernelPayload('chi2_independence', { row: 'species', col: 'island' }));
    const v = column(tables, /Cram/);
    assert.ok(v.length >= 1);
    for (const cell of v) assert.match(cell, /^\.\d{3}$/, cell);
  });
});

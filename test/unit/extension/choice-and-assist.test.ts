import assert from 'node:assert/strict';
import { parseChooseMessage } from '../../../extension/choice.js';
import {
  buildCompletionEntries, buildHoverMarkdown, buildProvenanceMarkdown, buildSchemaMarkdown, columnBeforeComparison, findColumn, quoteName,
} from '../../../kernel/assist/dataset-assist.js';
import { storedDatasetPath } from '../../../kernel/notebook/dataset-path.js';
import type { DatasetSchema } from '../../../kernel/types.js';

const schema: DatasetSchema = {
  name: 'penguins.csv', path: '/data/penguins.csv', format: 'csv', sha256: 'a'.repeat(64), rows: 344,
  columns: [
    { name: 'species', kind: 'categorical', storageType: 'VARCHAR', n: 344, missing: 0, distinct: 3, usableAsGroup: true,
      levels: [{ value: 'Adelie', count: 152 }, { value: 'Gentoo', count: 124 }, { value: 'Chinstrap', count: 68 }] },
    { name: 'flipper_length_mm', kind: 'numeric', storageType: 'DOUBLE', n: 342, missing: 2, distinct: 55, usableAsGroup: false,
      summary: { mean: 200.91520467836258, sd: 14.061713679356888, min: 172, max: 231 } },
    { name: 'Body Mass (g)', kind: 'numeric', storageType: 'DOUBLE', n: 342, missing: 2, distinct: 94, usableAsGroup: false,
      summary: { mean: 4201.754385964912, sd: 801.9545356980955, min: 2700, max: 6300 } },
    { name: 'sex', kind: 'categorical', storageType: 'VARCHAR', n: 333, missing: 11, distinct: 2, usableAsGroup: true,
      levels: [{ value: 'female', count: 165 }, { value: 'male', count: 168 }] },
  ],
};

describe('extension/choice', () => {
  it('turns a renderer choose message into a kernel Choice (snake_case roles to camelCase)', () => {
    const request = parseChooseMessage({ type: 'choose', cellId: 'c1', choice: { analysis: 'ttest_paired', roles: { outcome: 'x', pair_id: 'id' }, why: 'paired design' } });
    assert.deepEqual(request, { cellId: 'c1', choice: { analysis: 'ttest_paired', roles: { outcome: 'x', pairId: 'id' }, why: 'paired design' } });
    const withOptions = parseChooseMessage({ type: 'choose', cellId: 'c1', choice: { analysis: 'ols', roles: { outcome: 'y', predictors: ['a', 'b'] }, options: { conf_level: 0.9 } } });
    assert.deepEqual(withOptions?.choice.options, { confLevel: 0.9 });
    assert.deepEqual(withOptions?.choice.roles, { outcome: 'y', predictors: ['a', 'b'] });
  });

  it('rejects anything else a webview could post', () => {
    for (const message of [null, 'choose', { type: 'other' }, { type: 'choose', cellId: '', choice: { analysis: 'x' } },
      { type: 'choose', cellId: 'c', choice: { analysis: 'DROP TABLE' } }, { type: 'choose', cellId: 'c', choice: { analysis: 'ols', roles: { x: 3 } } },
      { type: 'choose', cellId: 'c', choice: { analysis: 'ols', roles: [] } }]) {
      assert.equal(parseChooseMessage(message), undefined, JSON.stringify(message));
    }
  });
});

describe('kernel/assist/dataset-assist', () => {
  it('finds columns exactly, ignoring case, or ignoring separators', () => {
    assert.equal(findColumn(schema, 'species')?.name, 'species');
    assert.equal(findColumn(schema, 'SPECIES')?.name, 'species');
    assert.equal(findColumn(schema, 'flipper.length.mm')?.name, 'flipper_length_mm');
    assert.equal(findColumn(schema, '"Body Mass (g)"')?.name, 'Body Mass (g)');
    assert.equal(findColumn(schema, 'island'), undefined);
  });

  it('offers columns (quoted when needed) and then level values', () => {
    const entries = buildCompletionEntries(schema, 'compare ');
    const columns = entries.filter((e) => e.kind === 'column');
    assert.deepEqual(columns.map((e) => e.insertText), ['species', 'flipper_length_mm', '"Body Mass (g)"', 'sex']);
    assert.equal(columns[1].detail, 'numeric · 342 values, 2 missing');
    assert.deepEqual(entries.filter((e) => e.kind === 'level').map((e) => e.label), ['Adelie', 'Gentoo', 'Chinstrap', 'female', 'male']);
    assert.ok(entries.every((e, i) => i === 0 || entries[i - 1].sortText < e.sortText));
  });

  it('offers only the levels of the column before "="', () => {
    assert.equal(columnBeforeComparison(schema, 'compare flipper length where sex = ')?.name, 'sex');
    assert.deepEqual(buildCompletionEntries(schema, 'where species = Ade').map((e) => e.label), ['Adelie', 'Gentoo', 'Chinstrap']);
    assert.equal(quoteName('a b'), '"a b"');
  });

  it('hovers a column with its kind and summary, and a level with its column', () => {
    const hover = buildHoverMarkdown(schema, 'flipper_length_mm') ?? '';
    assert.match(hover, /numeric column/);
    assert.match(hover, /mean 200\.9 · sd 14\.06 · min 172 · max 231/);
    assert.match(buildHoverMarkdown(schema, 'species') ?? '', /Levels: Adelie \(152\), Gentoo \(124\), Chinstrap \(68\)/);
    assert.match(buildHoverMarkdown(schema, 'Gentoo') ?? '', /level of \*\*species\*\* \(124 rows\)/);
    assert.equal(buildHoverMarkdown(schema, 'between'), undefined);
  });

  it('describes a schema as a Markdown table with one row per column', () => {
    const markdown = buildSchemaMarkdown(schema);
    assert.match(markdown, /^# penguins\.csv/);
    assert.equal(markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| column')).length, 4);
  });
});

describe('kernel/assist/dataset-assist buildProvenanceMarkdown', () => {
  it('lists a cell\'s runs newest first with decision, dataset hash and record hashes, then the JSON', () => {
    const record = (n: number, status: string) => ({
      run_id: `r${n}`, cell_id: 'c', started_at: `2026-01-0${n}T00:00:00Z`, ended_at: `2026-01-0${n}T00:00:01Z`, status,
      plan: { source: 'rules', rule_id: 'two-groups-welch', analysis: 'ttest_welch' },
      datasets: [{ name: 'penguins', path: 'penguins.csv', sha256: 'f'.repeat(64), rows_used: 333 }],
      result_digest: 'd'.repeat(64), hash: String(n).repeat(64), previous_hash: n > 1 ? String(n - 1).repeat(64) : null,
    });
    const markdown = buildProvenanceMarkdown('c', 'compare\nthings', [record(1, 'ok'), record(2, 'error')]);
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## Latest run — 2026-01-02T00:00:01Z', '## Run 1 — 2026-01-01T00:00:01Z', '## Records (JSON)']);
    assert.match(markdown, /> compare things/);
    assert.match(markdown, /analysis: `ttest_welch` \(decided by rules, rule `two-groups-welch`\)/);
    assert.match(markdown, /rows used 333/);
    assert.match(markdown, /previous `1111111111111111…`/);
    assert.equal(JSON.parse(markdown.split('```json\n')[1].split('\n```')[0]).length, 2);
  });
});

describe('storedDatasetPath (kernel/notebook/dataset-path.ts)', () => {
  it('stores dataset paths relative to the notebook with forward slashes', () => {
    assert.equal(storedDatasetPath('/w/nb/analysis.inferra', '/w/nb/data/penguins.csv'), 'data/penguins.csv');
    assert.equal(storedDatasetPath('/w/nb/analysis.inferra', '/w/other/x.csv'), '../other/x.csv');
    assert.equal(storedDatasetPath(undefined, '/w/x.csv'), '/w/x.csv');
  });
});

/**
 * Grammars of valid and broken inputs for the fuzz tests: `.inferra` notebooks and CSV / JSON
 * datasets. Each generated case carries tags naming its hostile parts (`non-finite`,
 * `bad-provenance`, `outside-path`, ...), so a failure can be matched to a known class.
 */
import fc from 'fast-check';
import { RESULT_MIME, VEGA_MIME } from '../../kernel/notebook/outputs.js';

/** A tagged value: what was generated and which hostile features it has. */
export interface Tagged<T> {
  value: T;
  tags: string[];
}

const tagged = <T>(value: T, ...tags: string[]): Tagged<T> => ({ value, tags });

function merge<T>(parts: Tagged<unknown>[], value: T): Tagged<T> {
  return { value, tags: [...new Set(parts.flatMap((p) => p.tags))] };
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Odd strings: unicode, controls, NUL, RTL marks, emoji, long, markup, paths. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202Eevil', '🐧🐧', 'ü', '\uFEFFx', '\r\n', '"', "'", '\\', '<script>alert(1)</script>', '../../etc/passwd', 'x" FROM read_text(\'/etc/hostname\') --', 'NaN', 'Infinity', '-0', '1e400'),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'ab'.repeat(n / 2)),
);

// ---------------------------------------------------------------------------------------------
// Datasets

const NON_FINITE = ['inf', '-inf', 'Infinity', 'NaN', '1e400', '-1e400', 'nan'];

/** One CSV cell. */
const csvValue: fc.Arbitrary<Tagged<string>> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => tagged(String(x))) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c').map((x) => tagged(x)) },
  { weight: 1, arbitrary: fc.constantFrom('', 'NA').map((x) => tagged(x, 'missing')) },
  { weight: 1, arbitrary: fc.constantFrom(...NON_FINITE).map((x) => tagged(x, 'non-finite')) },
  { weight: 1, arbitrary: oddString.map((s) => tagged(`"${s.replace(/"/g, '""')}"`, 'odd-text')) },
  { weight: 1, arbitrary: fc.constantFrom('1.5e308', '-0', '0x1F', '1,5', ' 3 ', '１２').map((x) => tagged(x, 'odd-number')) },
);

/** A CSV text: header, rows (maybe ragged), with optional BOM, CRLF, NULs, a truncated tail. */
export const csvText: fc.Arbitrary<Tagged<string>> = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    header: fc.array(fc.oneof(fc.constantFrom('x', 'y', 'g', 'x', ''), oddString), { minLength: 5, maxLength: 5 }),
    rows: fc.array(fc.array(csvValue, { minLength: 0, maxLength: 6 }), { maxLength: 25 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    nul: fc.boolean(),
    truncate: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  })
  .map(({ width, header, rows, bom, crlf, nul, truncate }) => {
    const names = header.slice(0, width).map((h) => (/[",\n\r]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h));
    const parts = rows.flat();
    const lines = [names.join(','), ...rows.map((row) => row.map((c) => c.value).join(','))];
    let text = lines.join(crlf ? '\r\n' : '\n') + '\n';
    const tags = [...new Set(parts.flatMap((p) => p.tags))];
    if (rows.some((r) => r.length !== width)) tags.push('ragged');
    if (bom) text = `\uFEFF${text}`;
    if (nul) {
      text = text.replace(/\n/, '\u0000\n');
      tags.push('nul');
    }
    if (truncate !== undefined) text = text.slice(0, truncate);
    return { value: text, tags };
  });

/** A JSON dataset: arrays of records, JSON lines, wrapped objects, scalars, deep nesting, 1e999. */
export const jsonText: fc.Arbitrary<Tagged<string>> = fc.oneof(
  fc
    .array(
      fc.record({
        x: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => JSON.stringify(v)), fc.constantFrom('1e999', '"inf"', 'null', '"a"', '[1,2]', '{"n":1}')),
        g: fc.oneof(fc.constantFrom('"a"', '"b"', 'null', '3'), oddString.map((s) => JSON.stringify(s))),
      }),
      { maxLength: 20 },
    )
    .chain((rows) =>
      fc.constantFrom('array', 'lines', 'wrapped').map((shape) => {
        const records = rows.map((r) => `{"x": ${r.x}, "g": ${r.g}}`);
        const tags = rows.some((r) => r.x === '1e999') ? ['non-finite'] : [];
        if (shape === 'lines') return tagged(records.join('\n') + '\n', ...tags);
        if (shape === 'wrapped') return tagged(`{"data": [${records.join(',')}]}`, ...tags, 'wrapped');
        return tagged(`[${records.join(',')}]`, ...tags);
      }),
    ),
  fc.constantFrom('', '[]', '{}', '42', '"text"', 'null', '[1, 2, 3]', '[{"x": 1}, 2]', '{"x": 1', 'NaN').map((t) => tagged(t, 'odd-json')),
  fc.integer({ min: 50, max: 20_000 }).map((d) => tagged(`[{"x": ${'['.repeat(d)}1${']'.repeat(d)}}]`, 'deep-nesting')),
);

/** File names for a dataset: plain, unicode, spaces, glob characters, leading dash. */
export const datasetName: fc.Arbitrary<Tagged<string>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(tagged('d')) },
  { weight: 1, arbitrary: fc.constantFrom('my data', 'ünï', '🐧', 'a;b', "q'uote").map((n) => tagged(n, 'odd-name')) },
  { weight: 1, arbitrary: fc.constantFrom('x[12]', 'y*', 'z?').map((n) => tagged(n, 'glob-name')) },
);

/** A dataset file: name, extension and content. */
export interface DatasetFile {
  file: string;
  text: string;
}

export const dataset: fc.Arbitrary<Tagged<DatasetFile>> = fc.oneof(
  fc.tuple(datasetName, csvText, fc.constantFrom('.csv', '.tsv', '.txt')).map(([name, text, ext]) =>
    merge([name, text], { file: `${name.value}${ext}`, text: ext === '.tsv' ? text.value.replace(/,/g, '\t') : text.value }),
  ),
  fc.tuple(datasetName, jsonText, fc.constantFrom('.json', '.jsonl')).map(([name, text, ext]) => merge([name, text], { file: `${name.value}${ext}`, text: text.value })),
);

// ---------------------------------------------------------------------------------------------
// Notebooks

const prompts = fc.constantFrom(
  'describe the data',
  'compare x between g',
  'is x different between groups of g?',
  'mean of x',
  'correlation between x and y',
  'zorblax quuxify',
  'use d.csv',
  'use missing.csv',
);

/** Dataset paths a notebook may name; `outside` ones point at the file it must not read. */
function datasetPath(outsideFile: string): fc.Arbitrary<Tagged<string>> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(tagged('d.csv')) },
    { weight: 1, arbitrary: fc.constantFrom('missing.csv', 'sub/../d.csv', './d.csv', 'D.CSV', 'd.csv/', '.', '').map((p) => tagged(p, 'odd-path')) },
    { weight: 1, arbitrary: fc.constantFrom('../outside/secret.csv', outsideFile, `file://${outsideFile}`).map((p) => tagged(p, 'outside-path')) },
    { weight: 1, arbitrary: oddString.map((p) => tagged(p, 'odd-path')) },
  );
}

const sha = fc.oneof(fc.constant(undefined), fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('nothex', 5, null));

/** A stored output item: Inferra's own, malformed payloads, foreign MIME types. */
const outputItem: fc.Arbitrary<Tagged<unknown>> = fc.oneof(
  fc.constant(tagged({ mime: RESULT_MIME, data: { status: 'ok', cellId: 'a', request: 'q', result: { status: 'ok', analysis: 'describe', n: 3, summary: 'M = 1' } } })),
  fc
    .record({ tables: fc.constantFrom('x', 5, [{ columns: 'x' }], [{ columns: [{ key: 'a', label: 7 }], rows: [{ a: { o: 1 } }] }]), summary: fc.constantFrom(5, null, '<b>x</b>'), status: fc.constantFrom('ok', 'pwned', '"><script>', 3) })
    .map((r) => tagged({ mime: RESULT_MIME, data: { status: r.status, cellId: 'a', request: 'q', result: { status: 'ok', analysis: 'describe', n: 3, summary: r.summary, tables: r.tables } } }, 'bad-output')),
  fc.constant(tagged({ mime: VEGA_MIME, data: { data: { url: 'http://127.0.0.1:9/beacon.csv' }, mark: 'point' } }, 'url-spec')),
  fc.constantFrom('text/html', 'application/javascript', 'image/svg+xml', 'text/markdown', 'text/plain', 'application/x.evil').map((mime) =>
    tagged({ mime, data: '<img src=x onerror="document.title=1"><script>alert(1)</script>' }, ...(mime.startsWith('text/markdown') || mime === 'text/plain' ? [] : ['foreign-mime'])),
  ),
  fc.constantFrom({ mime: '' }, { data: 1 }, 'x', null, { mime: 5, data: {} }).map((o) => tagged(o, 'bad-output')),
);

/** A provenance record: garbage, plausible with wrong types, or missing parts. */
const provenanceRecord: fc.Arbitrary<Tagged<unknown>> = fc
  .oneof(
    fc.constant({ garbage: true }),
    fc.constant({ plan: null, hash: 5 }),
    fc.record({
      run_id: fc.oneof(fc.uuid(), fc.constant('x')),
      cell_id: fc.constantFrom('a', '', 7),
      started_at: fc.constantFrom('2026-01-01T00:00:00Z', 'yesterday', 0),
      status: fc.constantFrom('ok', 'error', 'pwned'),
      plan: fc.constantFrom({ source: 'rules', analysis: 'describe' }, {}, 'rules', null, { source: 5 }),
      datasets: fc.constantFrom([], 'd.csv', [{ name: 'd', path: '../outside/secret.csv' }], [null]),
      result_digest: fc.constantFrom(null, 'f'.repeat(64), 12),
      previous_hash: fc.constantFrom(null, '0'.repeat(64)),
      hash: fc.constantFrom('a'.repeat(64), ''),
    }),
    fc.constantFrom(null, 'record', 42, []),
  )
  .map((r) => tagged(r, 'bad-provenance'));

/** A pinned decision: plausible, or with options another author may have slipped in. */
const decision: fc.Arbitrary<Tagged<unknown>> = fc.oneof(
  fc.constant(tagged({ analysis: 'describe', roles: { column: 'x' } }, 'pinned')),
  fc.constant(tagged({ analysis: 'ttest_welch', roles: { outcome: 'x', group: 'g' }, options: { alternative: 'less', where: [{ column: 'g', op: '=', value: 'a' }] } }, 'pinned')),
  fc.constantFrom(null, 'describe', { analysis: 5 }, { analysis: 'no_such_analysis', roles: [] }).map((d) => tagged(d, 'bad-decision')),
);

const anyCellId = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', 'd-1', 'e.f') }, { weight: 1, arbitrary: oddString });

/** One cell of a notebook (`strict`: structurally valid, hostile only in content). */
function cell(outsideFile: string, strict: boolean): fc.Arbitrary<Tagged<unknown>> {
  const cellId = strict ? fc.constantFrom('a', 'b', 'c', 'd-1', 'e.f') : anyCellId;
  const ask = fc
    .record(
      {
        id: cellId,
        source: fc.oneof({ weight: 5, arbitrary: prompts }, { weight: 1, arbitrary: oddString }, { weight: 1, arbitrary: fc.constantFrom('use ../outside/secret.csv', `use ${outsideFile}`) }),
        dataset: fc.oneof(fc.constant(undefined), fc.constantFrom('d', 'nope', '')),
        outputs: fc.option(fc.array(fc.array(outputItem, { maxLength: 3 }), { maxLength: 2 }), { nil: undefined }),
        provenance: fc.option(fc.array(provenanceRecord, { maxLength: 2 }), { nil: undefined }),
        decision: fc.option(decision, { nil: undefined }),
      },
      { requiredKeys: ['id', 'source'] },
    )
    .map((c) => {
      const parts: Tagged<unknown>[] = [...(c.outputs?.flat() ?? []), ...(c.provenance ?? []), ...(c.decision ? [c.decision] : [])];
      if (/outside/.test(String(c.source)) || String(c.source).startsWith(`use ${outsideFile}`)) parts.push(tagged(null, 'outside-path'));
      const inferra = c.provenance || c.decision ? { provenance: c.provenance?.map((p) => p.value), decision: c.decision?.value } : undefined;
      return merge(parts, {
        id: c.id,
        kind: 'ask',
        source: c.source,
        ...(c.dataset !== undefined ? { dataset: c.dataset } : {}),
        ...(c.outputs ? { outputs: c.outputs.map((items) => ({ items: items.map((i) => i.value) })) } : {}),
        ...(inferra ? { inferra } : {}),
      });
    });
  const markdown = fc.record({ id: cellId, source: oddString }).map((c) => tagged({ id: c.id, kind: 'markdown', source: c.source }));
  const broken = fc
    .constantFrom({ id: 'z', kind: 'code', source: 'print(1)' }, { id: 'z', kind: 'ask' }, { kind: 'ask', source: 'x' }, { id: 'z', kind: 'ask', source: 5 }, 'cell', null, [])
    .map((c) => tagged(c, 'bad-cell'));
  if (strict) return fc.oneof({ weight: 4, arbitrary: ask }, { weight: 1, arbitrary: markdown });
  return fc.oneof({ weight: 6, arbitrary: ask }, { weight: 2, arbitrary: markdown }, { weight: 1, arbitrary: broken });
}

/**
 * A notebook document (as JSON text) for a case folder whose outside file is `outsideFile`: half
 * structurally valid (so that cells run, with hostile content), half broken anywhere.
 */
export function notebookText(outsideFile: string): fc.Arbitrary<Tagged<string>> {
  return fc.oneof(notebookOf(outsideFile, true), notebookOf(outsideFile, false));
}

function notebookOf(outsideFile: string, strict: boolean): fc.Arbitrary<Tagged<string>> {
  if (strict) {
    return fc
      .record({
        datasets: fc.array(datasetPath(outsideFile), { minLength: 1, maxLength: 2 }),
        cells: fc.array(cell(outsideFile, true), { minLength: 1, maxLength: 3 }),
      })
      .map(({ datasets, cells }) => {
        // Unique cell ids (a repeated id is a broken notebook, covered by the other half).
        const list = cells.map((c, i) => ({ ...c, value: { ...(c.value as object), id: `c${i}` } }));
        const body = {
          format: 'inferra-notebook',
          version: 1,
          metadata: { title: 'Fuzz' },
          datasets: datasets.map((d, i) => ({ name: i === 0 ? 'd' : `e${i}`, path: d.value || 'd.csv' })),
          cells: list.map((c) => c.value),
        };
        return merge([...datasets, ...list], JSON.stringify(body, null, 1));
      });
  }
  const datasets = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.record({ name: fc.constantFrom('d', 'e', ''), path: datasetPath(outsideFile), sha256: sha }), { maxLength: 2 }).map((list) => merge(list.map((d) => d.path), list.map((d) => ({ name: d.name, path: d.path.value, ...(d.sha256 !== undefined ? { sha256: d.sha256 } : {}) })))) },
    { weight: 1, arbitrary: fc.constantFrom('d.csv', null, [1], [{ name: 'd' }]).map((d) => tagged(d, 'bad-datasets')) },
  );
  const top = fc.record({
    format: fc.oneof({ weight: 8, arbitrary: fc.constant('inferra-notebook') }, { weight: 1, arbitrary: fc.constantFrom('jupyter', '', 1) }),
    version: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, 2, '1', 1.5, -1, 1e300) }),
    metadata: fc.oneof(fc.constant({ title: 'Fuzz' }), fc.constantFrom({}, 'meta', { title: 5 }, { title: '<script>x</script>' })),
    datasets,
    cells: fc.oneof({ weight: 9, arbitrary: fc.array(cell(outsideFile, false), { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constantFrom('cells', null).map((c) => tagged(c, 'bad-cells')) }),
    extra: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.integer({ min: 90, max: 100_000 }).map((d) => tagged(d, 'deep-nesting')) },
      { weight: 1, arbitrary: oddString.map((s) => tagged(s, 'odd-text')) },
    ),
  });
  const document = top.map((t) => {
    const cells = Array.isArray(t.cells) ? (t.cells as Tagged<unknown>[]) : [t.cells as Tagged<unknown>];
    const parts: Tagged<unknown>[] = [t.datasets, ...cells];
    const body: Record<string, unknown> = {
      format: t.format,
      version: t.version,
      metadata: t.metadata,
      datasets: t.datasets.value,
      cells: Array.isArray(t.cells) ? cells.map((c) => c.value) : (t.cells as Tagged<unknown>).value,
    };
    let text = JSON.stringify(body, null, 1);
    if (t.extra && typeof t.extra.value === 'number') {
      // Built as text: JSON.stringify itself overflows on deep values.
      const d = t.extra.value;
      text = `${text.slice(0, -1)}, "x": ${'['.repeat(d)}${']'.repeat(d)}}`;
      parts.push(t.extra);
    } else if (t.extra) {
      text = `${text.slice(0, -1)}, "x": ${JSON.stringify(t.extra.value)}}`;
      parts.push(t.extra);
    }
    return merge(parts, text);
  });
  // Text-level damage: truncation, BOM, a stray byte.
  return fc.tuple(document, fc.constantFrom('none', 'none', 'none', 'none', 'truncate', 'bom', 'garbage')).map(([doc, damage]) => {
    if (damage === 'truncate') return tagged(doc.value.slice(0, Math.floor(doc.value.length / 2)), ...doc.tags, 'truncated');
    if (damage === 'bom') return tagged(`\uFEFF${doc.value}`, ...doc.tags);
    if (damage === 'garbage') return tagged(`${doc.value}\u0000}`, ...doc.tags, 'truncated');
    return doc;
  });
}

/**
 * Writes sample figures of penguins as 2x PNGs (a box plot and a regression plot, for slides) and
 * prints the JSON size of every figure kind on penguins and on a generated 1M-row table.
 * Run: npx tsx bench/figures/export-samples.ts [OUT_DIR]   (default /tmp/inferra-figures)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../../kernel/analyses/run.js';
import { buildFigureTask, buildFiguresForAnalysis } from '../../kernel/figures/index.js';
import { createRandom } from '../../kernel/figures/random.js';
import { writeFigurePng } from '../../kernel/report/png.js';
import { DEFAULT_OPTIONS, type AnalysisRequest, type FigureId, type Roles, type Table } from '../../kernel/types.js';
import { readPenguins } from '../../test/unit/figures/read-csv.js';

const outDir = process.argv[2] ?? '/tmp/inferra-figures';
mkdirSync(outDir, { recursive: true });
const options = { ...DEFAULT_OPTIONS };
const penguins = readPenguins();

/** Bytes of a figure's JSON. */
const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

// 1. The two PNGs: the figures of a Welch t-test and of a Pearson correlation, as a notebook cell makes them.
const welch: AnalysisRequest = { analysis: 'ttest_welch', roles: { outcome: 'flipper_length_mm', group: 'species' }, options: { ...options, levels: ['Adelie', 'Gentoo'] } };
const pearson: AnalysisRequest = { analysis: 'pearson', roles: { x: 'flipper_length_mm', y: 'body_mass_g' }, options };
for (const [name, request] of [['penguins-boxplot', welch], ['penguins-regplot', pearson]] as const) {
  const computed = runAnalysis(request as AnalysisRequest & { analysis: 'ttest_welch' | 'pearson' }, penguins);
  const [figure] = buildFiguresForAnalysis(request, penguins, computed);
  const path = join(outDir, `${name}.png`);
  const bytes = await writeFigurePng(figure, path, 2);
  console.log(`${path}: PNG ${(bytes / 1024).toFixed(1)} KB; figure JSON ${(sizeOf(figure) / 1024).toFixed(1)} KB (${figure.kind})`);
}

// 2. Figure JSON sizes for every plot-only kind, on penguins and on 1M generated rows.
const tasks: { id: FigureId; roles: Roles; large: Roles }[] = [
  { id: 'histogram', roles: { column: 'flipper_length_mm', group: 'species' }, large: { column: 'x', group: 'g' } },
  { id: 'kde', roles: { column: 'body_mass_g', group: 'species' }, large: { column: 'x', group: 'g' } },
  { id: 'qqplot', roles: { column: 'bill_length_mm', group: 'species' }, large: { column: 'x', group: 'g' } },
  { id: 'boxplot', roles: { outcome: 'body_mass_g', group: 'species' }, large: { outcome: 'y', group: 'g' } },
  { id: 'violin', roles: { outcome: 'body_mass_g', group: 'species' }, large: { outcome: 'y', group: 'g' } },
  { id: 'scatter', roles: { x: 'bill_length_mm', y: 'bill_depth_mm', color: 'species' }, large: { x: 'x', y: 'y', color: 'g' } },
  { id: 'regplot', roles: { x: 'flipper_length_mm', y: 'body_mass_g' }, large: { x: 'x', y: 'y' } },
  { id: 'bar', roles: { column: 'island', group: 'species' }, large: { column: 'c', group: 'g' } },
];

/** A 1M-row table: normal x, y = 2x + noise, 3 groups, 500 categories. */
function createLargeTable(rows = 1_000_000): Table {
  const random = createRandom(1);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = new Float64Array(rows);
  const y = new Float64Array(rows);
  const g: string[] = new Array(rows);
  const c: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i] = normal();
    y[i] = 2 * x[i] + normal();
    g[i] = ['a', 'b', 'c'][i % 3];
    c[i] = `c${Math.floor(random() * 500)}`;
  }
  return {
    rowCount: rows,
    columns: [
      { name: 'x', kind: 'numeric', values: x },
      { name: 'y', kind: 'numeric', values: y },
      { name: 'g', kind: 'categorical', values: g },
      { name: 'c', kind: 'categorical', values: c },
    ],
  };
}

const large = createLargeTable();
console.log('\nfigure        penguins JSON   1M rows JSON   1M build time');
for (const t of tasks) {
  const small = buildFigureTask({ analysis: t.id, roles: t.roles, options }, penguins).figures[0];
  const started = performance.now();
  const big = buildFigureTask({ analysis: t.id, roles: t.large, options }, large).figures[0];
  const ms = performance.now() - started;
  console.log(
    `${t.id.padEnd(12)}  ${`${(sizeOf(small) / 1024).toFixed(1)} KB`.padStart(13)}  ${`${(sizeOf(big) / 1024).toFixed(1)} KB`.padStart(13)}  ${`${ms.toFixed(0)} ms`.padStart(13)}`,
  );
}

/**
 * Data-layer benchmark: a generated 1M-row CSV (about 30 MB), load two columns + a group mean.
 * Each contender runs in its own child process, so peak RSS (process.resourceUsage().maxRSS) is its own.
 *   - inferra: kernel/data `inferSchema` + `loadTable` (DuckDB), then the group mean over the typed arrays
 *     (and, as a later notebook cell would, a second load of two other columns);
 *   - naive:   Node `readFile` + `split` parsing into arrays, then the same group mean;
 *   - duckdb-sql: one DuckDB query (parse + group mean), the floor of what DuckDB itself costs.
 * Usage: npx tsx bench/data/run.ts [rows]   (default 1,000,000)
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Measure {
  contender: string;
  loadMs: number;
  groupMeanMs: number;
  maxRssMb: number;
  rows: number;
  means: Record<string, number>;
  detail?: string;
}

/** Writes a CSV with an id, a 10-level group, a numeric outcome (some NA) and a text column. */
async function writeDataset(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 12345;
  const random = () => {
    // Park-Miller LCG: deterministic data across runs.
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('id,group,x,y,note\n');
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const group = `g${i % 10}`;
    const x = random() < 0.01 ? 'NA' : (50 + (i % 10) + random() * 20).toFixed(6);
    const y = (random() * 1000).toFixed(3);
    buffer += `${i},${group},${x},${y},note ${i % 97}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Mean of `x` per group, skipping missing values (NaN / null). */
function computeGroupMeans(groups: readonly (string | null)[], x: ArrayLike<number>): Record<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const v = x[i];
    if (g === null || Number.isNaN(v)) continue;
    const entry = sums.get(g) ?? { sum: 0, n: 0 };
    entry.sum += v;
    entry.n += 1;
    sums.set(g, entry);
  }
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([g, { sum, n }]) => [g, sum / n]));
}

async function measureInferra(path: string): Promise<Measure> {
  const { inferSchema, loadTable } = await import('../../kernel/data/index.js');
  const t0 = performance.now();
  const schema = await inferSchema(path);
  const t1 = performance.now();
  const loaded = await loadTable(path, { columns: ['group', 'x'] });
  const t2 = performance.now();
  const group = loaded.table.columns.find((c) => c.name === 'group')!;
  const x = loaded.table.columns.find((c) => c.name === 'x')!;
  if (x.kind !== 'numeric' || group.kind === 'numeric') throw new Error('unexpected kinds');
  const means = computeGroupMeans(group.values, x.values);
  const t3 = performance.now();
  // A later cell on the same dataset: the schema is cached and the rows are already in DuckDB.
  const again = await loadTable(path, { columns: ['group', 'y'] });
  const t4 = performance.now();
  if (again.table.rowCount !== loaded.table.rowCount) throw new Error('second load differs');
  return {
    contender: 'inferra (DuckDB: schema + load 2 columns)',
    loadMs: t2 - t0,
    groupMeanMs: t3 - t2,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rows: loaded.table.rowCount,
    means,
    detail: `schema ${(t1 - t0).toFixed(0)} ms (${schema.columns.length} columns), load ${(t2 - t1).toFixed(0)} ms; a later load of 2 other columns ${(t4 - t3).toFixed(0)} ms`,
  };
}

async function measureNaive(path: string): Promise<Measure> {
  const t0 = performance.now();
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const gi = header.indexOf('group');
  const xi = header.indexOf('x');
  const groups: (string | null)[] = [];
  const x: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const fields = lines[i].split(',');
    groups.push(fields[gi] === 'NA' || fields[gi] === '' ? null : fields[gi]);
    x.push(fields[xi] === 'NA' || fields[xi] === '' ? NaN : Number(fields[xi]));
  }
  const t1 = performance.now();
  const means = computeGroupMeans(groups, x);
  const t2 = performance.now();
  return {
    contender: 'naive (readFile + split)',
    loadMs: t1 - t0,
    groupMeanMs: t2 - t1,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rows: groups.length,
    means,
  };
}

/** DuckDB alone, as a floor: one SQL query parses the file and averages per group (no schema, no arrays). */
async function measureDuckDBSql(path: string): Promise<Measure> {
  const { getConnection } = await import('../../kernel/data/index.js');
  const { quotedString } = await import('@duckdb/node-api');
  const connection = await getConnection();
  const t0 = performance.now();
  const reader = await connection.runAndReadAll(
    `SELECT "group", avg(x), sum(count(x)) OVER () FROM read_csv(${quotedString(path)}, nullstr = 'NA') WHERE x IS NOT NULL GROUP BY "group" ORDER BY "group"`,
  );
  const t1 = performance.now();
  const rows = reader.getRowsJS();
  return {
    contender: 'duckdb SQL only (floor: no schema, no arrays)',
    loadMs: t1 - t0,
    groupMeanMs: 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rows: Number(rows[0]?.[2] ?? 0),
    means: Object.fromEntries(rows.map(([g, mean]) => [String(g), Number(mean)])),
    detail: 'parse + group mean in one query; the group-mean time is inside the load time',
  };
}

const contenders: Record<string, (path: string) => Promise<Measure>> = {
  inferra: measureInferra,
  naive: measureNaive,
  'duckdb-sql': measureDuckDBSql,
};

async function main(): Promise<void> {
  const [flag, name, file] = process.argv.slice(2);
  if (flag === '--child') {
    process.stdout.write(JSON.stringify(await contenders[name](file)));
    return;
  }
  const rows = Number(flag ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'inferra-bench-'));
  try {
    const path = join(dir, 'bench.csv');
    const t0 = performance.now();
    await writeDataset(path, rows);
    const size = (await stat(path)).size;
    console.log(`dataset: ${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB (written in ${(performance.now() - t0).toFixed(0)} ms)`);
    console.log(`node ${process.version}, ${process.platform}-${process.arch}`);
    const self = fileURLToPath(import.meta.url);
    const results: Measure[] = [];
    for (const name of Object.keys(contenders)) {
      const output = execFileSync(process.execPath, [...process.execArgv, self, '--child', name, path], { encoding: 'utf8', maxBuffer: 1 << 24 });
      results.push(JSON.parse(output) as Measure);
    }
    console.log('');
    console.log(`${'contender'.padEnd(48)}  load ms  group-mean ms  peak RSS MB`);
    for (const r of results) {
      console.log(`${r.contender.padEnd(48)} ${r.loadMs.toFixed(0).padStart(8)} ${r.groupMeanMs.toFixed(1).padStart(14)} ${r.maxRssMb.toFixed(0).padStart(12)}`);
      if (r.detail) console.log(`  ${r.detail}`);
    }
    // Every contender must give the same answer, or the timing means nothing. (The naive and inferra
    // rows count all rows; the SQL floor counts the non-missing x, so it is compared on the means only.)
    const [reference, ...others] = results;
    for (const other of others) {
      const worst = Math.max(...Object.keys(reference.means).map((g) => Math.abs(reference.means[g] - other.means[g]) / Math.abs(other.means[g])));
      console.log(`group means of ${reference.contender.split(' ')[0]} and ${other.contender.split(' ')[0]} agree: ${worst < 1e-12 ? 'yes' : 'NO'} (max rel. difference ${worst.toExponential(1)})`);
    }
    console.log(`rows: ${results.map((r) => `${r.contender.split(' ')[0]} ${r.rows}`).join(', ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

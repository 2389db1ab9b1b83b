// Writes a large CSV for the cancellation test (deterministic: a fixed-seed generator).
// Usage: node make-big-csv.mjs OUT.csv ROWS
import { createWriteStream } from 'node:fs';

const [out, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg || 2_000_000);
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const stream = createWriteStream(out);
stream.write('id,group,x,y\n');
const groups = ['alpha', 'beta', 'gamma', 'delta'];
let chunk = '';
for (let i = 0; i < rows; i++) {
  const x = random() * 100;
  chunk += `${i},${groups[i % 4]},${x.toFixed(4)},${(0.5 * x + random() * 20).toFixed(4)}\n`;
  if (chunk.length > 1 << 20) {
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
    chunk = '';
  }
}
stream.end(chunk);
await new Promise((r) => stream.on('finish', r));
console.error(`make-big-csv: ${rows} rows -> ${out}`);

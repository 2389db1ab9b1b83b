/**
 * Child process for cancel-duckdb.test.ts: cancels schema calls on a large CSV at the given delays
 * (while DuckDB's native code is working), then asks once more without cancelling. Prints one JSON
 * line per call. If terminating a worker aborted the process, the parent sees the signal.
 * usage: node --import tsx cancel-during-load.ts FILE.csv DELAY_MS...
 */
import { KernelWorker } from '../../../kernel/worker/host.js';
import { isInferraError } from '../../../kernel/errors.js';

const [path, ...delays] = process.argv.slice(2);
const worker = new KernelWorker({ log: (line) => process.stderr.write(`${line}\n`) });
for (const delay of delays.map(Number)) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), delay);
  const started = Date.now();
  try {
    const schema = await worker.schema(path!, { signal: controller.signal });
    console.log(JSON.stringify({ delay, outcome: 'finished', rows: schema.rows }));
  } catch (error) {
    const code = isInferraError(error) ? error.code : String(error);
    console.log(JSON.stringify({ delay, outcome: code, afterAbortMs: Date.now() - started - delay }));
  }
  clearTimeout(timer);
}
const schema = await worker.schema(path!);
console.log(JSON.stringify({ delay: null, outcome: 'finished', rows: schema.rows }));
await worker.close();

/**
 * Child process for cancel-duckdb.test.ts: cancels calls on a large CSV at chosen moments, each
 * driven by an event: `start` aborts as soon as the call is made (the worker is still loading
 * DuckDB), `n` (a number) aborts while the call's n-th DuckDB call is in flight (onDuckDBCall). Each
 * moment is tried on a 'schema' call and on a 'run' call (one-way ANOVA, which streams the columns),
 * then one call runs without cancelling. Prints one JSON line per call; then closes the worker. If
 * terminating a worker aborted the process, or the process ended before close() was done (exit 13),
 * the parent sees it.
 * usage: node --import tsx cancel-during-load.ts FILE.csv MOMENT...
 */
import { KernelWorker } from '../../../kernel/worker/host.js';
import { isInferraError } from '../../../kernel/errors.js';
import { DEFAULT_OPTIONS, type AnalysisRequest } from '../../../kernel/types.js';

const [path, ...moments] = process.argv.slice(2);
let target = Infinity;
let controller = new AbortController();
const worker = new KernelWorker({
  log: (line) => process.stderr.write(`${line}\n`),
  onDuckDBCall: (n) => {
    if (n >= target) controller.abort();
  },
});
const request: AnalysisRequest = { analysis: 'anova_oneway', roles: { outcome: 'score', group: 'group' }, options: { ...DEFAULT_OPTIONS, where: [] } };

for (const moment of moments) {
  for (const kind of ['schema', 'run'] as const) {
    controller = new AbortController();
    target = moment === 'start' ? Infinity : Number(moment);
    const call = kind === 'schema' ? worker.schema(path!, { signal: controller.signal }) : worker.run(path!, request, { signal: controller.signal });
    if (moment === 'start') controller.abort();
    try {
      await call;
      console.log(JSON.stringify({ moment, kind, outcome: 'finished' }));
    } catch (error) {
      console.log(JSON.stringify({ moment, kind, outcome: isInferraError(error) ? error.code : String(error) }));
    }
  }
}
target = Infinity;
const schema = await worker.schema(path!);
console.log(JSON.stringify({ moment: null, kind: 'schema', outcome: 'finished', rows: schema.rows }));
await worker.close();
console.log(JSON.stringify({ closed: true }));

/**
 * Latency of the rule engine: 1,000 requests (the decision suite, cycled) against their dataset
 * schemas; prints p50 / p99 / max in milliseconds. Target: p99 < 5 ms.
 * Run: npx tsx bench/decide/run.ts
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { decideWithRules } from '../../kernel/decide/rules-engine.js';
import { defaultRules } from '../../kernel/decide/rules.js';
import { loadSchemas, schemaSource } from '../../test/unit/decide/datasets.js';
import { SUITE } from '../../test/unit/decide/suite-cases.js';

const REQUESTS = 1000;

/** The q-quantile of sorted numbers (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function main(): Promise<void> {
  const schemas = await loadSchemas();
  const rules = defaultRules();
  // Warm-up: compile rules and column facts once, as a session would.
  for (let round = 0; round < 3; round++) for (const c of SUITE) decideWithRules(c.prompt, schemas[c.dataset], rules);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const c = SUITE[i % SUITE.length];
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    decideWithRules(c.prompt, schemas[c.dataset], rules);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const total = times.reduce((s, t) => s + t, 0);
  console.log(`decide bench: ${REQUESTS} requests (${SUITE.length} distinct, cycled), schemas from ${schemaSource}`);
  console.log(`p50 ${quantile(times, 0.5).toFixed(3)} ms  p99 ${quantile(times, 0.99).toFixed(3)} ms  max ${times[times.length - 1].toFixed(3)} ms  mean ${(total / REQUESTS).toFixed(3)} ms`);
  // On a shared, loaded machine wall time includes time the process was not scheduled; CPU time does not.
  console.log(`CPU time per request: p50 ${quantile(cpu, 0.5).toFixed(3)} ms  p99 ${quantile(cpu, 0.99).toFixed(3)} ms (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
  console.log(quantile(times, 0.99) < 5 ? 'target p99 < 5 ms (wall): met' : 'target p99 < 5 ms (wall): NOT met');
}

await main();

/** Shared inputs for the provenance tests: a plausible Welch t-test run on ToothGrowth. */
import { buildRecord, type BuildRecordInput } from '../../../kernel/provenance/build.js';
import type { ProvenanceRecord } from '../../../kernel/provenance/record.js';
import { DEFAULT_OPTIONS } from '../../../kernel/types.js';

/** A result JSON in CONTRACT.md's shape (numbers are illustrative, not a reference). */
export function sampleResultJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    status: 'ok',
    analysis: 'ttest_welch',
    roles: { outcome: 'len', group: 'supp' },
    n: 60,
    n_missing: 0,
    result: {
      statistic: 1.91526826869527,
      df: 55.3094009747465,
      p_value: 0.0606345078732294,
      estimate: 3.7,
      ci_low: -0.171015743113,
      ci_high: 7.571015743113,
      ...overrides,
    },
    assumptions: [{ check: 'shapiro_wilk', target: 'len | supp=OJ', statistic: 0.9178, p_value: 0.02359, ok: false }],
    summary: 't(55.31) = 1.92, p = .061',
    warnings: [],
    figures: [{ kind: 'boxplot', vegaLite: { mark: 'boxplot', data: { values: [{ supp: 'OJ', len: 20.66 }] } } }],
  };
}

/** Inputs of buildRecord for one run of cell `cellId`. */
export function sampleInput(cellId = 'c1', previous: ProvenanceRecord | null = null, resultJson: unknown = sampleResultJson()): BuildRecordInput {
  return {
    cellId,
    startedAt: '2026-11-22T02:40:00.000Z',
    endedAt: '2026-11-22T02:40:00.125Z',
    status: 'ok',
    datasets: [
      {
        name: 'ToothGrowth.csv',
        path: 'data/ToothGrowth.csv',
        use: { sha256: 'a'.repeat(64), tableHash: 'b'.repeat(64), rows: 60, rowsUsed: 60, columns: ['len', 'supp'] },
      },
    ],
    plan: {
      source: 'rules',
      ruleId: 'two-group-difference',
      rulesetVersion: '1',
      analysis: 'ttest_welch',
      roles: { outcome: 'len', group: 'supp' },
      options: { ...DEFAULT_OPTIONS },
      confidence: 0.92,
    },
    environment: { inferra: '0.1.0', stdlib_stats: '0.4.1', duckdb: '1.5.6-r.1', node: '20.20.2', platform: 'linux-x64' },
    seed: 42,
    resultJson,
    figures: [{ kind: 'boxplot', vegaLite: { mark: 'boxplot' } }],
    previous,
  };
}

/** A chain of `n` records for one cell. */
export function sampleChain(n: number, cellId = 'c1'): ProvenanceRecord[] {
  const chain: ProvenanceRecord[] = [];
  for (let i = 0; i < n; i++) chain.push(buildRecord(sampleInput(cellId, chain[i - 1] ?? null, sampleResultJson({ estimate: 3.7 + i }))));
  return chain;
}

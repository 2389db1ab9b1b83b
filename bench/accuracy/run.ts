/**
 * Prints the accuracy table: dataset, quantity, certified value, ours, LRE (and the LRE we promise).
 * Run: npx tsx bench/accuracy/run.ts
 */
import { scoreAll, type AccuracyRow } from './cases.js';

/** Formats the rows as a fixed-width table with a summary line. */
function formatTable(rows: AccuracyRow[]): string {
  const head = ['dataset', 'quantity', 'certified', 'ours', 'LRE', 'required'];
  const cells = rows.map((r) => [
    r.dataset,
    r.quantity,
    r.certified.toPrecision(15),
    r.ours.toPrecision(15),
    r.lre.toFixed(1),
    r.required === null ? '-' : `>= ${r.required}`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j].length)));
  const line = (c: string[]) => c.map((v, j) => (j >= 2 ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('  ');
  const failed = rows.filter((r) => r.required !== null && r.lre < r.required);
  const required = rows.filter((r) => r.required !== null);
  const minRequired = Math.min(...required.map((r) => r.lre));
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    `${rows.length} quantities; ${required.length} with a required LRE, lowest ${minRequired.toFixed(1)}; ${failed.length} below requirement.`,
  ].join('\n');
}

const rows = scoreAll();
console.log(formatTable(rows));
process.exitCode = rows.some((r) => r.required !== null && r.lre < r.required) ? 1 : 0;

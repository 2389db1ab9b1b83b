/**
 * `inferra verify NB.inferra`: printing the per-cell verdicts (`formatVerifyReport`, one line per
 * cell) and the exit code (`verifyExitCode`). The session builds the verdicts
 * (kernel/provenance/verify-cell.ts).
 */
import type { VerifyEdit, VerifyRow, VerifyStatus } from '../kernel/api.js';

export { buildVerifyRow, checkStoredCell, type ProvenanceCell, type VerifyEdit, type VerifyRow } from '../kernel/api.js';

/** Most differences listed under one cell. */
const MAX_DIFFERENCES_SHOWN = 10;

/** 0 when nothing diverged (cells never run do not count), 1 when any cell diverged, was edited, used changed data or has a broken chain. */
export function verifyExitCode(rows: readonly VerifyRow[]): 0 | 1 {
  return rows.some((r) => r.status === 'diverged' || r.status === 'edited' || r.status === 'data-changed' || !r.chainOk) ? 1 : 0;
}

/** Words for an edit. */
const CHANGE_WORDS: Record<VerifyEdit['change'], string> = {
  changed: 'changed after the run',
  added: 'added after the run',
  removed: 'removed after the run',
};

/**
 * The report: one line per cell (`reproduced` / `diverged` / `edited` / `not-run` / `data-changed`),
 * the differences under it, a total. `edited`: what a reader sees (cell text, results, text,
 * figures, pinned decision) is not what the recorded run produced.
 */
export function formatVerifyReport(rows: readonly VerifyRow[]): string {
  const lines: string[] = [];
  const width = Math.max(0, ...rows.map((r) => r.cellId.length));
  for (const row of rows) {
    lines.push(`${row.status.padEnd(12)} ${row.cellId.padEnd(width)}  ${quoteSource(row.source)}${row.bound ? '' : '  (unbound)'}`);
    if (!row.chainOk) lines.push(`    provenance chain broken at record ${(row.chainBrokenAt ?? 0) + 1}: the stored history was edited`);
    if (row.status === 'edited') {
      lines.push('    what the notebook shows is not what the recorded run produced (not re-run):');
      for (const e of row.edits.slice(0, MAX_DIFFERENCES_SHOWN)) lines.push(`    ${e.path} (${e.label}): ${CHANGE_WORDS[e.change]}`);
      if (row.edits.length > MAX_DIFFERENCES_SHOWN) lines.push(`    ... and ${row.edits.length - MAX_DIFFERENCES_SHOWN} more`);
    } else {
      for (const d of row.differences.slice(0, MAX_DIFFERENCES_SHOWN)) {
        lines.push(`    ${d.path}: ${formatValue(d.stored)} -> ${formatValue(d.now)}`);
      }
      if (row.differences.length > MAX_DIFFERENCES_SHOWN) lines.push(`    ... and ${row.differences.length - MAX_DIFFERENCES_SHOWN} more`);
    }
  }
  const count = (s: VerifyStatus) => rows.filter((r) => r.status === s).length;
  const broken = rows.filter((r) => !r.chainOk).length;
  const unbound = rows.filter((r) => !r.bound).length;
  lines.push(
    `${rows.length} cell${rows.length === 1 ? '' : 's'}: ${count('reproduced')} reproduced, ${count('diverged')} diverged, ` +
      `${count('data-changed')} data changed, ${count('not-run')} not run${broken ? `, ${broken} with a broken chain` : ''}` +
      `${count('edited') ? `, ${count('edited')} edited` : ''}${unbound ? `, ${unbound} unbound` : ''}`,
  );
  if (unbound) {
    lines.push(
      'unbound: these records were written by an older Inferra and do not bind the cell text or the shown outputs ' +
        '(only the stored result and figures were checked); run the cells again to bind them.',
    );
  }
  return `${lines.join('\n')}\n`;
}


function quoteSource(source: string): string {
  const oneLine = source.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine);
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

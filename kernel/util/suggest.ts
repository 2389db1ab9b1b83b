/** Suggestions for mistyped names ("Did you mean 'len'?"). */

/**
 * Edit distance between two strings: insertions, deletions, substitutions, and a swap of two
 * neighbouring letters as one edit (optimal string alignment), since "lenght" is one typo, not two.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: before the previous, the previous and the current row of the table.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Lower case, with `_`, `.`, `-` and runs of spaces folded to one space. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_.\-\s]+/g, ' ').trim();
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible typo (distance at most a
 * third of the longer name, and at least 1), or a case/separator variant of it.
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const target = normalizeName(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(target, normalizeName(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(target.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

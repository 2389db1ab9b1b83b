/**
 * Adjusted p-values for a family of tests, with the methods and conventions of R's `p.adjust`
 * (our own code): Holm's step-down, Bonferroni, Benjamini-Hochberg, or none. Adjusted p-values
 * never exceed 1 and keep the monotonicity of the step procedures.
 */

/** The adjustment methods offered (`--p-adjust`). */
export const P_ADJUST_METHODS = ['holm', 'bonferroni', 'BH', 'none'] as const;

/** One adjustment method. */
export type PAdjustMethod = (typeof P_ADJUST_METHODS)[number];

/** The method's name for sentences and notes. */
export const P_ADJUST_NAMES: Record<PAdjustMethod, string> = {
  holm: "Holm's step-down adjustment",
  bonferroni: 'Bonferroni adjustment',
  BH: 'Benjamini-Hochberg false discovery rate adjustment',
  none: 'no adjustment',
};

/** The p-values adjusted for the whole family, in the input's order. */
export function adjustPValues(p: readonly number[], method: PAdjustMethod): number[] {
  const m = p.length;
  if (method === 'none' || m <= 1) return [...p];
  if (method === 'bonferroni') return p.map((v) => Math.min(1, v * m));
  const order = Array.from({ length: m }, (_, i) => i);
  const out = new Array<number>(m);
  if (method === 'holm') {
    // Ascending: p_(i) * (m - i + 1), running maximum, capped at 1.
    order.sort((a, b) => p[a] - p[b]);
    let running = 0;
    order.forEach((idx, i) => {
      running = Math.max(running, (m - i) * p[idx]);
      out[idx] = Math.min(1, running);
    });
    return out;
  }
  // BH, descending: p_(i) * m / i, running minimum, capped at 1.
  order.sort((a, b) => p[b] - p[a]);
  let running = Infinity;
  order.forEach((idx, j) => {
    const i = m - j;
    running = Math.min(running, (m / i) * p[idx]);
    out[idx] = Math.min(1, running);
  });
  return out;
}

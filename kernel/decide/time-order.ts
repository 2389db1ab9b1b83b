/**
 * The time order two column names state: "Prewt" before "Postwt", "pretest.1" before "post.test.1",
 * "weight_baseline" before "weight_final", "week1" before "week2" (not "drug1", "drug2"). A pair is ordered only when the
 * names differ by their time word alone.
 */

const EARLY = /^(pre|before|baseline|initial|start|first)/;
const LATE = /^(post|after|followup|follow|final|end|second)/;

/** A name as its time rank (0 early, 1 late, or its number) and the rest of the name. */
function timeKey(name: string): { rank: number; rest: string } | undefined {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const joined = words.join('');
  const number = /^(.*?)(\d+)$/.exec(joined);
  if (number && number[1].length > 0) {
    const inner = timeKey(number[1]);
    if (inner) return inner;
    // A number counts time only after a time word (week1, visit2); drug1/drug2 are conditions.
    const timed = /(time|t|week|day|visit|month|year|wave|session|hour)$/.exec(number[1]);
    return timed ? { rank: Number(number[2]), rest: number[1] } : undefined;
  }
  for (const [pattern, rank] of [[EARLY, 0], [LATE, 1]] as const) {
    const m = pattern.exec(joined);
    if (m) return { rank, rest: joined.slice(m[0].length) };
    for (const w of words) {
      if (pattern.test(w) && pattern.exec(w)?.[0] === w) return { rank, rest: words.filter((x) => x !== w).join('') };
    }
  }
  return undefined;
}

/** True when `a` comes before `b` by their names, false when after, undefined when the names say nothing. */
export function isEarlierByName(a: string, b: string): boolean | undefined {
  const x = timeKey(a);
  const y = timeKey(b);
  if (!x || !y || x.rest !== y.rest || x.rank === y.rank) return undefined;
  return x.rank < y.rank;
}

/**
 * Levels written as bounds, named as people say them: Age = "<25" / ">35" for "drivers under 25" /
 * "older than 35", Group = "<1l" / ">2l" for "the under-1-litre group" / "the 2+ litre group". A level
 * is a bound when it is "<", ">", "<=" or ">=" before a number, or a number before "+", with an optional
 * unit after it; the request names it by a word of that side right before the same number ("under",
 * "below", "less than", "younger than", "<"; "over", "above", "more than", "older than", ">"), or by the
 * number followed by "+", and by the unit's first letters when the level has one ("litre" for l).
 * A comparative read this way is the level's name, not a direction (context.ts).
 */
import type { ColumnInfo } from './columns.js';
import { isContentToken, type Token } from './text.js';

/** One level that is a bound, parsed. */
interface Bound {
  column: ColumnInfo;
  level: string;
  side: '<' | '>';
  value: number;
  unit: string;
}

/** Words before a number that put it as an upper or a lower bound (closed-class words, not a vocabulary). */
const BELOW = /^(under|below|beneath|less|fewer|younger|smaller|lighter|shorter|lower)$/;
const ABOVE = /^(over|above|more|greater|older|larger|bigger|heavier|longer|higher)$/;

const cache = new WeakMap<readonly ColumnInfo[], Bound[]>();

function boundsOf(columns: readonly ColumnInfo[]): Bound[] {
  const hit = cache.get(columns);
  if (hit) return hit;
  const out: Bound[] = [];
  for (const column of columns) {
    if (!column.factor) continue;
    for (const level of column.levels) {
      const lead = /^\s*(<=?|>=?)\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(level);
      const plus = /^\s*(\d+(?:\.\d+)?)\s*\+\s*([a-z]*)\s*$/i.exec(level);
      if (lead) out.push({ column, level, side: lead[1][0] as '<' | '>', value: Number(lead[2]), unit: lead[3].toLowerCase() });
      else if (plus) out.push({ column, level, side: '>', value: Number(plus[1]), unit: plus[2].toLowerCase() });
    }
  }
  cache.set(columns, out);
  return out;
}

/** Stretches of the request that name a bound level: the side word (or "N+"), the number and its unit. */
export function boundLevelHits(tokens: readonly Token[], columns: readonly ColumnInfo[]): { start: number; end: number; column: string; level: string }[] {
  const bounds = boundsOf(columns);
  if (bounds.length === 0) return [];
  const out: { start: number; end: number; column: string; level: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i];
    if (n.kind !== 'number' || n.percent) continue;
    const side = sideBefore(tokens, i) ?? (n.plus ? ('>' as const) : undefined);
    if (!side) continue;
    const start = n.plus && !sideBefore(tokens, i) ? i : startOfSide(tokens, i);
    for (const b of bounds) {
      if (b.side !== side || b.value !== n.value) continue;
      const unit = tokens[i + 1];
      const unitSaid = b.unit !== '' && unit?.kind === 'word' && unit.text.startsWith(b.unit);
      // A level with a unit is named with its unit, or with none at all ("the 2+ group", "under 1,"): a
      // word of another unit ("under 1 tonne") is another quantity.
      if (b.unit !== '' && !unitSaid && unit?.kind === 'word' && isContentToken(unit) && !columns.some((c) => c.words.includes(unit.stem))) continue;
      out.push({ start, end: unitSaid ? i + 2 : i + 1, column: b.column.name, level: b.level });
    }
  }
  return out;
}

/** The side of a bound said right before the number at `i` ("under 25", "more than 35", "> 2"). */
function sideBefore(tokens: readonly Token[], i: number): '<' | '>' | undefined {
  const prev = tokens[i - 1];
  if (!prev) return undefined;
  if (prev.kind === 'symbol' && (prev.text === '<' || prev.text === '>')) return prev.text;
  const word = prev.text === 'than' ? tokens[i - 2] : prev;
  if (!word || word.kind !== 'word') return undefined;
  // "more than" / "older than" need "than"; "under", "over", "below", "above" stand alone.
  if (prev.text !== 'than' && !/^(under|below|beneath|over|above)$/.test(word.text)) return undefined;
  if (BELOW.test(word.text)) return '<';
  if (ABOVE.test(word.text)) return '>';
  return undefined;
}

function startOfSide(tokens: readonly Token[], i: number): number {
  return tokens[i - 1]?.text === 'than' ? i - 2 : i - 1;
}

/**
 * A value written right after a column's name is one of that column's values ("age 25", "aged five"):
 * when it lies outside every value the column holds ("children aged five or younger" on a table whose
 * `age` runs 30..60), the words do not name that column. The mention is dropped and its words stand
 * where a variable would, naming nothing (the request then asks, with the columns that could be meant).
 */
import type { RequestContext } from './context.js';

/** Number words up to twenty, as people write small values. */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** The request read again without the mentions whose stated value the column cannot hold. */
export function withoutImpossibleValues(ctx: RequestContext): RequestContext {
  const dropped = new Set<number>();
  for (const m of ctx.mentions) {
    if (m.via !== 'name') continue;
    const info = ctx.columns.find((c) => c.name === m.column);
    const summary = info?.schema.summary;
    if (!info || !summary || !info.numeric || info.factor) continue;
    const next = ctx.tokens[m.end];
    const value = next?.kind === 'number' && !next.percent ? next.value : next?.kind === 'word' ? NUMBER_WORDS.indexOf(next.text) : -1;
    if (value === undefined || value < 0 || (value >= summary.min && value <= summary.max)) continue;
    dropped.add(m.start);
  }
  if (dropped.size === 0) return ctx;
  const gone = ctx.mentions.filter((m) => dropped.has(m.start));
  // The column named plainly elsewhere ("age" itself, not "younger") stays: then the value is only a test value.
  const columns = new Set(gone.map((m) => m.column).filter((c) => !ctx.mentions.some((m) => m.column === c && m.via === 'name' && !dropped.has(m.start) && m.score >= 0.95)));
  if (columns.size === 0) return ctx;
  const mentions = ctx.mentions.filter((m) => !columns.has(m.column));
  const mentioned = ctx.mentioned.filter((m) => !columns.has(m.info.name));
  const unknownWords = [...ctx.unknownWords];
  for (const m of gone) if (columns.has(m.column)) unknownWords.push({ word: `${m.text} ${ctx.tokens[m.end].raw}`, index: m.start, closest: [], rolePosition: true });
  return { ...ctx, mentions, mentioned, unknownWords };
}

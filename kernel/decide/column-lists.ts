/**
 * Ranges of columns as people write them: "post.1 through post.5", "Y1 to Y3", "x1-x4", "q1 … q9" name
 * every column from the first to the last in the dataset's order. Read only where a list is asked for
 * (a describe), so "change from pre to post" stays a pair.
 */
import type { MentionedColumn, RequestContext } from './context.js';
import type { Token } from './text.js';

/** Words that join the two ends of a range. */
const RANGE_WORDS = /^(through|thru|to|till|until)$/;

/** The mentioned columns with the columns between the ends of each range added, in the dataset's order. */
export function withColumnRanges(ctx: RequestContext, mentioned: readonly MentionedColumn[]): MentionedColumn[] {
  const byName = ctx.mentions.filter((m) => m.via === 'name').sort((a, b) => a.start - b.start);
  const order = ctx.columns.map((c) => c.name);
  const out = [...mentioned];
  for (let k = 0; k + 1 < byName.length; k++) {
    const [from, to] = [byName[k], byName[k + 1]];
    const gap = ctx.tokens.slice(from.end, to.start);
    const joined = (gap.length === 1 && RANGE_WORDS.test(gap[0].text)) || (gap.length === 0 && ctx.tokens[to.start]?.ranged === true);
    // "from A to B" is a change between two columns, not a range.
    if (!joined || ctx.tokens[from.start - 1]?.text === 'from') continue;
    const [i, j] = [order.indexOf(from.column), order.indexOf(to.column)];
    if (i < 0 || j <= i + 1) continue;
    for (let c = i + 1; c < j; c++) {
      const info = ctx.columns[c];
      if (out.some((m) => m.info.name === info.name)) continue;
      out.push({ info, position: from.end, byName: true, levelsNamed: [], hints: new Set(), score: Math.min(from.score, to.score), texts: [], synthetic: true });
    }
  }
  return out.sort((a, b) => a.position - b.position || order.indexOf(a.info.name) - order.indexOf(b.info.name));
}

/** Words that may stand between the columns of a list ("rank and years", "age, sex or region"). */
const LIST_GLUE = /^(the|its|their|and|or|plus)$/;

/** The columns listed from token `start` on ("controlling for citizenship and age, ..."), in order. */
export function listedAt(mentioned: readonly MentionedColumn[], tokens: readonly Token[], start: number): MentionedColumn[] {
  const out: MentionedColumn[] = [];
  let i = start;
  for (;;) {
    while (i < tokens.length && LIST_GLUE.test(tokens[i].text)) i++;
    const m = mentioned.find((x) => x.byName && !out.includes(x) && [x.position, ...(x.positions ?? [])].includes(i));
    if (!m) return out;
    out.push(m);
    i += m.texts[0]?.split(' ').length ?? 1;
  }
}

/**
 * Words that describe another column rather than name a role of their own (issue #16):
 * - a grouping column's name right before a measurement's name, in a noun phrase ("the litter weights",
 *   "compare litter weights between mothers"): the measurement of those units, not a grouping by litter,
 *   unless the request groups by it elsewhere ("by litter", "across litters");
 * - a level read only through an abbreviation ("control" for CON) where the words describe another
 *   column: after "<grouping column> of" ("nation of control") or as the tail of a hyphenated word
 *   whose head is a level of another column ("US-controlled"), or right after a measurement's name
 *   ("barium content");
 * - a level that fits several columns, said right after one of them is named ("mothers of genotype A"),
 *   is that column's;
 * - a word read only through letters picked out of it, right before a column named in full ("accident
 *   rate" with `adt` and `rate`), is the compound's modifier, not a column of its own.
 * Every stretch stays read (no unknown word); only its role is dropped.
 */
import type { ColumnInfo, Mention } from './columns.js';
import { isContentToken, type Token } from './text.js';

/** Words before a noun phrase that make "A B" a phrase rather than a terse list of two columns. */
const PHRASE_START = /^(the|a|an|its|their|his|her|our|of|compare|compares|comparing)$/;

/** A level read exactly (as written, or through a stem) rather than through an abbreviation. */
const EXACT_LEVEL = 0.9;

export function withoutQualifyingNames(mentions: readonly Mention[], columns: readonly ColumnInfo[], tokens: readonly Token[]): Mention[] {
  const info = (name: string) => columns.find((c) => c.name === name);
  const drop = new Set<Mention>();
  for (const m of mentions) {
    const c = info(m.column);
    if (!c) continue;
    if (m.via === 'name' && m.end - m.start === 1 && c.factor && !c.numeric && measureNoun(m, mentions, tokens, info)) {
      // Grouped by elsewhere ("litter weights by litter"): the column keeps its role.
      if (!mentions.some((o) => o !== m && o.column === m.column && o.via === 'name')) drop.add(m);
    }
    if (m.via === 'level' && m.score < EXACT_LEVEL && m.end - m.start === 1 && describesOther(m, mentions, tokens, info)) drop.add(m);
    if (modifiesHeadNamedInFull(m, mentions, tokens)) drop.add(m);
  }
  const kept = drop.size === 0 ? [...mentions] : mentions.filter((m) => !drop.has(m));
  return kept.map((m) => levelOfColumnBefore(m, kept, tokens, info) ?? m);
}

/** A one-word name read only through letters picked out of the word ("accident" for adt). */
const PICKED_LETTERS = 0.8;

/**
 * "accident rate" with `adt` and `rate`: the first word of a noun compound, read only through letters
 * picked out of it, right before a column named in full (no comma, no tie) is the head's modifier, not
 * a column of its own; the head names the variable. A modifier named well ("weight gain" with `weight`,
 * a prefix such as "educ") is left to the other principles.
 */
function modifiesHeadNamedInFull(m: Mention, mentions: readonly Mention[], tokens: readonly Token[]): boolean {
  if (m.via !== 'name' || m.end - m.start !== 1 || m.score > PICKED_LETTERS) return false;
  const next = tokens[m.end];
  if (!next || next.listed || next.ranged) return false;
  return mentions.some((o) => o.via === 'name' && o.start === m.end && o.column !== m.column && o.score >= 0.95 && o.tiedWith.length === 0);
}

/**
 * "mothers of genotype A" with levels A in Litter and Mother: a level that fits several columns, said
 * right after one of them is named ("<name> A", "<name> of A", "<name> of <word> A"), is that column's.
 */
function levelOfColumnBefore(m: Mention, mentions: readonly Mention[], tokens: readonly Token[], info: (name: string) => ColumnInfo | undefined): Mention | undefined {
  if (m.via !== 'level' || m.tiedWith.length === 0) return undefined;
  const fits = [m.column, ...m.tiedWith];
  const owner = mentions.find((o) => {
    if (o.via !== 'name' || o.tiedWith.length > 0 || !fits.includes(o.column) || o.end > m.start) return false;
    const between = tokens.slice(o.end, m.start);
    if (between.length === 0) return true;
    if (between[0].text !== 'of' || between.length > 2) return false;
    return between.slice(1).every((t) => t.kind === 'word' && !mentions.some((x) => x.start <= t.index && t.index < x.end));
  });
  const c = owner && info(owner.column);
  const level = c?.levels.find((l) => l === m.level);
  return c && level !== undefined ? { ...m, column: c.name, level, tiedWith: [] } : undefined;
}

/** "the litter weights": a singular grouping name right before a measurement's name said in the plural, or after an article. */
function measureNoun(m: Mention, mentions: readonly Mention[], tokens: readonly Token[], info: (name: string) => ColumnInfo | undefined): boolean {
  const t = tokens[m.start];
  if (t.text !== t.stem) return false;
  const head = mentions.find((o) => o.via === 'name' && o.start === m.end && o.column !== m.column && o.tiedWith.length === 0);
  const h = head && info(head.column);
  if (!head || !h || !h.numeric || h.factor) return false;
  const last = tokens[head.end - 1];
  const before = tokens[m.start - 1];
  // "a gender pay gap": a compound that goes on names the contrast of the groups, not the measurement of units.
  const after = tokens[head.end];
  if (after !== undefined && after.kind === 'word' && isContentToken(after) && !mentions.some((o) => o.start === head.end)) return false;
  return (last.text !== last.stem && !h.words.includes(last.text)) || (before !== undefined && PHRASE_START.test(before.text));
}

/** "nation of control", "US-controlled": words that describe another column, not a level of their own. */
function describesOther(m: Mention, mentions: readonly Mention[], tokens: readonly Token[], info: (name: string) => ColumnInfo | undefined): boolean {
  const of = tokens[m.start - 1];
  if (of?.text === 'of') {
    const owner = mentions.find((o) => o.via === 'name' && o.end === m.start - 1 && o.column !== m.column);
    if (owner && info(owner.column)?.factor) return true;
  }
  const measured = mentions.find((o) => o.via === 'name' && o.end === m.start && o.column !== m.column);
  if (measured && info(measured.column)?.numeric && !info(measured.column)?.factor) return true;
  if (tokens[m.start].ranged === true) {
    const head = mentions.find((o) => o.via === 'level' && o.end === m.start && o.column !== m.column);
    if (head) return true;
  }
  return false;
}

/**
 * A row left out by its name: "leaving out Knock Hill", "excluding Ben Nevis" with a column of race
 * names. The schema keeps no values of an identifier column, so the name is read as that column's value
 * only when:
 * - it is a run of words in capitals that nothing else reads, right after an exclusion ("leaving out",
 *   "excluding", "except", "other than", "apart from");
 * - the table has exactly one identifier column of text (one name per row).
 * With no such column (or several), the words stay unknown and the request asks (context.ts marks a
 * word after an exclusion as standing where a variable would).
 */
import type { ColumnInfo, Mention } from './columns.js';
import type { Token } from './text.js';

/** An exclusion just before a word (the phrase, as lower-case words joined by spaces). */
export const EXCLUSION_BEFORE = /\b(excluding|except|excepting|omitting|(leaving|leave|left) out|other than|apart from)( the| all)?$/;

/** Whether an exclusion phrase ends right before token `index`. */
export function afterExclusion(tokens: readonly Token[], index: number): boolean {
  return index > 0 && EXCLUSION_BEFORE.test(tokens.slice(Math.max(0, index - 3), index).map((t) => t.text).join(' '));
}

/** Mentions of an identifier column's value named after an exclusion (via level, the words as written). */
export function excludedRowMentions(tokens: readonly Token[], isFree: (index: number) => boolean, columns: readonly ColumnInfo[]): Mention[] {
  const names = columns.filter((c) => c.schema.kind === 'id' && /CHAR|TEXT|STRING/i.test(c.schema.storageType));
  if (names.length !== 1) return [];
  const out: Mention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (!isCapitalisedWord(tokens[i]) || !isFree(i) || !afterExclusion(tokens, i)) continue;
    let end = i + 1;
    while (end < tokens.length && isFree(end) && isCapitalisedWord(tokens[end]) && !tokens[end].listed) end++;
    const text = tokens.slice(i, end).map((t) => t.raw).join(' ');
    out.push({ start: i, end, text, column: names[0].name, score: 0.8, via: 'level', level: text, tiedWith: [] });
    i = end - 1;
  }
  return out;
}

function isCapitalisedWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && /^[A-Z]/.test(t.raw);
}

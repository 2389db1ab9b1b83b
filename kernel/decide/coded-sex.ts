/**
 * "male and female patients" with a sex column coded 0/1 (or 1/2): the words name both values, and the
 * data do not say which code is which, so they name the column (a comparison between the sexes), never
 * one code. Read only for a pair joined by "and", "or", "vs" that covers both sexes, and only when one
 * two-valued column named sex or gender holds number codes (letters and words are read as levels by
 * level-words.ts).
 */
import type { ColumnInfo, Mention } from './columns.js';
import type { Token } from './text.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['male', 'female'],
  ['males', 'females'],
  ['men', 'women'],
  ['man', 'woman'],
  ['boys', 'girls'],
];

/** Name mentions of a number-coded sex column by a pair of sex words ("male and female") that nothing else has read. */
export function codedSexMentions(tokens: readonly Token[], free: (index: number) => boolean, columns: readonly ColumnInfo[]): Mention[] {
  const coded = columns.filter((c) => /^(sex|gender)$/i.test(c.name) && c.levels.length === 2 && c.levels.every((l) => /^\d+$/.test(l)));
  if (coded.length !== 1) return [];
  const out: Mention[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, joiner, b] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!free(i) || !free(i + 2)) continue;
    if (!/^(and|or|vs|versus)$/.test(joiner.text)) continue;
    if (!PAIRS.some(([x, y]) => (a.text === x && b.text === y) || (a.text === y && b.text === x))) continue;
    out.push({ start: i, end: i + 3, text: `${a.raw} ${joiner.raw} ${b.raw}`, column: coded[0].name, score: 0.9, via: 'name', tiedWith: [] });
  }
  return out;
}

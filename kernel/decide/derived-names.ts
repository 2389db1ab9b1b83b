/**
 * A column named as a derived copy of a variable (issue #16): `lag.quarterly.revenue` is last quarter's
 * revenue, `log_income` the log of income. A word that names only the variable ("revenue") matches such
 * a column by part of its name, but it does not say the derivation; where the schema holds the
 * variable itself under the name of the response by convention (`y` in freeny: revenue is y), the
 * word is not read as the copy. It is then a word that names nothing (only-column.ts reads it as the
 * response where a measurement stands, or the request asks), never the lagged copy silently. The
 * derivation words are `words.derivedNames` in rules/lexicon.json; said in the request ("the lagged
 * revenue", "log income") they make the column's name whole and the copy is meant.
 */
import type { ColumnInfo, Mention } from './columns.js';
import { scoreWord, type Token } from './text.js';

/** Whether a mention names a derived copy by the variable's word alone, leaving the derivation unsaid. */
function namesCopyWithoutDerivation(m: Mention, column: ColumnInfo, tokens: readonly Token[], derived: ReadonlySet<string>): boolean {
  if (m.via !== 'name' || column.words.length < 2) return false;
  const span = tokens.slice(m.start, m.end);
  const said = (w: string) => span.some((t) => scoreWord(t, w, true) >= 0.8);
  const unsaid = column.words.filter((w) => !said(w));
  return unsaid.some((w) => derived.has(w)) && column.words.some((w) => !derived.has(w) && said(w));
}

/**
 * The mentions without those that read a variable's word as its derived copy, when the schema has a
 * numeric column named as the response by convention that the request does not name otherwise.
 */
export function withoutDerivedCopies(mentions: Mention[], columns: readonly ColumnInfo[], tokens: readonly Token[], derived: ReadonlySet<string>, responseNames: ReadonlySet<string>): Mention[] {
  const response = columns.filter((c) => c.numeric && responseNames.has(c.name.toLowerCase()));
  if (response.length !== 1 || mentions.some((m) => m.column === response[0].name)) return mentions;
  return mentions.map((m) => {
    const column = columns.find((c) => c.name === m.column);
    return column && namesCopyWithoutDerivation(m, column, tokens, derived) ? { ...m, tiedWith: [...m.tiedWith, response[0].name] } : m;
  });
}

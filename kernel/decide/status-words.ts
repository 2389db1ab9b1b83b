/**
 * A status named by a word the data do not hold: "diabetic women", "with and without diabetes",
 * "diabetics and non-diabetics" on a table whose only yes/no column is called `type`. Such a column
 * says "yes" or "no" of something its name does not tell; a word that names nothing else can be what
 * it records, read so (and said so in the explanation) only when:
 * - the word, in all its forms in the request, is the one word of the request left unaccounted, and
 *   one of its forms stands where a status is said ("with and without X", "non-X", "X status", "X women",
 *   "the women are X");
 * - exactly one column holds only Yes/No (or TRUE/FALSE), it is not named otherwise, and its name is a
 *   generic word (`type`, `class`, `status`, `group`: the lexicon's suffixes and role words).
 * Otherwise the word stays unknown and the request asks (reason unknown-word).
 */
import type { ColumnInfo, Mention } from './columns.js';
import type { Token } from './text.js';

const YES_NO = [
  ['yes', 'no'],
  ['true', 'false'],
];

/** Whether a column's two levels are yes/no. */
export function isYesNoColumn(column: ColumnInfo): boolean {
  if (!column.factor || column.levels.length !== 2) return false;
  const levels = column.levels.map((l) => l.toLowerCase()).sort();
  return YES_NO.some((pair) => [...pair].sort().every((v, i) => v === levels[i]));
}

/** Two words of one family ("diabetes", "diabetic", "diabetics"): the same stem, or six letters in common at the start. */
function sameFamily(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a === b || i >= 6;
}

/**
 * Where a word says who has a status: "with (and without) X", "non-X", "X status", "X women" (before a
 * word for the units), "the women are X" (a predicate ending the request), "the probability of X", and
 * the outcome of a logistic model ("logistic regression: X on ...").
 */
export function isStatusPosition(tokens: readonly Token[], i: number, people: (word: string) => boolean): boolean {
  const [prev, next] = [tokens[i - 1], tokens[i + 1]];
  if (prev && /^(with|without|non|not)$/.test(prev.text)) return true;
  // "the probability of diabetes", "the odds of relapse": a yes/no outcome.
  if (prev?.text === 'of' && /^(probability|probabilities|odds|chance|chances|risk|likelihood|prevalence|incidence)$/.test(tokens[i - 2]?.text ?? '')) return true;
  // "logistic regression: diabetes on glucose": the outcome of a logistic model is a yes/no status.
  if (next?.text === 'on' && tokens.slice(0, i).some((t) => /^(logistic|logit)$/.test(t.text))) return true;
  if (next && (next.text === 'status' || (next.kind === 'word' && people(next.text)))) return true;
  return prev !== undefined && /^(are|is|was|were|being)$/.test(prev.text) && (next === undefined || next.kind !== 'word');
}

/**
 * Mentions of the one generic yes/no column for the unaccounted word (and its "non-" form), or none.
 * `unknown` are the token indexes the request leaves unaccounted.
 */
export function readStatusMentions(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  columns: readonly ColumnInfo[],
  unknown: number[],
  generic: (word: string) => boolean,
  people: (word: string) => boolean,
): Mention[] {
  // "non" of "non-diabetics" is part of the word after it.
  unknown = unknown.filter((i) => !(/^(non|not)$/.test(tokens[i].text) && unknown.includes(i + 1)));
  if (unknown.length === 0) return [];
  const yesNo = columns.filter(isYesNoColumn);
  if (yesNo.length !== 1) return [];
  const column = yesNo[0];
  if (!column.words.every(generic) || mentions.some((m) => m.column === column.name)) return [];
  const first = tokens[unknown[0]];
  if (first.text.length < 5 || !unknown.every((i) => sameFamily(tokens[i].text, first.text))) return [];
  if (!unknown.some((i) => isStatusPosition(tokens, i, people))) return [];
  return unknown.map((i) => {
    const start = tokens[i - 1]?.text === 'non' ? i - 1 : i;
    return { start, end: i + 1, text: tokens.slice(start, i + 1).map((t) => t.raw).join(' '), column: column.name, score: 0.8, via: 'name' as const, tiedWith: [] };
  });
}

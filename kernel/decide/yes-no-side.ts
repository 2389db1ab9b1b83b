/**
 * The side of a yes/no grouping a request names by the column's own word (issue #16): "volunteers"
 * for `volunteer` (no/yes) is the volunteers, "non-volunteers" the others; "when the beaver is active"
 * for `activ` (0/1) is activ = 1; "combination classes" for `COMB` is COMB = 1. A one-sided test asked
 * in so many words then has its direction: the first side named is the one the direction word is said
 * of ("do volunteers have higher extraversion than non-volunteers?": volunteers > the others).
 */
import type { MentionedColumn } from './context.js';
import type { Token } from './text.js';

const YES = /^(yes|true|1|y|present)$/i;
const NO = /^(no|false|0|n|absent)$/i;

/** The yes and no levels of a two-level column coded yes/no, true/false, 1/0 or Y/N; undefined otherwise. */
function yesNoLevels(levels: readonly string[]): { yes: string; no: string } | undefined {
  if (levels.length !== 2) return undefined;
  const yes = levels.find((l) => YES.test(l));
  const no = levels.find((l) => NO.test(l));
  return yes !== undefined && no !== undefined ? { yes, no } : undefined;
}

/** The level meant by the first mention of a yes/no column named by its word (no level named), or undefined. */
export function namedSide(group: MentionedColumn, tokens: readonly Token[]): string | undefined {
  // "by urban", "across smoker": the column named as a grouping says no side.
  if (!group.byName || group.levelsNamed.length > 0 || group.hints.has('group')) return undefined;
  const sides = yesNoLevels(group.info.levels);
  if (!sides) return undefined;
  const before = tokens[group.position - 1]?.text ?? '';
  return /^(non|not|without|never|un)$/.test(before) ? sides.no : sides.yes;
}

/**
 * The level of a yes/no column a word says by the column's own word, with or without a negating
 * prefix: "active" / "inactive" for `activ`, "smoker" / "nonsmoker" for `smoker`; undefined otherwise.
 */
export function sideOfWord(word: string, column: { words: readonly string[]; levels: readonly string[] }): string | undefined {
  const sides = yesNoLevels(column.levels);
  if (!sides || column.words.length !== 1 || column.words[0].length < 4) return undefined;
  const root = column.words[0];
  const negated = /^(in|un|non|not)(.*)$/.exec(word);
  if (negated && negated[2].startsWith(root) && negated[2].length - root.length <= 2) return sides.no;
  return word.startsWith(root) && word.length - root.length <= 2 ? sides.yes : undefined;
}

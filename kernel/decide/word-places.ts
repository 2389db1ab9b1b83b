/**
 * Where a variable stands in a request (issue #16). A word that matches nothing in the data asks
 * (unknown-word) only where a variable would stand; these places are none:
 * - a verb of the question: before "whether" / "if" ("to assess whether", "determine if"), or a
 *   participle after a form of "be" and before a preposition ("is classified by", "were cross-fostered to");
 * - the unit of a rate's denominator after "per", right after a column named ("calories per serving",
 *   "rooms per dwelling", "policyholders per cell"); "mean per region" still asks (a grouping);
 * - qualifiers of a column's noun phrase: a run of such words right before a column named confidently
 *   and alone ("police database checks", "plasma indometacin concentration"); a qualifier that names a
 *   column or a level is read as that (columns.ts) and is never one of these words;
 * - who makes a claim: the noun phrase after an article and before a verb of claiming ("A refinery
 *   engineer claims ...", "the geneticist expects ...");
 * - the words of a sentence that sets the scene before the question ("Rat litters were cross-fostered
 *   to mothers of four genotypes. Test whether ..."), when the question names a column and has no word
 *   of its own left unaccounted.
 */
import type { Mention } from './columns.js';
import { tokenize, type Token } from './text.js';

/** Words after which a clause says what is asked ("assess whether", "determine if"). */
const COMPLEMENTIZER = /^(whether|if)$/;
const BE = /^(is|are|was|were|be|been|being)$/;
const RELATIVE = /^(who|that|which|whose|those|these)$/;
const PREPOSITION = /^(by|to|at|in|into|from|with|as|for|on|under|over|according|across|between|among|within)$/;

/** Whether the word at `index` is a verb of the question rather than a variable's name. */
export function isQuestionVerb(tokens: readonly Token[], index: number): boolean {
  const t = tokens[index];
  const next = tokens[index + 1];
  if (t.kind !== 'word') return false;
  if (next && COMPLEMENTIZER.test(next.text) && /^(to|and|or)$/.test(tokens[index - 1]?.text ?? '')) return true;
  // "cross-fostered": the first piece of a hyphenated participle is part of it.
  if (next?.ranged && next.kind === 'word' && isParticiple(tokens, index + 1, index)) return true;
  return isParticiple(tokens, index, index);
}

/** A past participle after a form of "be" (adverbs and a hyphenated first piece between) and before a preposition. */
function isParticiple(tokens: readonly Token[], index: number, first: number): boolean {
  const t = tokens[index];
  if (!/[^e]ed$|[^aeiou]en$/.test(t.text) || t.text.length < 5 || !PREPOSITION.test(tokens[index + 1]?.text ?? '')) return false;
  let k = first - 1;
  while (k >= 0 && tokens[k].kind === 'word' && /ly$/.test(tokens[k].text) && tokens[k].text.length >= 5) k--;
  // "those who are married in ...", "patients that were treated with ...": a status of the units, which restricts the rows.
  return k >= 0 && BE.test(tokens[k].text) && !RELATIVE.test(tokens[k - 1]?.text ?? '');
}

/** Statistic words: "mean per region" groups by region, it is no rate. */
const STATISTIC_BEFORE = /^(mean|means|average|averages|median|medians|total|totals|sum|count|counts)$/;

/** Whether the word at `index` is the denominator of a rate after a column named ("calories per serving"). */
export function isRateUnit(tokens: readonly Token[], index: number, mentions: readonly Mention[]): boolean {
  const per = tokens[index - 1];
  if (per?.text !== 'per' || tokens[index].kind !== 'word') return false;
  if (STATISTIC_BEFORE.test(tokens[index - 2]?.text ?? '')) return false;
  return mentions.some((m) => m.via === 'name' && m.score >= 0.8 && m.end === index - 1);
}

/**
 * Whether the word at `index` begins or continues a run of `unaccounted` words that ends right before
 * a column named confidently and without a tie ("police database checks").
 */
export function qualifiesColumn(tokens: readonly Token[], index: number, mentions: readonly Mention[], unaccounted: (i: number) => boolean, isGrouping: (column: string) => boolean = () => false): boolean {
  // A run coordinated with something else ("combined and single-grade classes") describes a value, not the column.
  let start = index;
  while (start > 0 && start > index - 3 && unaccounted(start - 1) && !tokens[start].listed) start--;
  if (/^(and|or|vs|versus|nor)$/.test(tokens[start - 1]?.text ?? '')) return false;
  for (let k = index + 1; k < tokens.length && k <= index + 3; k++) {
    const head = mentions.find((m) => m.start === k);
    // Before a grouping's name a word picks its groups ("the top layer only", "the upper slope"): a level the data may lack, no qualifier.
    if (head) return head.via === 'name' && head.score >= 0.8 && head.tiedWith.length === 0 && !isGrouping(head.column);
    if (!unaccounted(k) || tokens[k].listed) return false;
  }
  return false;
}

const DETERMINER = /^(a|an|the|our|my|one|this|that|some)$/;
const CLAIM_VERB = /^(claims|claimed|expects|expected|believes|believed|says|said|thinks|thought|suspects|suspected|argues|argued|hypothesi[sz]es|hypothesi[sz]ed|asserts|asserted|reports|reported|states|stated|predicts|maintains|insists)$/;

/** Whether the word at `index` is in the noun phrase (three words at most) of who makes a claim: "A refinery engineer claims". */
export function isClaimant(tokens: readonly Token[], index: number): boolean {
  const word = (t: Token | undefined) => t !== undefined && t.kind === 'word' && !t.listed && !DETERMINER.test(t.text) && !CLAIM_VERB.test(t.text);
  let start = index;
  while (start > 0 && index - start < 2 && word(tokens[start - 1])) start--;
  let end = index + 1;
  while (end < tokens.length && end - start < 3 && word(tokens[end]) && !tokens[end].listed) end++;
  return DETERMINER.test(tokens[start - 1]?.text ?? '') && CLAIM_VERB.test(tokens[end]?.text ?? '') && !tokens[end].listed;
}

const RESTRICTING = /^(only|exclud\w*|except\w*|omit\w*|restrict\w*|among|amongst|just|remov\w*|dropp?\w*|included|solely|exclusively)$/;
const SENTENCE_BREAK = /[.?!]\s+[A-Z]/;

/** The sentence each token is in (0, 1, ...), from the punctuation of the request. */
export function sentenceOfTokens(prompt: string, tokens: readonly Token[]): number[] {
  const sentences = prompt.split(/(?<=[.?!])\s+(?=[A-Z])/);
  const out: number[] = [];
  sentences.forEach((s, k) => {
    for (let i = tokenize(s).length; i > 0; i--) out.push(k);
  });
  return out.length === tokens.length ? out : tokens.map(() => 0);
}

/**
 * Token indexes of the sentences that set the scene before the question: every sentence before the first
 * that asks (a question mark, an analysis word or a test named), when a later sentence asks. Empty when
 * the request is one sentence or no sentence asks.
 */
export function sceneSentences(prompt: string, tokens: readonly Token[], asks: (index: number) => boolean): Set<number> {
  if (!SENTENCE_BREAK.test(prompt)) return new Set();
  const sentenceOf = sentenceOfTokens(prompt, tokens);
  const count = sentenceOf.length ? sentenceOf[sentenceOf.length - 1] + 1 : 0;
  if (count < 2) return new Set();
  const texts = prompt.split(/(?<=[.?!])\s+(?=[A-Z])/);
  let first = -1;
  for (let s = 0; s < count && first < 0; s++) if (/\?\s*$/.test(texts[s]) || tokens.some((t) => sentenceOf[t.index] === s && asks(t.index))) first = s;
  if (first <= 0) return new Set();
  // "Only smokers were included.", "Patients over 60 were excluded.": a restriction of the rows, no scene.
  if (tokens.some((t) => sentenceOf[t.index] < first && RESTRICTING.test(t.text))) return new Set();
  return new Set(tokens.filter((t) => sentenceOf[t.index] < first).map((t) => t.index));
}

/** Words that set two groups against each other: a word before them may well be a level ("control vs treated"). */
const CONTRAST_AFTER = /^(vs|versus|and|or|than|compared|against)$/;

/**
 * A word read only as a shortened level ("content" or "control" for the level Con, score below 0.85)
 * that continues the phrase of a column named in full: right after it ("silicon content") or after its
 * "of" at the end of the phrase ("nations of control are ..."). The word says what of the column is
 * meant; it names no level. Not when a contrast follows ("weight of control vs treated").
 */
export function continuesColumnPhrase(tokens: readonly Token[], m: Mention, mentions: readonly Mention[]): boolean {
  if (m.via !== 'level' || m.score >= 0.85 || m.end - m.start !== 1) return false;
  const t = tokens[m.start];
  if (t.kind !== 'word' || t.raw.toLowerCase() === m.level?.toLowerCase()) return false;
  const named = (end: number) => mentions.some((o) => o.via === 'name' && o.score >= 0.8 && o.column !== m.column && o.end === end);
  const next = tokens[m.end];
  const contrasted = next !== undefined && CONTRAST_AFTER.test(next.text);
  if (named(m.start)) return !contrasted;
  return tokens[m.start - 1]?.text === 'of' && named(m.start - 1) && !contrasted && !(next && next.kind === 'word' && !next.listed && /^[a-z]/.test(next.raw) && !BE.test(next.text));
}

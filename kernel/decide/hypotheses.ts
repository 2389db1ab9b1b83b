/**
 * Hypotheses written out ("H0: mu = 2 against H1: mu > 2", "H0: p = 0.25", "Ha: mu != 5"): the test
 * value, the parameter tested (a mean or a proportion) and, when the alternative is one-sided, its
 * direction. A one-sided alternative written as a formula is a one-sided test asked for in so many words.
 */
import type { Token } from './text.js';

/** What the written hypotheses say. */
export interface WrittenHypothesis {
  /** The parameter: a mean (mu, mean, m), a proportion (p, pi, proportion), or another one. */
  parameter: 'mean' | 'proportion' | 'other';
  /** The test value (the null hypothesis's, else the alternative's). */
  value: number;
  /** The alternative's side, from H1 ("H1: mu > 2") or from a one-sided H0 ("H0: mu <= 2"); none when two-sided. */
  direction?: 'greater' | 'less';
}

const MEAN_WORDS = new Set(['mu', 'mean', 'm']);
const PROPORTION_WORDS = new Set(['p', 'pi', 'proportion']);

/** The label of a hypothesis at tokens[i] ("H0", "H 1", "Ha"): null or alternative, and the index after it. */
function labelAt(tokens: readonly Token[], i: number): { alternative: boolean; next: number } | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word') return undefined;
  if (/^h[01a]$/.test(t.text)) return { alternative: t.text !== 'h0', next: i + 1 };
  const n = tokens[i + 1];
  if (t.text === 'h' && n?.kind === 'number' && !n.percent && (n.value === 0 || n.value === 1)) return { alternative: n.value === 1, next: i + 2 };
  return undefined;
}

/** The alternative's side a relation implies: greater, less, undefined (two-sided), or null (no relation a hypothesis states). */
function sideOf(relation: string, alternative: boolean): 'greater' | 'less' | undefined | null {
  // An alternative written with "=" lost its "!" or "/" to the tokenizer ("H1: mu != 5"): it is two-sided.
  if (relation === '=' || relation === '==' || relation === '!=' || relation === '<>') return undefined;
  if (relation === '>' || relation === '>=') return alternative ? 'greater' : 'less';
  if (relation === '<' || relation === '<=' || relation === '=<') return alternative ? 'less' : 'greater';
  return null;
}

/** Reads the hypotheses written as formulas; undefined when there are none. */
export function readHypotheses(tokens: readonly Token[]): WrittenHypothesis | undefined {
  const read: { parameter: WrittenHypothesis['parameter']; value: number; alternative: boolean; direction?: 'greater' | 'less' }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const label = labelAt(tokens, i);
    if (!label) continue;
    let j = label.next;
    if (tokens[j]?.text === ':') j++;
    const word = tokens[j];
    if (word?.kind !== 'word') continue;
    const parameter = MEAN_WORDS.has(word.text) ? 'mean' : PROPORTION_WORDS.has(word.text) ? 'proportion' : 'other';
    j++;
    let relation = '';
    while (tokens[j]?.kind === 'symbol' && /^[<>=!]$/.test(tokens[j].text)) relation += tokens[j++].text;
    const number = tokens[j];
    if (number?.kind !== 'number' || number.value === undefined || relation === '') continue;
    const side = sideOf(relation, label.alternative);
    if (side === null) continue;
    read.push({ parameter, value: number.percent ? number.value / 100 : number.value, alternative: label.alternative, ...(side ? { direction: side } : {}) });
  }
  if (read.length === 0) return undefined;
  // The null hypothesis gives the test value; either may name the parameter and give the side.
  const value = (read.find((h) => !h.alternative) ?? read[0]).value;
  const parameter = read.find((h) => h.parameter !== 'other')?.parameter ?? 'other';
  const directions = new Set(read.flatMap((h) => (h.direction ? [h.direction] : [])));
  const direction = directions.size === 1 ? [...directions][0] : undefined;
  return { parameter, value, ...(direction ? { direction } : {}) };
}

/** Finding the cue phrases of the rules in a request. */
import { matchesPhraseWord, type Token } from './text.js';
import type { Cue } from './types.js';

/** One cue phrase found in the request. */
export interface CueHit {
  cue: string;
  phrase: string;
  /** Token span [start, end). */
  start: number;
  end: number;
  /** As written in the request. */
  text: string;
}

/** A cue's phrases, tokenized once. */
export interface CompiledCue {
  id: string;
  intent: boolean;
  /** The cue names analyses (a label for a test, not a request of its own). */
  names: boolean;
  phrases: { phrase: string; words: string[] }[];
}

/** Phrases by the first letter of their first word (every match keeps the first letter). */
const phraseIndex = new WeakMap<readonly CompiledCue[], Map<string, { cue: string; phrase: string; words: string[] }[]>>();

function indexPhrases(cues: readonly CompiledCue[]): Map<string, { cue: string; phrase: string; words: string[] }[]> {
  let index = phraseIndex.get(cues);
  if (index) return index;
  index = new Map();
  for (const cue of cues) {
    for (const p of cue.phrases) {
      const key = p.words[0][0];
      const list = index.get(key) ?? [];
      list.push({ cue: cue.id, ...p });
      index.set(key, list);
    }
  }
  phraseIndex.set(cues, index);
  return index;
}

/** Tokenizes every phrase of every cue (the `*` of stems kept). */
export function compileCues(cues: readonly Cue[]): CompiledCue[] {
  return cues.map((cue) => ({
    id: cue.id,
    intent: cue.intent === true,
    names: (cue.names ?? []).length > 0,
    phrases: cue.phrases.map((phrase) => ({ phrase, words: phrase.split(' ') })),
  }));
}

/**
 * A significance level said inside a phrase ("Test, at the 5% level, whether", "evidence at the 0.05
 * level that", "test at alpha = 0.05 whether"): read elsewhere, and transparent to the phrase around it.
 * Returns the index after the aside starting at `i`, or `i`.
 */
function levelAsideEnd(tokens: readonly Token[], i: number): number {
  if (tokens[i]?.text !== 'at') return i;
  let j = i + 1;
  if (tokens[j]?.text === 'alpha') {
    j++;
    if (tokens[j]?.text === '=') j++;
    return tokens[j]?.kind === 'number' ? j + 1 : i;
  }
  if (tokens[j]?.text === 'the') j++;
  if (tokens[j]?.kind !== 'number') return i;
  j++;
  if (tokens[j]?.text === 'significance') j++;
  return tokens[j]?.text === 'level' ? j + 1 : i;
}

/** Every occurrence of every cue phrase in the tokens. */
export function findCues(tokens: readonly Token[], cues: readonly CompiledCue[]): CueHit[] {
  const hits: CueHit[] = [];
  const index = indexPhrases(cues);
  for (let start = 0; start < tokens.length; start++) {
    for (const { cue, phrase, words } of index.get(tokens[start].text[0]) ?? []) {
      if (start + words.length > tokens.length) continue;
      let ok = true;
      let at = start;
      for (let k = 0; k < words.length && ok; k++) {
        if (k > 0) at = levelAsideEnd(tokens, at);
        ok = at < tokens.length && matchesPhraseWord(tokens[at], words[k]);
        at++;
      }
      if (ok) {
        const end = at;
        hits.push({ cue, phrase, start, end, text: tokens.slice(start, end).map((t) => t.raw).join(' ') });
      }
    }
  }
  // A phrase of an intent cue inside a longer phrase of another cue is part of that phrase, not a
  // request of its own: "distribution" in "distribution free", "normal" in "not normal", "rank" in
  // "signed rank", "variance" in "analysis of variance". Modifiers (direction words) are kept.
  // A test's name ("linear regression", "Shapiro-Wilk") labels the request; it does not swallow its words' own cues.
  const intents = new Set(cues.filter((c) => c.intent).map((c) => c.id));
  const naming = new Set(cues.filter((c) => c.names).map((c) => c.id));
  const kept = hits.filter(
    (h) =>
      !intents.has(h.cue) ||
      !hits.some((o) => o.cue !== h.cue && !naming.has(o.cue) && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  // Cue order, then position: the same order as before indexing, so results do not change.
  const order = new Map(cues.map((c, i) => [c.id, i]));
  return kept.sort((a, b) => (order.get(a.cue) as number) - (order.get(b.cue) as number) || a.start - b.start || a.end - b.end);
}

/** Words used by some cue phrase (so that they are not mistaken for unknown column names). */
export function cueVocabulary(cues: readonly CompiledCue[]): { words: Set<string>; stems: string[] } {
  const words = new Set<string>();
  const stems: string[] = [];
  for (const cue of cues) {
    // Only a one-word phrase makes its word analysis vocabulary everywhere; a word of a longer phrase
    // ("size" of "sample size", "control" of "control for") is vocabulary only where that phrase is
    // written (context.ts adds the tokens a cue hit covers), so it can still name a column or a level.
    for (const { words: ws } of cue.phrases) {
      if (ws.length !== 1) continue;
      for (const w of ws) (w.endsWith('*') ? stems.push(w.slice(0, -1)) : words.add(w));
    }
  }
  return { words, stems };
}


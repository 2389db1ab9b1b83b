/**
 * Names as people write them: a column name cut into pieces (at dots, underscores, case changes and
 * digits: `post.test.1` -> post, test, 1; `NW.Hnd` -> nw, hnd; `Hwt` -> hwt) against the words of a
 * phrase, in order. Each word of the phrase stands for the next stretch of the name, as the word
 * itself, a plural or inflection, a beginning of three letters or more ("grad" for graduation), an
 * abbreviation ("wt" for weight, "hnd" for hand: the word's first letter, then letters of the word in
 * order) or its initial ("h" + "wt" for heart weight). Initials alone are an acronym ("savings ratio"
 * for `sr`), beginnings alone a glued name ("optden" for optical density).
 */
import { rootOf, stemWord, type Token } from './text.js';
import { editDistance } from '../util/suggest.js';

/** Function words a name may leave out ("rate of growth", "income per head"); "their" or "and" belongs to no name. */
const SKIPPABLE = /^(of|per|in|the|a|an)$/;

/** Nouns among the function words that a name may hold as a piece ("median value" for medv, "water level" for wlevel). */
const NAME_NOUNS = /^(value|values|level|levels)$/;

/** Whether a word after another word of a name phrase may be a piece of the name although it is a function word. */
export function isNameNoun(token: Token): boolean {
  return token.kind === 'word' && NAME_NOUNS.test(token.text);
}

/** How each word of a phrase may stand for its stretch of the name, best first. */
const SCORE = { exact: 1, stem: 0.95, prefix: 0.95, abbreviation: 0.85, inflection: 0.85, typo: 0.85, longer: 0.8, initial: 0.8, acronym: 0.85 } as const;

/** Options for `scorePieces`. */
export interface PieceOptions {
  /** Analysis vocabulary ("higher", "test"): such a word stands only for itself, never for an abbreviation. */
  exactOnly: (token: Token) => boolean;
  /** Whether a token is a content word (function words may be skipped or stand for a piece spelled the same). */
  isContent: (token: Token) => boolean;
}

/**
 * How well the tokens of a phrase, in order, spell out a name given by its pieces, in [0, 1]
 * (0: they do not). Every content word and number must stand for a stretch of the name, and the
 * whole name must be spelled out; function words may stand for nothing or for a piece spelled the same.
 */
export function scorePieces(tokens: readonly Token[], pieces: readonly string[], given: PieceOptions): number {
  // A noun such as "value" after the first word is content here: it may stand for a stretch of the name.
  const options: PieceOptions = { ...given, isContent: (t) => given.isContent(t) || (t !== tokens[0] && isNameNoun(t)) };
  const name = pieces.join('');
  if (name.length === 0 || tokens.length === 0) return 0;
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const p of pieces) boundaries.add((at += p.length));
  const counted = tokens.filter((t) => t.kind === 'number' || options.isContent(t)).length;
  if (counted < 2 || tokens[0].text[0] !== name[0]) return 0;
  // Each word keeps its first letter, so the words' first letters appear in the name in order (a quick no).
  let from = 0;
  for (const t of tokens) {
    if (t.kind !== 'number' && !options.isContent(t)) continue;
    from = name.indexOf(t.text[0], from);
    if (from < 0) return 0;
    from++;
  }
  // An acronym: one initial per word, the words of three letters or more ("savings ratio" -> sr).
  // Function words may count among the initials of three words or more ("miles per gallon" -> mpg).
  const words = tokens.filter((t) => options.isContent(t));
  const initials = (list: readonly Token[], minLength: number) => list.length === name.length && list.every((t, k) => t.kind === 'word' && t.text.length >= minLength && !options.exactOnly(t) && t.text[0] === name[k]);
  if ((words.length === counted && initials(words, 3)) || (tokens.length >= 3 && initials(tokens, 1))) return SCORE.acronym;
  // best[state][p]: the best sum of word scores with the tokens so far spelling name[0, p), by the kind
  // of the last stretch. Inside a piece, a stretch follows only a word's whole beginning ("rep" + "wt",
  // "post" + "wt") or an initial ("h" + "wt"), and an initial only an initial ("hs" is h + s for high
  // school; "girth" is not "girt" + h for girth height, "mass" not "ma" + "ss" for mass by species).
  const states = 3; // 0: after a whole word or its beginning, 1: after an initial, 2: after an abbreviation
  let best = Array.from({ length: states }, () => new Array<number>(name.length + 1).fill(-1));
  best[0][0] = 0;
  let previous: Token | undefined;
  for (const token of tokens) {
    const next = Array.from({ length: states }, () => new Array<number>(name.length + 1).fill(-1));
    const content = token.kind === 'number' || options.isContent(token);
    const initial = token.text[0];
    for (let p = 0; p <= name.length; p++) {
      // Every way a word stands for a stretch keeps the word's first letter there.
      const starts = name[p] === initial;
      for (let state = 0; state < states; state++) {
        const sum = best[state][p];
        if (sum < 0) continue;
        if (!content && SKIPPABLE.test(token.text)) next[state][p] = Math.max(next[state][p], sum);
        for (let q = p + 1; starts && q <= name.length; q++) {
          const s = scoreChunk(token, name.slice(p, q), boundaries.has(p) && boundaries.has(q), crossesPiece(boundaries, p, q), options);
          if (s <= 0) continue;
          // A piece's first two letters, the word's beginning, are a beginning that letters may follow ("access points" ac + pt for acpt).
          const beginning = boundaries.has(p) && token.text.startsWith(name.slice(p, q));
          const kind = q === p + 1 && s === SCORE.initial && name[p] !== token.text ? 1 : s === SCORE.abbreviation && !beginning ? 2 : 0;
          if (!boundaries.has(p)) {
            // An initial may also end the name after a beginning ("med" + "v": median value for medv).
            if (state === 2 || (kind === 1 && state !== 1 && !(state === 0 && q === name.length && sum > 0))) continue;
            // A shortened word inside a piece is its consonants ("wt", "hnd"), not the end of another word ("sha" + "pe").
            if (kind === 2 && /[aeiouy]/.test(name.slice(p, q))) continue;
            // Nor the rest of the word before it: "weight height" does not spell "weig" + "ht".
            if (previous?.text.startsWith(name.slice(pieceStart(boundaries, p), q))) continue;
          }
          next[kind][q] = Math.max(next[kind][q], sum + (content ? s : 0));
        }
      }
    }
    best = next;
    if (content) previous = token;
  }
  const total = Math.max(...best.map((row) => row[name.length]));
  return total > 0 ? total / counted : 0;
}

function pieceStart(boundaries: ReadonlySet<number>, p: number): number {
  let k = p;
  while (!boundaries.has(k)) k--;
  return k;
}

function crossesPiece(boundaries: ReadonlySet<number>, p: number, q: number): boolean {
  for (let k = p + 1; k < q; k++) if (boundaries.has(k)) return true;
  return false;
}

/** How well one token stands for one stretch of a name (0: it does not). */
function scoreChunk(token: Token, chunk: string, wholePieces: boolean, crosses: boolean, options: PieceOptions): number {
  if (token.kind === 'number') return wholePieces && chunk === token.text ? SCORE.exact : 0;
  if (token.kind !== 'word') return 0;
  const w = token.text;
  if (chunk === w) return SCORE.exact;
  if (stemWord(chunk) === token.stem) return SCORE.stem;
  // A word spans pieces only spelled as they are ("posttest" for post.test); a function word stands only for itself.
  if (crosses || !options.isContent(token)) return 0;
  // Analysis vocabulary ("density", "higher") stands for a beginning of three letters or more, never for letters picked out.
  if (chunk.length >= 3 && w.startsWith(chunk)) return SCORE.prefix;
  if (options.exactOnly(token)) return 0;
  if (chunk.length >= 2 && chunk[0] === w[0] && chunk.length < w.length && isSubsequence(chunk, w) && (w.startsWith(chunk.slice(0, 2)) || !/[aeiou]/.test(chunk.slice(1)))) return SCORE.abbreviation;
  if (wholePieces) {
    const root = rootOf(chunk);
    if (root.length >= 4 && root === rootOf(w)) return SCORE.inflection;
    // The request shortens a long piece: "temp" for temperature.
    if (w.length >= 4 && chunk.length > w.length && chunk.startsWith(w)) return SCORE.longer;
    const shortest = Math.min(w.length, chunk.length);
    if (shortest >= 5 && w[0] === chunk[0] && Math.abs(w.length - chunk.length) <= 1 && editDistance(w, chunk) <= 1) return SCORE.typo;
  }
  if (chunk.length === 1 && w.length >= 3 && chunk === w[0]) return SCORE.initial;
  return 0;
}

/** Whether the letters of `short` appear in order in `long`. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/** Pieces that abbreviate "per person" at the start of a glued name (ppgdp: GDP per person). */
const PER_PERSON = /^(pp|pc)([a-z]{3,})$/;
/** What "per person" is said as, after the measure ("GDP per person") or before it ("per-capita GDP"). */
const PERSON_WORDS = ['person', 'capita', 'head'];

/**
 * Other orders in which people say a name's pieces: a one-letter qualifier at the end of a name comes
 * first in speech ("female life expectancy" for lifeExpF: f + life + exp), and a leading "pp"/"pc" is
 * "per person" said after the measure or "per capita" before it ("GDP per person", "per-capita GDP" for
 * ppgdp; the "per" is a function word the pieces may skip). The name's own order is not among them.
 */
export function pieceOrders(words: readonly string[]): string[][] {
  const out: string[][] = [];
  const last = words[words.length - 1];
  if (words.length >= 3 && last.length === 1) out.push([last, ...words.slice(0, -1)]);
  const glued = words.length === 1 ? PER_PERSON.exec(words[0]) : null;
  if (glued && !glued[0].startsWith('pct')) {
    const rest = glued[2];
    for (const w of PERSON_WORDS) out.push([rest, w], [w, rest]);
  }
  return out;
}

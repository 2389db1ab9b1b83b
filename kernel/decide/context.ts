/**
 * Reading a request once: tokens, cue phrases, column and level mentions, word-order hints about
 * roles ("by species" names a group, "predict mpg" an outcome), a test value (mu), a confidence
 * level, a one-sided direction and words that look like column names but match none.
 */
import type { DatasetSchema, TaskId } from '../types.js';
import { withoutQualifyingNames } from './name-qualifiers.js';
import { afterExclusion, excludedRowMentions } from './row-names.js';
import { editDistance, suggestName } from '../util/suggest.js';
import { compileCues, cueVocabulary, findCues, type CompiledCue, type CueHit } from './cues.js';
import { compileLexicon, describeColumns, type ColumnWords, findMentions, monthsOutOfRange, unknownLevels, type ColumnInfo, type CompiledLexicon, type Mention, type UnknownLevel } from './columns.js';
import { isContentToken, rootOf, stemWord, STOPWORDS, tokenize, type Token } from './text.js';
import { isStatusPosition, isYesNoColumn, readStatusMentions } from './status-words.js';
import { codedLevelMentions, compileLevelWords, findLevelWords, type LevelWord } from './level-words.js';
import type { RuleSet } from './types.js';
import { isUnitNoun } from './unit-words.js';
import { listedAt } from './column-lists.js';
import { initialNameMentions } from './initial-names.js';
import { codedSexMentions } from './coded-sex.js';
import { givesCohensF, readPowerOptions } from './power-request.js';
import { sideOfWord } from './yes-no-side.js';
import { readHypotheses } from './hypotheses.js';
import { expectedFor, readShareList } from './expected-shares.js';
import { withoutDerivedCopies } from './derived-names.js';
import { continuesColumnPhrase, isClaimant, isQuestionVerb, isRateUnit, qualifiesColumn, sceneSentences } from './word-places.js';

/** A role hint from word order. */
export type RoleHint = 'group' | 'outcome' | 'predictor' | 'filter' | 'exclude' | 'subject' | 'adjusted';

/** One column the request names (by name or through its levels). */
export interface MentionedColumn {
  info: ColumnInfo;
  /** Token index of its first mention. */
  position: number;
  byName: boolean;
  /** Levels named, in the order of the request. */
  levelsNamed: string[];
  hints: Set<RoleHint>;
  /** Best match score of its mentions. */
  score: number;
  texts: string[];
  /** Added by the engine, not written in the request. */
  synthetic?: boolean;
  /** Token indexes of every mention by name (a column named twice is read where each stands). */
  positions?: number[];
  /** Where each level named first stands (token index). */
  levelAt?: Record<string, number>;
  /** Levels named after an exclusion ("excluding the African group"): their rows are left out. */
  levelsExcluded?: string[];
}

/** "excluding (the)", "except", "leaving out", "other than", "apart from" just before a word. */

/** The rule set compiled for matching (cached per rule set). */
export interface CompiledRules {
  set: RuleSet;
  cues: CompiledCue[];
  intents: Set<string>;
  lexicon: CompiledLexicon;
  /** Lexicon words that name a level by its meaning ("women" -> female). */
  levelWords: LevelWord[];
  vocabulary: { words: Set<string>; stems: string[] };
  /** Lexicon words that only break ties between columns ("longer" -> length). */
  tieBreaks: { stem: string; means: string[] }[];
  /** Role words ("outcome", "predictors"): never a column the dataset lacks. */
  roleWords: ReadonlySet<string>;
  /** Harmless domain words ("penguins", "patients") and their stems. */
  harmless: ReadonlySet<string>;
  columnWords: ColumnWords;
  /** Cues that name analyses ("chi-square" -> chi2_independence, fisher_exact). */
  named: Map<string, TaskId[]>;
  /** Words naming methods the catalogue does not have ("logistic"). */
  unsupported: ReadonlySet<string>;
}

/** Everything the engine read from one request. */
export interface RequestContext {
  prompt: string;
  tokens: Token[];
  cueHits: CueHit[];
  cues: Set<string>;
  hasIntent: boolean;
  columns: ColumnInfo[];
  mentions: Mention[];
  mentioned: MentionedColumn[];
  /** The test value; `percent` when written as a percentage ("25%"): for a share, 0.25. */
  mu?: { value: number; text: string; percent?: boolean };
  /** Proportions stated for every level of one column, in its natural level order (expected-shares.ts). */
  expectedShares?: { column: string; values: number[] };
  confLevel?: number;
  direction?: 'greater' | 'less';
  /** "from A to B": the second named is the one expected to be greater (or less). */
  fromTo: boolean;
  /** Both directions said ("more cylinders, lower mpg"): a trend between two columns. */
  trend: boolean;
  /** The request reads like a model formula: "y ~ x", "y from x and z". */
  formula: boolean;
  /** Words that pick one of several columns a word fits equally ("longer" -> a name with "length"). */
  tieBreaks: { text: string; means: string[] }[];
  /** Content words that match no column, level or cue ("wingspan"), with a suggestion when close. */
  unknownWords: { word: string; index: number; suggestion?: string; closest?: string[]; rolePosition: boolean }[];
  /** Month names whose month no coded month column holds ("January" when Month is 5..9). */
  missingMonths: { word: string; month: number; columns: string[] }[];
  /** Words contrasted with a level of a column that are no level of it ("Adelie and Emperor"). */
  unknownLevels: UnknownLevel[];
  /** "X vs Y" with no analysis word besides "vs": two columns set against each other, nothing more asked. */
  versusOnly: boolean;
  /** A word of the request is, ends with, or is glued into a word of the dataset's name ("earthquakes" for quakes, "chicks" for chickwts). */
  mentionsDataset: boolean;
}

const compiledCache = new WeakMap<RuleSet, CompiledRules>();

/** Compiles a rule set once. */
export function compileRules(set: RuleSet): CompiledRules {
  const hit = compiledCache.get(set);
  if (hit) return hit;
  const cues = compileCues(set.cues);
  const compiled: CompiledRules = {
    set,
    cues,
    intents: new Set(cues.filter((c) => c.intent).map((c) => c.id)),
    lexicon: compileLexicon(set.lexicon),
    levelWords: compileLevelWords(set.lexicon),
    vocabulary: cueVocabulary(cues),
    tieBreaks: set.lexicon.filter((e) => e.tieBreak).map((e) => ({ stem: stemWord(e.word), means: e.means })),
    roleWords: new Set(set.words.role),
    harmless: new Set([...set.words.harmless, ...set.words.harmless.map(stemWord), ...set.words.units]),
    columnWords: { units: new Set(set.words.units), suffixes: new Set(set.words.suffixes), subject: new Set(set.words.subject) },
    named: new Map(set.cues.filter((c) => c.names && c.names.length > 0).map((c) => [c.id, c.names as TaskId[]])),
    unsupported: new Set(set.words.unsupported),
  };
  compiledCache.set(set, compiled);
  return compiled;
}

const GROUP_MARKERS = new Set(['by', 'across', 'between', 'among', 'amongst', 'per', 'each', 'vs', 'versus', 'within']);
const PREDICTOR_MARKERS = new Set(['from', 'using', 'given', 'with']);
const SHARE_MARKERS = new Set(['than', 'from', 'to', 'equals', 'equal', '=', 'against', 'exceed', 'exceeds', 'is', 'be', 'above', 'below']);
const MU_MARKERS = new Set(['than', 'from', 'to', 'equals', 'equal', '=', 'mu', 'against', 'exceed', 'exceeds', 'is', 'be', 'of', 'value', 'above', 'below', 'least', 'most']);

/** Reads a request against a schema. */
export function readRequest(prompt: string, schema: DatasetSchema, compiled: CompiledRules): RequestContext {
  const tokens = tokenize(prompt);
  let cueHits = findCues(tokens, compiled.cues);
  let cues = new Set(cueHits.map((h) => h.cue));
  const columns = describeColumns(schema, compiled.columnWords);
  const inCuePhrase = new Set(cueHits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, k) => h.start + k)));
  const isVocabulary = (t: Token) =>
    inCuePhrase.has(t.index) || compiled.vocabulary.words.has(t.text) || compiled.vocabulary.stems.some((s) => s.length >= 3 && t.text.startsWith(s));
  let mentions = findMentions(tokens, columns, {
    vocabulary: isVocabulary,
    harmless: (t) => compiled.harmless.has(t.text),
    lexicon: compiled.lexicon,
    levelWords: (t, c) => findLevelWords(t, c, compiled.levelWords),
    suffixes: compiled.columnWords.suffixes,
  });
  // "revenue" with `lag.quarterly.revenue` and `y`: the variable's word is not its derived copy (derived-names.ts).
  mentions = withoutDerivedCopies(mentions, columns, tokens, new Set(compiled.set.words.derivedNames), new Set(compiled.set.words.responseNames));
  // Every stretch read as a column, even one set aside below, is accounted for.
  let read = mentions;
  // An identifier column named by an analysis word ("model" in mtcars) is the word, not the column;
  // named by part of its name ("patients" for patient_id), it is the people, not the identifier.
  mentions = mentions.filter((m) => {
    const info = columns.find((c) => c.name === m.column);
    if (!info?.subject || m.via !== 'name') return true;
    if (info.schema.kind === 'id' && m.score < 0.9) return false;
    // "in an occupation", "for each state": an identifier named with an article for any one row is the rows themselves.
    if (info.schema.kind === 'id' && /^(a|an|each|every|per)$/.test(tokens[m.start - 1]?.text ?? '')) return false;
    // "the mean climb of Scottish hill races", "these races": an identifier named in the plural is all the rows.
    const last = tokens[m.end - 1];
    if (info.schema.kind === 'id' && last && /s$/.test(last.text) && !info.words.includes(last.text) && m.end - m.start === 1) return false;
    // "the control trees" with subjects numbered in `tree`: the units of a level, unless given a role ("trees as subjects").
    if (info.schema.kind === 'numeric' && last && /s$/.test(last.text) && !info.words.includes(last.text) && m.end - m.start === 1 && tokens[m.end]?.text !== 'as') {
      if (mentions.some((o) => o.column !== m.column && o.end === m.start && (o.via === 'level' || columns.find((c) => c.name === o.column)?.factor))) return false;
    }
    return !cueHits.some((h) => h.start < m.end && m.start < h.end);
  });
  // "Kruskal-Wallis", "Mann-Whitney": a word inside a test's name is the test, not a column it resembles
  // (`wl` for "Wallis"); a column's exact name still counts.
  mentions = mentions.filter((m) => m.via !== 'name' || m.score >= 0.95 || !cueHits.some((h) => compiled.named.has(h.cue) && h.start <= m.start && m.end <= h.end));
  mentions = withSuffixNames(mentions, columns, tokens, compiled.columnWords.suffixes);
  mentions = withoutUnitNouns(mentions, columns, tokens, compiled.columnWords.suffixes);
  mentions = mentions.filter((m) => !isVerbOfAs(m, tokens) && !isShareOfTheTime(m, tokens));
  mentions = withoutGenericPairs(mentions, columns, compiled.columnWords.suffixes);
  mentions = withoutQualifyingNames(mentions, columns, tokens);
  mentions = levelsNamedWithTheirColumn(mentions, columns);
  // "silicon content", "nation of control": a word continuing a column's phrase is no shortened level (word-places.ts).
  mentions = mentions.filter((m) => !continuesColumnPhrase(tokens, m, mentions));
  // "the score ... pre ... post": a word fitting several columns that are all named anyway adds nothing.
  mentions = mentions.filter(
    (m) => m.tiedWith.length === 0 || ![m.column, ...m.tiedWith].every((c) => mentions.some((o) => o !== m && o.column === c && o.tiedWith.length === 0)),
  );
  // A column's own name is the column, not an analysis word ("decrease", "compactness" ~ "compar*").
  // "4 groups", "three conditions": a count of things, not the column named `group`.
  const counted = (m: Mention) => m.start > 0 && (tokens[m.start - 1].kind === 'number' || /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(tokens[m.start - 1].text));
  const countHits = cueHits.filter((h) => h.cue === 'groups_word' && h.end - h.start === 2);
  // ... unless the count is the column's number of levels ("the three groups" with a three-level `group`).
  const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const countOf = (t: Token) => (t.kind === 'number' ? t.value : COUNT_WORDS.indexOf(t.text) + 2);
  // (a power request's count is the planned design's, never the data's column).
  const ownCount = (m: Mention) => !cues.has('power_request') && columns.find((c) => c.name === m.column)?.levels.length === countOf(tokens[m.start - 1]);
  mentions = mentions.filter((m) => !(counted(m) && !ownCount(m) && countHits.some((h) => h.start === m.start - 1 && h.end === m.end)));
  const exact = mentions.filter((m) => m.via === 'name' && m.score >= 0.95);
  if (exact.length > 0) {
    const kept = cueHits.filter((h) => !exact.some((m) => m.start <= h.start && h.end <= m.end));
    if (kept.length !== cueHits.length) {
      cueHits = kept;
      cues = new Set(cueHits.map((h) => h.cue));
    }
  }
  // "Mann-Whitney U on gas, before vs after" with Insul = Before/After: the words name the two groups of a
  // column, so "before vs after" is that grouping, not a paired design, when an independent-samples test is named.
  const levelWords = (h: CueHit) => {
    const covering = mentions.filter((m) => m.via === 'level' && h.start <= m.start && m.end <= h.end);
    return covering.length >= 2 && new Set(covering.map((m) => m.column)).size === 1;
  };
  const groupPairs = cueHits.filter((h) => h.cue === 'paired' && levelWords(h));
  if (groupPairs.length > 0 && cueHits.some((h) => /^(welch|student|independent_samples)$/.test(h.cue) || /mann|rank ?sum|u test/.test(h.text.toLowerCase().replace(/[^a-z ]/g, ' ')))) {
    cueHits = cueHits.filter((h) => !groupPairs.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  // "R squared", "chi squared": not a polynomial.
  const notPolynomial = cueHits.filter((h) => h.cue === 'polynomial' && (/^(r|chi)$/.test(tokens[h.start - 1]?.text ?? '') || cueHits.some((o) => o.cue !== 'polynomial' && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start)));
  if (notPolynomial.length > 0) {
    cueHits = cueHits.filter((h) => !notPolynomial.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  // "the plots that got 0.6 cwt", "for plots receiving no nitrogen": field plots are the units observed
  // (unit-words.ts), not a figure asked for.
  const unitPlots = cueHits.filter((h) => h.cue === 'plot' && h.end - h.start === 1 && /^(for|among|amongst|of)$/.test(tokens[h.start - (tokens[h.start - 1]?.text === 'the' ? 2 : 1)]?.text ?? '') && isUnitNoun(tokens, h.start, mentions));
  if (unitPlots.length > 0) {
    cueHits = cueHits.filter((h) => !unitPlots.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  // "the share of population under 15" names a measured share (a numeric column), not a test of a proportion.
  const shareOf = cueHits.filter(
    (h) =>
      h.cue === 'proportion' &&
      tokens[h.end]?.text === 'of' &&
      mentions.some((m) => m.via === 'name' && (m.start === h.end + 1 || (m.start === h.end + 2 && tokens[h.end + 1].text === 'the')) && columns.find((c) => c.name === m.column)?.numeric && !columns.find((c) => c.name === m.column)?.factor),
  );
  if (shareOf.length > 0) {
    cueHits = cueHits.filter((h) => !shareOf.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  // "is the variance of size different ...? Use an F test", "F test: are the variances equal?": an F test
  // said of variances is the F test of two variances, not an analysis of variance of means.
  const fTests = cueHits.filter((h) => h.cue === 'anova_named' && h.text.toLowerCase().replace(/[^a-z]/g, '') === 'ftest');
  const ofVariances = cueHits.some((h) => h.cue === 'spread' && /^variances?$/.test(h.text.toLowerCase()) && !cueHits.some((o) => o.cue !== 'spread' && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  if (fTests.length > 0 && ofVariances && !cueHits.some((h) => h.cue === 'anova_named' && !fTests.includes(h))) {
    cueHits = [...cueHits.filter((h) => !fTests.includes(h)), ...fTests.map((h) => ({ ...h, cue: 'vartest_named' }))];
    cues = new Set(cueHits.map((h) => h.cue));
  }
  // "median tumour thickness?", "the medians of X and Y": the statistic itself when nothing else is asked
  // (no comparison, relation, test or figure), not a rank-based test.
  const intentOf = (c: string) => compiled.intents.has(c) && c !== 'nonparam' && c !== 'describe';
  const medianOnly = cueHits.filter((h) => h.cue === 'nonparam' && /^medians?$/.test(h.text.toLowerCase()));
  if (medianOnly.length > 0 && medianOnly.length === cueHits.filter((h) => h.cue === 'nonparam').length && !cueHits.some((h) => intentOf(h.cue) || h.cue === 'test_request')) {
    cueHits = cueHits.filter((h) => !medianOnly.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  const datasetWords = new Set(tokenize(schema.name.replace(/\.[A-Za-z0-9]+$/, '')).map((t) => t.stem));
  // A word that names nothing else may be what the one generic yes/no column records (status-words.ts).
  const unaccounted = columns.filter(isYesNoColumn).length === 1 ? readUnknownWords(tokens, read, cueHits, columns, isVocabulary, compiled, datasetWords) : [];
  if (unaccounted.length > 0 && unaccounted.every((w) => !w.suggestion)) {
    const generic = (w: string) => compiled.columnWords.suffixes.has(w) || compiled.roleWords.has(w);
    const people = (w: string) => compiled.harmless.has(w) || compiled.columnWords.subject.has(stemWord(w));
    const status = readStatusMentions(tokens, mentions, columns, unaccounted.map((w) => w.index), generic, people);
    if (status.length > 0) {
      mentions = [...mentions, ...status].sort((a, b) => a.start - b.start);
      read = [...read, ...status];
    }
  }
  // "yield" for a column named Y (initial-names.ts): a word nothing else accounts for.
  if (columns.some((c) => c.name.length === 1)) {
    // A cue word counted by a one-letter column's number of levels ("across the six blocks" with B of six
    // levels) names that column's groups, not the method; it is read like a word nothing accounts for.
    const countedCues = cueHits.filter((h) => h.end - h.start === 1 && !read.some((m) => m.start <= h.start && h.start < m.end)).map((h) => ({ index: h.start, rolePosition: false }));
    const initials = initialNameMentions(tokens, [...readUnknownWords(tokens, read, cueHits, columns, isVocabulary, compiled, datasetWords), ...countedCues], columns);
    if (initials.length > 0) {
      mentions = [...mentions, ...initials].sort((a, b) => a.start - b.start);
      read = [...read, ...initials];
    }
  }
  // "Southern and Eastern cities" with region = E, MW, S, W (level-words.ts): levels coded by letters.
  const taken = new Set<number>();
  for (const x of [...read, ...cueHits]) for (let i = x.start; i < x.end; i++) taken.add(i);
  const isFree = (i: number) => !taken.has(i) && isContentToken(tokens[i]) && !isVocabulary(tokens[i]);
  const unaccountedNow = () => readUnknownWords(tokens, mentions, cueHits, columns, isVocabulary, compiled, datasetWords).filter((w) => !w.suggestion).map((w) => w.index);
  // "leaving out Knock Hill" with race names in an identifier column (row-names.ts).
  const codedLevels = [...codedLevelMentions(tokens, isFree, unaccountedNow, columns, datasetWords), ...excludedRowMentions(tokens, isFree, columns)];
  if (codedLevels.length > 0) {
    mentions = [...mentions, ...codedLevels].sort((a, b) => a.start - b.start);
    read = [...read, ...codedLevels];
  }
  // "male and female patients" with sex coded 0/1 (coded-sex.ts): the column, not one code.
  if (columns.some((c) => /^(sex|gender)$/i.test(c.name))) {
    const free = (i: number) => !read.some((m) => m.start <= i && i < m.end) && !cueHits.some((h) => h.start <= i && i < h.end);
    const sexes = codedSexMentions(tokens, free, columns);
    if (sexes.length > 0) {
      mentions = [...mentions, ...sexes].sort((a, b) => a.start - b.start);
      read = [...read, ...sexes];
    }
  }
  // "population density": a quantity named after a measurement (people per area), not a density plot,
  // unless a figure is asked for ("a density plot of population").
  const quantityDensity = cueHits.filter(
    (h) => h.cue === 'density' && !cues.has('plot') && !cues.has('distribution') && mentions.some((m) => m.via === 'name' && m.end === h.start && columns.find((c) => c.name === m.column)?.numeric),
  );
  if (quantityDensity.length > 0) {
    cueHits = cueHits.filter((h) => !quantityDensity.includes(h));
    cues = new Set(cueHits.map((h) => h.cue));
  }
  const mentioned = measuredByStatistic(groupMentions(mentions, columns), tokens);
  const formula = addHints(mentioned, tokens, cueHits);
  if (cues.has('predict') || cues.has('effect')) addAllOthers(mentioned, tokens, columns);
  addOverHints(mentioned, tokens);
  readWhoClauses(mentioned, tokens, cues);
  readWhenClauses(mentioned, tokens, columns, cues, readDirection(cueHits) !== undefined);
  // "differ on post", "differ in pulse rate": what the groups differ in is the outcome.
  for (const h of cueHits) {
    if (h.cue !== 'compare' || !/^differ/.test(tokens[h.start].text) || !/^(on|in)$/.test(tokens[h.end]?.text ?? '')) continue;
    const m = mentioned.find((x) => x.byName && (x.position === h.end + 1 || (x.position === h.end + 2 && /^(the|their|its)$/.test(tokens[h.end + 1].text))));
    if (m && !m.hints.has('group') && !m.hints.has('predictor')) m.hints.add('outcome');
  }
  // "... adjusting for rank and years", "controlling for pretest": what is adjusted for is never the outcome.
  const adjusting = cueHits.find((h) => h.cue === 'stratified');
  // The clause ends at a comma followed by no column ("After adjusting for length, does depth differ ...?").
  if (adjusting) {
    const startsColumn = (i: number) => mentions.some((x) => x.start === i || x.start === i + 1);
    const end = tokens.findIndex((t, i) => i > adjusting.end && t.listed === true && !startsColumn(i));
    for (const m of mentioned) if (m.position >= adjusting.end && (end < 0 || m.position < end) && !m.hints.has('outcome')) m.hints.add('predictor');
  }
  // The columns listed right after the phrase are what is adjusted for: a stratum, never a table's row or column.
  if (adjusting) for (const m of listedAt(mentioned, tokens, adjusting.end)) m.hints.add('adjusted');
  const confLevel = readConfLevel(tokens);
  // "H0: mu = 2 against H1: mu > 2", "H0: p = 0.25": the test value, the parameter, a one-sided alternative.
  // "brown, blue, hazel and green eyes in proportions 0.4, 0.3, 0.2 and 0.1": a goodness-of-fit question.
  const shares = cues.has('power_request') ? undefined : readShareList(tokens);
  const expectedShares = shares ? mentioned.flatMap((m) => {
    const values = expectedFor(m.info, m.levelsNamed, shares);
    return values ? [{ column: m.info.name, values }] : [];
  })[0] : undefined;
  const hypothesis = readHypotheses(tokens);
  const mu = hypothesis ? { value: hypothesis.value, text: `= ${hypothesis.value}` } : readMu(tokens, mentions, confLevel);
  const direction = hypothesis ? hypothesis.direction : readDirection(cueHits);
  if (hypothesis?.direction) cues.add('one_sided');
  if (hypothesis?.parameter === 'proportion') cues.add('proportion');
  for (const cue of readShareCues(tokens, mentions, mentioned, mu)) cues.add(cue);
  // "the mean height of male students equals 175": one level named beside a test value restricts the rows.
  if (mu !== undefined) for (const m of mentioned) if (!m.byName && m.levelsNamed.length === 1) m.hints.add('filter');
  // A power request that gives both proportions plans a study: the column it names says what they are
  // of ("survival of 20% vs 35%"), no data are analysed.
  // So does one that gives the effect size to detect ("Cohen's f = 0.25 among 3 varieties"): the columns
  // it names say what the planned groups are.
  // Two proportions written as decimals ("rates of 0.40 vs 0.50") in a power request are the shares planned.
  const proportionPair = cues.has('power_request') && hasProportionPair(tokens);
  if (proportionPair) cues.add('proportion');
  // Cohen's f is the effect size of an ANOVA: the planned design has several groups (power-request.ts).
  if (cues.has('power_request') && givesCohensF(prompt)) cues.add('groups_word');
  if (cues.has('power_request') && (hasPercentPair(tokens) || proportionPair || readPowerOptions(prompt, 'power_anova').effectSize !== undefined)) mentioned.length = 0;
  // "y ~ w | subject": a repeated-measures formula says the data are paired.
  const tildeAt = tokens.findIndex((t) => t.text === '~');
  if (tildeAt >= 0 && tokens.some((t, i) => i > tildeAt && t.text === '|')) cues.add('paired');
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  for (const h of cueHits) for (let i = h.start; i < h.end; i++) covered.add(i);
  const levelsUnknown = unknownLevels(tokens, mentions, columns, { covered, ordinary: (t) => isVocabulary(t) || compiled.roleWords.has(t.text) || STOPWORDS.has(t.stem) });
  let unknownWords = readUnknownWords(tokens, read, cueHits, columns, isVocabulary, compiled, datasetWords);
  for (const h of quantityDensity) unknownWords.push({ word: `${tokens[h.start - 1].raw} ${tokens[h.start].raw}`, index: h.start, closest: [], rolePosition: true });
  // A word read as an unknown level is reported as such, not as a missing column.
  if (levelsUnknown.length > 0) unknownWords = unknownWords.filter((w) => !levelsUnknown.some((u) => u.word.split(' ').includes(w.word)));
  // The sentences that set the scene before the question name the setting, when the question accounts for its own words (word-places.ts).
  const scene = sceneSentences(prompt, tokens, (i) => cueHits.some((h) => h.start === i && (compiled.intents.has(h.cue) || compiled.named.has(h.cue) || h.cue === 'test_request')));
  if (scene.size > 0 && mentions.some((m) => !scene.has(m.start)) && unknownWords.every((w) => scene.has(w.index))) unknownWords = [];
  return {
    prompt,
    tokens,
    cueHits,
    cues,
    hasIntent: [...cues].some((c) => compiled.intents.has(c)),
    columns,
    mentions,
    mentioned,
    mu,
    confLevel: confLevel?.value,
    ...(expectedShares ? { expectedShares } : {}),
    direction,
    fromTo: readFromTo(tokens, mentions),
    trend: cueHits.some((h) => h.cue === 'greater') && cueHits.some((h) => h.cue === 'less'),
    formula,
    tieBreaks: readTieBreaks(tokens, compiled),
    unknownWords,
    missingMonths: monthsOutOfRange(tokens, columns),
    unknownLevels: levelsUnknown,
    versusOnly:
      cueHits.some((h) => h.cue === 'versus') &&
      cueHits.every((h) => !compiled.intents.has(h.cue) || (h.end - h.start === 1 && /^(vs|versus)$/.test(tokens[h.start].text))),
    mentionsDataset: tokens.some((t) => t.kind === 'word' && t.text.length >= 4 && [...datasetWords].some((d) => d.length >= 4 && (t.stem === d || t.stem.endsWith(d) || d.startsWith(t.stem) || d.endsWith(t.stem)))),
  };
}

/**
 * Words that name the units measured, not a variable, although a column bears their name: a plural
 * right after a level of another column ("Quebec plants", "chilled plants"), and the name of an
 * identifier-like column (a subject, five or more levels, or a name said without its generic suffix:
 * "passenger" for passengerClass) right before a measurement ("chick weights", "tree girth", "passenger age"). Both stay read (they are no unknown words); neither is a column of the analysis.
 */
/**
 * "treating trees as subjects", "using age as a covariate": a word in -ing before an object and "as"
 * is the verb that assigns a role, not a column it resembles (`treat`); a column named so exactly stays.
 */
/**
 * "the African group" with levels `africa` of `group` and `Africa` of `region`: a level word that fits
 * two columns, followed by the name of one of them, is that column's level; so are the other words tied
 * between the same columns ("low and high status partners": both of `partner.status`).
 */
function levelsNamedWithTheirColumn(mentions: readonly Mention[], columns: readonly ColumnInfo[]): Mention[] {
  const keyOf = (m: Mention) => [m.column, ...m.tiedWith].sort().join('|');
  const chosen = new Map<string, ColumnInfo>();
  for (const m of mentions) {
    if (m.via !== 'level' || m.tiedWith.length === 0) continue;
    const name = mentions.find((o) => o.via === 'name' && o.start === m.end && o.tiedWith.length === 0 && [m.column, ...m.tiedWith].includes(o.column));
    const info = name ? columns.find((c) => c.name === name.column) : undefined;
    if (info) chosen.set(keyOf(m), info);
  }
  if (chosen.size === 0) return [...mentions];
  return mentions.map((m) => {
    const info = m.via === 'level' && m.tiedWith.length > 0 ? chosen.get(keyOf(m)) : undefined;
    const level = info?.levels.find((l) => l.toLowerCase() === String(m.level).toLowerCase());
    return info && level !== undefined ? { ...m, column: info.name, level, tiedWith: [] } : m;
  });
}

/** "what fraction of the time", "most of the time": how often, over the rows, not a column `time`. */
function isShareOfTheTime(m: Mention, tokens: readonly Token[]): boolean {
  if (m.via !== 'name' || m.end - m.start !== 1 || tokens[m.start]?.text !== 'time') return false;
  const [of, the, share] = [tokens[m.start - 2], tokens[m.start - 1], tokens[m.start - 3]];
  return the?.text === 'the' && of?.text === 'of' && /^(fraction|proportion|share|percentage|percent|part|most|much|half|rest)$/.test(share?.text ?? '');
}

function isVerbOfAs(m: Mention, tokens: readonly Token[]): boolean {
  const t = tokens[m.start];
  if (m.via !== 'name' || m.end - m.start !== 1 || !t || !/^[a-z]{3,}ing$/.test(t.text) || t.text === m.column.toLowerCase()) return false;
  return tokens.slice(m.end + 1, m.end + 4).some((o) => o.text === 'as');
}

function withoutUnitNouns(mentions: readonly Mention[], columns: readonly ColumnInfo[], tokens: readonly Token[], suffixes: ReadonlySet<string>): Mention[] {
  const info = (name: string) => columns.find((c) => c.name === name);
  return mentions.filter((m) => {
    const c = info(m.column);
    if (!c || m.via !== 'name' || m.end - m.start !== 1 || (c.numeric && !c.factor && !c.subject)) return true;
    // "control runs ... MDL runs": the units of a level each time, however often said.
    const unitsOfLevel = (x: Mention) => tokens[x.start].text !== tokens[x.start].stem && x.end - x.start === 1 && mentions.some((o) => o.via === 'level' && o.column !== x.column && o.end === x.start);
    if (mentions.some((o) => o !== m && o.column === m.column && o.via === 'name' && !unitsOfLevel(o))) return true;
    if (unitsOfLevel(m)) return false;
    const t = tokens[m.start];
    const plural = t.text !== t.stem;
    // "passenger age" with passengerClass: the name without its generic suffix (class) is the units too.
    const suffixUnsaid = c.units.some((u) => suffixes.has(u)) && !c.units.includes(tokens[m.end]?.stem ?? '');
    const unitLike = c.subject || c.levelCount >= 5 || suffixUnsaid;
    const before = tokens[m.start - 1];
    const grouped = before !== undefined && GROUP_MARKERS.has(before.text);
    // (not across a comma: "acpt, slim, sigs1" is a list of columns, not the units of a measurement)
    const measured = !tokens[m.end]?.listed && mentions.some((o) => o.via === 'name' && o.start === m.end && info(o.column)?.numeric && !info(o.column)?.factor);
    return !(unitLike && !plural && !grouped && measured);
  });
}

/**
 * "age by class" with `passengerClass`: a generic word (class, type, code) that ends one column's name,
 * said alone, names that column when it ends no other column's name and nothing else was read there.
 */
function withSuffixNames(mentions: readonly Mention[], columns: readonly ColumnInfo[], tokens: readonly Token[], suffixes: ReadonlySet<string>): Mention[] {
  const added: Mention[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word' || !suffixes.has(t.stem) || mentions.some((m) => m.start <= t.index && t.index < m.end)) continue;
    const owners = columns.filter((c) => c.units.includes(t.stem) && c.factor);
    if (owners.length !== 1 || columns.some((c) => c !== owners[0] && c.words.includes(t.stem))) continue;
    added.push({ start: t.index, end: t.index + 1, text: t.raw, column: owners[0].name, score: 0.85, via: 'name', tiedWith: [] });
  }
  return added.length === 0 ? [...mentions] : [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/**
 * "airbag type", "occupation types": a column's name followed by a column named by a generic word
 * (`type`, `class`, `code`) is one variable, not two. After the units measured (an identifier, a text
 * column, or a column with a value per few rows: "occupation") it is the generic column (the type of
 * the occupations); after a grouping column ("airbag") it is that column (its type).
 */
function withoutGenericPairs(mentions: readonly Mention[], columns: readonly ColumnInfo[], generic: ReadonlySet<string>): Mention[] {
  const info = (name: string) => columns.find((c) => c.name === name);
  const drop = new Set<Mention>();
  for (const second of mentions) {
    const g = info(second.column);
    if (second.via !== 'name' || !g || !g.words.every((w) => generic.has(w))) continue;
    const first = mentions.find((m) => m.via === 'name' && m.end === second.start && m.column !== second.column && m.score >= 0.8);
    const f = first && info(first.column);
    if (!first || !f) continue;
    const unitLike = f.subject || f.schema.kind === 'text' || f.schema.kind === 'id' || f.levelCount > Math.max(10, f.schema.n / 4);
    drop.add(unitLike ? first : second);
  }
  return drop.size === 0 ? [...mentions] : mentions.filter((m) => !drop.has(m));
}

/**
 * "Regress fertility on all the other variables", "predict y from everything else": every column not
 * named (identifiers aside) joins as a predictor.
 */
function addAllOthers(mentioned: MentionedColumn[], tokens: readonly Token[], columns: readonly ColumnInfo[]): void {
  let at = -1;
  for (let i = 0; i < tokens.length && at < 0; i++) {
    const t = tokens[i].text;
    const next = tokens.slice(i + 1, i + 4).map((x) => x.text);
    if (/^(all|every)$/.test(t) && next.some((w) => /^(other|others|remaining|rest)$/.test(w))) at = i;
    else if (t === 'everything' && next[0] === 'else') at = i;
    else if (t === 'the' && /^(rest|remaining)$/.test(next[0] ?? '') && (next[0] === 'rest' || /^(variables|columns|predictors)$/.test(next[1] ?? ''))) at = i;
  }
  if (at < 0) return;
  const named = new Set(mentioned.map((m) => m.info.name));
  let k = 0;
  for (const info of columns) {
    if (named.has(info.name) || info.subject || info.schema.kind === 'id' || info.schema.kind === 'text' || info.schema.kind === 'datetime' || !(info.numeric || info.factor)) continue;
    mentioned.push({ info, position: at + k++ / 100, byName: true, levelsNamed: [], hints: new Set(['predictor']), score: 1, texts: [], synthetic: true });
  }
  mentioned.sort((a, b) => a.position - b.position);
}

/** "concentration over time": the column after "over" is what the one before it varies with (x), that one the outcome (y). */
function addOverHints(mentioned: MentionedColumn[], tokens: readonly Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== 'over') continue;
    const after = mentioned.find((m) => m.byName && (m.position === i + 1 || (m.position === i + 2 && /^(the|its|their)$/.test(tokens[i + 1].text))));
    const before = [...mentioned].reverse().find((m) => m.byName && m.position < i && m.position >= i - 3);
    if (!after || !before || before.hints.size > 0 || after.hints.size > 0) continue;
    after.hints.add('predictor');
    before.hints.add('outcome');
  }
}

/** The level of a two-level column that says "yes" (1, yes, true), if it has one. */
function yesLevel(info: ColumnInfo): string | undefined {
  if (!info.factor || info.levels.length !== 2) return undefined;
  const lower = info.levels.map((l) => l.toLowerCase());
  const pairs: [string, string][] = [['0', '1'], ['no', 'yes'], ['false', 'true'], ['absent', 'present']];
  const pair = pairs.find(([no, yes]) => lower.includes(no) && lower.includes(yes));
  return pair ? info.levels[lower.indexOf(pair[1])] : undefined;
}

/**
 * "the mean temperature of the beaver when inactive", "while the animal is active": a yes/no column
 * said by its word (or its negation) in a when/while clause restricts the rows to that side, when
 * nothing is compared (in "is the temperature higher when active?" the column stays the grouping).
 */
function readWhenClauses(mentioned: MentionedColumn[], tokens: readonly Token[], columns: readonly ColumnInfo[], cues: ReadonlySet<string>, directed: boolean): void {
  if (directed || ['compare', 'effect', 'associate', 'correlate', 'predict', 'versus', 'independence', 'proportion'].some((c) => cues.has(c))) return;
  for (const w of tokens.filter((t) => /^(when|while|whilst)$/.test(t.text))) {
    for (let i = w.index + 1; i <= w.index + 4 && i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'word') break;
      for (const info of columns) {
        const level = sideOfWord(t.text, info);
        if (level === undefined) continue;
        const m = mentioned.find((x) => x.info.name === info.name);
        if (m && m.levelsNamed.length > 0) continue;
        const entry = m ?? { info, position: i, byName: false, levelsNamed: [], hints: new Set(), score: 0.8, texts: [t.raw] };
        entry.byName = false;
        entry.levelsNamed = [level];
        entry.hints.delete('group');
        entry.hints.add('filter');
        if (!m) mentioned.push(entry);
      }
    }
  }
}

/**
 * "the average age of the mothers who smoked": a yes/no column named in a relative clause ("who
 * smoked", "that had hypertension") restricts the rows to its "yes" level when nothing is compared;
 * in a comparison ("do babies of mothers who smoked weigh less?") it stays the grouping.
 */
function readWhoClauses(mentioned: MentionedColumn[], tokens: readonly Token[], cues: ReadonlySet<string>): void {
  if (['compare', 'effect', 'associate', 'correlate', 'predict', 'versus', 'independence', 'proportion'].some((c) => cues.has(c))) return;
  for (const m of mentioned) {
    const yes = yesLevel(m.info);
    if (!yes || !m.byName || m.levelsNamed.length > 0) continue;
    const before = tokens.slice(Math.max(0, m.position - 2), m.position).map((t) => t.text);
    // "the patients with ulcerated tumours", "those having diabetes": the people with it, as "who have it".
    const w = before[1] === 'with' || before[1] === 'having' ? m.position - 1 : before[0] === 'with' || before[0] === 'having' ? m.position - 2 : -1;
    const people = w > 0 && tokens[w - 1].kind === 'word' && tokens[w - 1].text !== tokens[w - 1].stem && !mentioned.some((o) => o !== m && o.position <= w - 1 && w - 1 < o.position + (o.texts[0]?.split(' ').length ?? 1));
    const those = w > 0 && /^(those|ones|people|women|men|children)$/.test(tokens[w - 1].text);
    if (!before.some((x) => /^(who|that|which)$/.test(x)) && !people && !those) continue;
    m.byName = false;
    m.levelsNamed = [yes];
    m.hints.delete('group');
    m.hints.add('filter');
  }
}

/**
 * "the mean weight loss", "average score": a numeric column whose mean (or median) is asked is a measured
 * quantity, even when it holds few distinct values; a mean of codes is not asked for.
 */
function measuredByStatistic(mentioned: MentionedColumn[], tokens: readonly Token[]): MentionedColumn[] {
  for (const m of mentioned) {
    if (!m.byName || !m.info.numeric || !m.info.factor || m.info.quantity || m.info.subject) continue;
    let i = m.position - 1;
    while (i >= 0 && /^(the|of|a|an)$/.test(tokens[i].text)) i--;
    if (i >= 0 && /^(mean|means|average|averages|median|medians)$/.test(tokens[i].text)) m.info = { ...m.info, quantity: true };
  }
  return mentioned;
}

/** Tie-break words of the lexicon said in the request. */
function readTieBreaks(tokens: readonly Token[], compiled: CompiledRules): RequestContext['tieBreaks'] {
  const out: RequestContext['tieBreaks'] = [];
  if (compiled.tieBreaks.length === 0) return out;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    for (const w of compiled.tieBreaks) if (w.stem === t.stem) out.push({ text: t.raw, means: w.means });
  }
  return out;
}

/** Mentions grouped by column, in order of first mention. */
export function groupMentions(mentions: readonly Mention[], columns: readonly ColumnInfo[]): MentionedColumn[] {
  const byColumn = new Map<string, MentionedColumn>();
  for (const m of mentions) {
    const info = columns.find((c) => c.name === m.column) as ColumnInfo;
    let entry = byColumn.get(m.column);
    if (!entry) {
      entry = { info, position: m.start, byName: false, levelsNamed: [], hints: new Set(), score: 0, texts: [] };
      byColumn.set(m.column, entry);
    }
    entry.score = Math.max(entry.score, m.score);
    entry.texts.push(m.text);
    // "at age 25", "day 21": a name followed by one of its values names the value (a row filter), not the column.
    const valueFollows = m.via === 'name' && mentions.some((o) => o.column === m.column && o.via === 'level' && o.start === m.end);
    // "in first class", "the control group": a value right before the name names the value too.
    const valuePrecedes = m.via === 'name' && mentions.filter((o) => o.column === m.column && o.via === 'level').length === 1 && mentions.some((o) => o.column === m.column && o.via === 'level' && o.end === m.start);
    if (m.via === 'name' && !valueFollows && !valuePrecedes) {
      entry.byName = true;
      (entry.positions ??= []).push(m.start);
    }
    if (m.level !== undefined && !entry.levelsNamed.includes(m.level)) {
      entry.levelsNamed.push(m.level);
      (entry.levelAt ??= {})[m.level] = m.start;
    }
  }
  return [...byColumn.values()].sort((a, b) => a.position - b.position);
}

/** Word-order hints, then the roles the request states in so many words ("outcome qsec", "A and B as predictors"). */
function addHints(mentioned: MentionedColumn[], tokens: readonly Token[], cueHits: readonly CueHit[]): boolean {
  const formula = addWordOrderHints(mentioned, tokens, cueHits);
  addRoleWordHints(mentioned, tokens);
  addOddsHints(mentioned, tokens, cueHits);
  return formula;
}

/**
 * "The odds (ratio) of malignancy", "the probability of death": what the odds are of is the outcome
 * modelled (a level of a yes/no column, or the column).
 */
function addOddsHints(mentioned: MentionedColumn[], tokens: readonly Token[], cueHits: readonly CueHit[]): void {
  for (const h of cueHits) {
    if (h.cue !== 'odds_word') continue;
    let i = h.end;
    while (i < tokens.length && i <= h.end + 3 && /^(ratio|ratios|of|the|a|an|being|having|getting)$/.test(tokens[i].text)) i++;
    if (!tokens.slice(h.start, i).some((t) => t.text === 'of' || t.text === 'that')) continue;
    const m = mentioned.find((x) => x.position === i);
    if (m) m.hints.add('outcome');
  }
}

/** Words that name a role, not a column: "the response", "outcome X", "predictors A, B and C". */
const OUTCOME_WORDS = /^(outcome|outcomes|response|responses|dv|target|regressand)$/;
const PREDICTOR_WORDS = /^(predictor|predictors|covariate|covariates|regressor|regressors|explanatory|iv|ivs)$/;
/** Filler between a role word and the column it names ("the outcome variable is qsec"). */
const ROLE_FILLER = /^(the|a|an|our|my|variable|variables|var|is|are|be|being|=|:|will|should|as|of|interest)$/;

/** A role word (or "dependent/independent variable") at token i: which role it names, and its last token. */
function roleWordAt(tokens: readonly Token[], i: number): { role: 'outcome' | 'predictor'; end: number } | undefined {
  const t = tokens[i];
  if (t.kind !== 'word') return undefined;
  const next = tokens[i + 1]?.text ?? '';
  if (OUTCOME_WORDS.test(t.text)) return { role: 'outcome', end: i + 1 };
  if (PREDICTOR_WORDS.test(t.text)) return { role: 'predictor', end: i + 1 };
  if (/^(dependent|independent)$/.test(t.text) && /^(variable|variables|var|vars)$/.test(next)) {
    return { role: t.text === 'dependent' ? 'outcome' : 'predictor', end: i + 2 };
  }
  return undefined;
}

/**
 * Roles stated with role words override word-order guesses: "outcome X" / "X as the response" bind X
 * as the outcome; "predictors A, B and C" / "A, B and C as predictors" bind predictors.
 */
function addRoleWordHints(mentioned: MentionedColumn[], tokens: readonly Token[]): void {
  const real = mentioned.filter((m) => !m.synthetic);
  if (real.length === 0) return;
  const spanEnd = (m: MentionedColumn) => m.position + (m.texts[0]?.split(' ').length ?? 1);
  const markers: { role: 'outcome' | 'predictor'; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const r = roleWordAt(tokens, i);
    if (!r || real.some((m) => m.position <= i && i < spanEnd(m) && m.byName)) continue;
    markers.push({ role: r.role, start: i, end: r.end });
    i = r.end - 1;
  }
  if (markers.length === 0) return;
  const bound = new Map<MentionedColumn, 'outcome' | 'predictor'>();
  const isMarker = (i: number) => markers.some((k) => k.start <= i && i < k.end);
  const columnAt = (i: number) => real.find((m) => m.position === i);
  for (const k of markers) {
    // "X as the response", "A, B and C as predictors": the columns just before "as".
    let j = k.start - 1;
    while (j >= 0 && /^(the|a|an|our|my)$/.test(tokens[j].text)) j--;
    const before: MentionedColumn[] = [];
    if (j >= 0 && tokens[j].text === 'as') {
      let e = j;
      for (let n = 0; n < 6; n++) {
        const m = [...real].reverse().find((x) => spanEnd(x) <= e && spanEnd(x) >= e - 1 && !bound.has(x));
        if (!m || (spanEnd(m) === e - 1 && !/^(and|or|plus|,)$/.test(tokens[e - 1].text))) break;
        before.unshift(m);
        if (k.role === 'outcome') break;
        e = m.position;
        if (e > 0 && /^(and|or|plus)$/.test(tokens[e - 1].text)) e--;
      }
    }
    if (before.length > 0) {
      for (const m of before) bound.set(m, k.role);
      continue;
    }
    // "is weight a (significant) predictor of mpg": mpg is the outcome, weight the predictor.
    if (k.role === 'predictor' && /^(of|for)$/.test(tokens[k.end]?.text ?? '')) {
      let j = k.end + 1;
      while (j < tokens.length && /^(the|a|an)$/.test(tokens[j].text)) j++;
      const target = columnAt(j);
      const subject = [...real].reverse().find((x) => spanEnd(x) <= k.start && !bound.has(x));
      if (target && !bound.has(target)) {
        bound.set(target, 'outcome');
        if (subject) bound.set(subject, 'predictor');
        continue;
      }
    }
    // "outcome qsec", "the response variable is mpg", "predictors hp, wt and am".
    let i = k.end;
    while (i < tokens.length && ROLE_FILLER.test(tokens[i].text) && !isMarker(i)) i++;
    for (let n = 0; n < 8 && i < tokens.length; n++) {
      const m = columnAt(i);
      if (!m || bound.has(m)) break;
      bound.set(m, k.role);
      if (k.role === 'outcome') break;
      i = spanEnd(m);
      while (i < tokens.length && /^(and|or|plus|the)$/.test(tokens[i].text)) i++;
    }
  }
  for (const [m, role] of bound) {
    m.hints.delete('outcome');
    m.hints.delete('predictor');
    m.hints.delete('group');
    m.hints.add(role);
  }
  // One column stated as the outcome: the other named columns are not.
  const outcomes = [...bound.values()].filter((r) => r === 'outcome').length;
  if (outcomes === 1) for (const m of real) if (!bound.has(m)) m.hints.delete('outcome');
}

/** The column named first at or after token `from` (up to `to`), by any of its mentions ("vote ... regression of the vote on x"). */
function firstNamedFrom(mentioned: readonly MentionedColumn[], from: number, to = Infinity): MentionedColumn | undefined {
  const at = (m: MentionedColumn) => [m.position, ...(m.positions ?? [])].filter((p) => p >= from && p <= to).sort((a, b) => a - b)[0] ?? Infinity;
  const best = [...mentioned].sort((a, b) => at(a) - at(b))[0];
  return best && at(best) < Infinity ? best : undefined;
}

/** Word-order hints: group markers, outcome after a predict/effect verb or before "~" / "from". */
function addWordOrderHints(mentioned: MentionedColumn[], tokens: readonly Token[], cueHits: readonly CueHit[]): boolean {
  for (const m of mentioned) {
    // Levels of a column named (or several levels named), some after an exclusion ("excluding the
    // African group, ... OECD membership"): those are left out; the others named do not limit the rows kept.
    if (m.levelAt && (m.levelsNamed.length >= 2 || (m.byName && m.levelsNamed.length === 1))) {
      const excluded = m.levelsNamed.filter((l) => {
        const at = m.levelAt?.[l] ?? -1;
        return at > 0 && afterExclusion(tokens, at);
      });
      if (excluded.length > 0) m.levelsExcluded = excluded;
    }
    if (!m.byName && m.levelsNamed.length > 0) m.hints.add('group');
    // "Among Gentoo penguins", "in Adelie": one level named after such a word restricts the rows.
    if (!m.byName && m.levelsNamed.length === 1) {
      // "Excluding the African group", "leaving out Knock Hill", "other than Asia": one level left out.
      if (afterExclusion(tokens, m.position)) m.hints.add('filter').add('exclude');
      // "at the last measurement (day 258)": a time point said before its value is part of the phrase.
      for (let i = m.position - 1; i >= Math.max(0, m.position - 4); i--) {
        if (/^(among|amongst|within|only|for|in|at|on)$/.test(tokens[i].text)) {
          m.hints.add('filter');
          break;
        }
        if (!/^(the|all)$/.test(tokens[i].text) && !(i >= m.position - 2 && /^(first|last|final|initial|measurement|occasion|visit)$/.test(tokens[i].text))) break;
      }
    }
    // Look back over up to two filler words for a group marker: "by species", "across the islands".
    for (let i = m.position - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
      const t = tokens[i];
      if (GROUP_MARKERS.has(t.text)) {
        m.hints.add('group');
        break;
      }
      if (t.text === 'of' && i > 0 && /^(effect|impact|influence)/.test(tokens[i - 1].text)) {
        m.hints.add('group');
        m.hints.add('predictor');
        break;
      }
      // "across the levels of rad", "by categories of income": the column after "levels of" is the group.
      const levelsOf = t.text === 'of' && /^(level|levels|category|categories|value|values)$/.test(tokens[i - 1]?.text ?? '');
      if (levelsOf) {
        i--;
        seen--;
        continue;
      }
      if (!/^(the|different|each|all|its|their|two|three|four|both|several|various|these|those|\d+)$/.test(t.text)) break;
    }
    const next = tokens[m.position + 1 + (m.texts[0]?.split(' ').length ?? 1) - 1];
    if (next && (next.stem === 'group' || next.text === 'groups')) m.hints.add('group');
    // "within each chick", "for every participant": the column names the subjects of a repeated design.
    const [w1, w2] = [tokens[m.position - 2]?.text, tokens[m.position - 1]?.text];
    if (/^(each|every)$/.test(w2 ?? '') && /^(within|for|of)$/.test(w1 ?? '')) m.hints.add('subject');
  }
  // "effect of X on Y": Y is the outcome.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text === 'on') {
      const after = firstNamedFrom(mentioned, i + 1, i + 3);
      const effectBefore = cueHits.some((h) => h.cue === 'effect' && h.start < i && /^(effect|impact|influence)s?$/.test(tokens[h.start].text) && tokens[h.end]?.text === 'of');
      const regressBefore = cueHits.some((h) => h.cue === 'predict' && h.start < i && /^regress/.test(tokens[h.start].text));
      // "a quadratic fit of mass on flipper length": Y on X in a model.
      const modelBefore = cueHits.some((h) => h.cue === 'polynomial' && h.start < i);
      if (after && effectBefore) after.hints.add('outcome');
      // "regress RI on Na, Mg, ... and Fe": every column listed after "on" is a predictor.
      if (after && (regressBefore || modelBefore)) for (const m of [after, ...listedAt(mentioned, tokens, after.position)]) m.hints.add('predictor');
      const before = [...mentioned].reverse().find((m) => m.position < i);
      if (modelBefore && after && before && before.position >= i - 4) before.hints.add('outcome');
    }
  }
  // "a quadratic in girth": the polynomial's variable is a predictor.
  for (const h of cueHits) {
    if (h.cue !== 'polynomial' || !/^(in|of)$/.test(tokens[h.end]?.text ?? '')) continue;
    const m = mentioned.find((x) => x.position === h.end + 1 || x.position === h.end + 2);
    if (m) m.hints.add('predictor');
  }
  // "... x and z as predictors": the columns named before it are predictors.
  const asPredictors = tokens.findIndex((t, i) => t.text === 'as' && /^(predictor|covariate|regressor|explanatory|independent)/.test(tokens[i + 1]?.text ?? ''));
  if (asPredictors > 0) {
    const firstAfterVerb = mentioned[0];
    for (const m of mentioned) if (m.position < asPredictors && m !== firstAfterVerb) m.hints.add('predictor');
  }
  // Formula: "y ~ x1 + x2"; "y ~ w | subject" (a within-subject factor, paired by subject): the
  // columns after "|" identify the subjects, the ones between "~" and "|" are groups.
  const tilde = tokens.findIndex((t) => t.text === '~');
  if (tilde >= 0) {
    const before = [...mentioned].reverse().find((m) => m.position < tilde);
    if (before) before.hints.add('outcome');
    const bar = tokens.findIndex((t, i) => i > tilde && t.text === '|');
    for (const m of mentioned) {
      if (m.position <= tilde) continue;
      if (bar > 0) {
        m.hints.add(m.position < bar ? 'group' : 'predictor');
        if (m.position > bar) m.hints.add('subject');
      } else m.hints.add('predictor');
    }
    return before !== undefined && bar < 0;
  }
  // "does X matter (for Y)", "does X make a difference to Y": X is the cause, Y the outcome.
  const matter = cueHits.find((h) => h.cue === 'effect' && /^(matter|make)/.test(tokens[h.start].text));
  if (matter) {
    for (const m of mentioned) m.hints.add(m.position < matter.start ? 'predictor' : 'outcome');
    return false;
  }
  const verbs = [...cueHits].sort((a, b) => a.start - b.start).filter(
    (h) =>
      (h.cue === 'predict' && /^(predict|regress|explain|model|forecast)/.test(tokens[h.start].text)) ||
      (h.cue === 'effect' && /^(affect|impact|influenc|depend|driven|drive|change|increase|decrease|rise|go)/.test(tokens[h.start].text) && tokens[h.end]?.text !== 'of'),
  );
  // "a regression predicting mass from flipper length": the verb that says which is which, not the noun.
  const saysNothing = (h: CueHit) => /^regress/.test(tokens[h.start].text) && !tokens.slice(h.end).some((t) => t.text === 'on' || t.text === 'against');
  const verb = verbs.find((h) => !saysNothing(h)) ?? verbs[0];
  if (verb) {
    const after = tokens[verb.end];
    const lastWord = tokens[verb.end - 1].text;
    const passive =
      (verb.end - verb.start > 1 && /^(with|on|upon|by)$/.test(lastWord)) ||
      (after !== undefined &&
      (after.text === 'by' || after.text === 'from' || after.text === 'using' || after.text === 'on' || after.text === 'upon' || after.text === 'with' || (after.text === 'as' && tokens[verb.start].text.endsWith('ed'))));
    if (passive) {
      const before = [...mentioned].reverse().find((m) => m.position < verb.start);
      if (before) before.hints.add('outcome');
      for (const m of mentioned) if (m.position > verb.start) m.hints.add('predictor');
    } else {
      let first = firstNamedFrom(mentioned, verb.end);
      // "regression of a and b" does not say which is the outcome; "regress y on x" does.
      const onAt = tokens.findIndex((t, i) => i >= verb.end && (t.text === 'on' || t.text === 'against'));
      const regressWithoutOn = /^regress/.test(tokens[verb.start].text) && onAt < 0;
      // "regress crime on GDP": the outcome stands between the verb and "on"; a column after "on" is a predictor, never the outcome.
      if (first && /^regress/.test(tokens[verb.start].text) && onAt >= 0 && first.position >= onAt) first = undefined;
      if (first && !regressWithoutOn) first.hints.add('outcome');
      else {
        const before = [...mentioned].reverse().find((m) => m.position < verb.start);
        if (before && verb.cue === 'predict') before.hints.add('outcome');
      }
    }
    return false;
  }
  // "mpg from weight and horsepower", "mpg using wt".
  const marker = tokens.findIndex((t) => PREDICTOR_MARKERS.has(t.text) && t.text !== 'with');
  // "differ in size from the control trees": the other side of a comparison (its outcome said after "in"), not predictors.
  const differsFrom = marker > 1 && tokens[marker].text === 'from' && /^(differ|differs|different)$/.test(tokens[marker - 3]?.text ?? '') && /^(in|on)$/.test(tokens[marker - 2].text);
  if (marker > 0 && !differsFrom) {
    const before = [...mentioned].reverse().find((m) => m.position < marker);
    if (before && mentioned.some((m) => m.position > marker)) {
      before.hints.add('outcome');
      for (const m of mentioned) if (m.position > marker) m.hints.add('predictor');
      return true;
    }
  }
  return false;
}

/**
 * Shares: two percentages set against each other ("20% vs 35%") are two proportions; counts of the
 * levels of one column set against each other or against a value, with nothing measured:
 * a test value written as a percentage of a two-level column ("is the survival rate different from
 * 40%?") asks about its share (`proportion`); two levels of one column said with "more/fewer ... than"
 * or "as many ... as" ("more male than female cats") compare their counts (`gof_named`).
 */
export function readShareCues(tokens: readonly Token[], mentions: readonly Mention[], mentioned: readonly MentionedColumn[], mu: RequestContext['mu']): string[] {
  if (hasPercentPair(tokens)) return ['proportion'];
  const levelAt = (m: MentionedColumn, index: number) => mentions.some((x) => x.via === 'level' && x.column === m.info.name && x.start === index);
  const measured = mentioned.some((m) => m.info.numeric && !m.info.factor && m.byName);
  if (measured) return [];
  const binary = mentioned.filter((m) => m.info.factor && m.info.levelCount === 2);
  if (mu?.percent && binary.length === 1 && mentioned.length === 1) return ['proportion'];
  // "the sex ratio is 50:50", "the ratio of smokers": a ratio of a two-level column against a value is its share.
  const ratio = tokens.some((t) => /^(ratio|ratios|split)$/.test(t.text) && mentions.some((x) => x.column === binary[0]?.info.name && (x.end === t.index || x.start === t.index + 2)));
  if (mu !== undefined && binary.length === 1 && mentioned.length === 1 && ratio) return ['proportion'];
  const contrasted = mentioned.filter((m) => m.info.factor && m.levelsNamed.length >= 2);
  if (contrasted.length !== 1 || mentioned.some((m) => m !== contrasted[0] && m.byName)) return [];
  // The count word bears on the level itself: "more male than female", "as many men as women".
  const counted = tokens.some((t, i) => {
    const at = /^(more|fewer)$/.test(t.text) ? i + 1 : t.text === 'as' && tokens[i + 1]?.text === 'many' ? i + 2 : -1;
    return at > 0 && tokens.slice(at, at + 2).some((u) => levelAt(contrasted[0], u.index));
  });
  return counted ? ['gof_named'] : [];
}

/** "0.40 vs 0.50", "0.4 and 0.6": two shares written as decimals set against each other. */
function hasProportionPair(tokens: readonly Token[]): boolean {
  const share = (t: Token | undefined) => t?.kind === 'number' && !t.percent && t.value !== undefined && t.value > 0 && t.value < 1;
  return tokens.some((t, i) => share(t) && /^(vs|versus|to|and)$/.test(tokens[i + 1]?.text ?? '') && share(tokens[i + 2]) && !/^power/.test(tokens[i + 3]?.text ?? ''));
}

/** "20% vs 35%", "from 50% to 75%": two percentages set against each other are two proportions. */
function hasPercentPair(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => t.percent === true && /^(vs|versus|to|and)$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.percent === true && !/^power/.test(tokens[i + 3]?.text ?? ''));
}

/** "from <column or level> to <column or level>": a change from the first to the second. */
function readFromTo(tokens: readonly Token[], mentions: readonly Mention[]): boolean {
  const from = tokens.findIndex((t) => t.text === 'from');
  if (from < 0) return false;
  const first = mentions.find((m) => m.start > from && m.start <= from + 2);
  if (!first) return false;
  const to = tokens.findIndex((t, i) => i >= first.end && t.text === 'to');
  return to >= 0 && mentions.some((m) => m.start > to && m.start <= to + 2);
}

/** "99% confidence", "95% CI", "alpha = 0.01". */
function readConfLevel(tokens: readonly Token[]): { value: number; index: number } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'number' && t.percent && t.value !== undefined && t.value > 50 && t.value < 100) {
      const near = tokens.slice(i + 1, i + 3).some((n) => /^(conf|ci|interval|level)/.test(n.text));
      if (near) return { value: t.value / 100, index: i };
    }
    if (t.text === 'alpha' || t.text === 'significance') {
      const n = tokens.slice(i + 1, i + 4).find((x) => x.kind === 'number');
      if (n?.value !== undefined) {
        const a = n.percent ? n.value / 100 : n.value;
        if (a > 0 && a < 0.5) return { value: 1 - a, index: n.index };
      }
    }
  }
  return undefined;
}

/** Number words that can be a test value ("different from zero"). */
const NUMBER_WORDS = new Map([
  ['zero', 0],
  ['nil', 0],
]);

/** The test value of a one-sample question: a number after "than", "from", "equal to", "mu =". */
function readMu(tokens: readonly Token[], mentions: readonly Mention[], conf?: { index: number }): RequestContext['mu'] {
  const used = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) used.add(i);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const value = t.kind === 'number' ? t.value : NUMBER_WORDS.get(t.text);
    if (value === undefined || used.has(i) || i === conf?.index) continue;
    // "different from 50:50", "60:40": a split of two shares, the first one's share is the value.
    const split = tokens[i + 1]?.text === ':' && tokens[i + 2]?.kind === 'number' ? (tokens[i + 2].value as number) : undefined;
    if (split !== undefined && value + split > 0 && tokens[i - 1]?.text !== '~') {
      const back = [1, 2, 3, 4].find((k) => tokens[i - k] && (MU_MARKERS.has(tokens[i - k].text) || /^exceed/.test(tokens[i - k].text)));
      if (back !== undefined) return { value: value / (value + split), text: tokens.slice(i - back, i + 3).map((x) => x.raw).join(' ') };
    }
    for (let back = 1; back <= 3; back++) {
      const b = tokens[i - back];
      if (!b) break;
      // A percentage is a test value only after a comparison ("different from 25%"), not "power of 80%".
      if (t.percent && !SHARE_MARKERS.has(b.text)) continue;
      if (MU_MARKERS.has(b.text) || /^exceed/.test(b.text)) {
        const negative = tokens[i - 1]?.raw === '-' ? -1 : 1;
        return { value: negative * value, text: tokens.slice(i - back, i + 1).map((x) => x.raw).join(' '), ...(t.percent ? { percent: true } : {}) };
      }
    }
  }
  return undefined;
}

/** One-sided wording: "greater", "higher", "increase" vs "less", "lower", "reduce"; none when both are said. */
function readDirection(cueHits: readonly CueHit[]): 'greater' | 'less' | undefined {
  const greater = cueHits.some((h) => h.cue === 'greater' || h.cue === 'positive');
  const less = cueHits.some((h) => h.cue === 'less' || h.cue === 'negative');
  if (greater === less) return undefined;
  // "more than two groups" is not a hypothesis; "at least" needs a number.
  return greater ? 'greater' : 'less';
}

/** Content words matched by nothing: candidates for a column the dataset does not have. */
/** Whether the request names a value of a time column ("day 258" for Time). */
function namesTimeValue(mentions: readonly Mention[], columns: readonly ColumnInfo[], compiled: CompiledRules): boolean {
  return mentions.some((m) => m.via === 'level' && columns.find((c) => c.name === m.column)?.words.some((w) => compiled.set.words.timeNames.includes(w.toLowerCase())));
}

function readUnknownWords(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  cueHits: readonly CueHit[],
  columns: readonly ColumnInfo[],
  isVocabulary: (t: Token) => boolean,
  compiled: CompiledRules,
  datasetWords: ReadonlySet<string>,
): RequestContext['unknownWords'] {
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  for (const h of cueHits) for (let i = h.start; i < h.end; i++) covered.add(i);
  const names = columns.map((c) => c.name);
  const out: RequestContext['unknownWords'] = [];
  for (const t of tokens) {
    if (covered.has(t.index) || !isContentToken(t) || t.text.length < 3 || isVocabulary(t) || STOPWORDS.has(t.stem)) continue;
    if (compiled.roleWords.has(t.text) || compiled.harmless.has(t.text) || compiled.harmless.has(t.stem) || datasetWords.has(t.stem)) continue;
    // "at the last measurement (day 258)": a time point whose value of the time column is named too.
    if ((t.text === 'first' || compiled.set.words.timePoints.includes(t.text)) && namesTimeValue(mentions, columns, compiled)) continue;
    // A word for the units observed ("the subjects", "participants") that names no column is no variable.
    if (compiled.columnWords.subject.has(t.text) || compiled.columnWords.subject.has(t.stem)) continue;
    // "tracts bordering the river", "the share of arrestees", "mean age of the arrestees": the units (unit-words.ts).
    if (isUnitNoun(tokens, t.index, mentions)) continue;
    // "nonsmokers" for the other level of `smoker`: part of the column's name.
    const negated = /^(non|un|in)(.{4,})$/.exec(t.text)?.[2];
    if (negated && columns.some((c) => c.stems.includes(stemWord(negated)) || c.words.some((w) => rootOf(w) === rootOf(negated)))) continue;
    // A noun made from a level of a column ("approval" with the levels approve/disapprove, "survival"
    // with survived/died) speaks of that column's values, not of a column the data lack.
    // So does "presence" / "absence" with the levels present / absent (-ence, -ance nouns of -ent, -ant words).
    const nounRoot = rootOf(t.text.replace(/al$/, 'e').replace(/(en|an)ce$/, '$1t'));
    if (t.text.length >= 6 && columns.some((c) => c.schema.levels?.some((l) => rootOf(String(l.value).toLowerCase()) === nounRoot))) continue;
    const suggestion = suggestName(t.text, names);
    // Adverbs ("strongly correlated", "significantly higher") qualify the question, not a variable.
    if (!suggestion && t.text.length >= 5 && t.text.endsWith('ly')) continue;
    const prev = tokens[t.index - 1];
    const next = tokens[t.index + 1];
    // A word qualifying a column named right after it ("spray treatments", "tooth len") is part of its name.
    if (mentions.some((m) => m.via === 'name' && m.score >= 0.8 && m.start === t.index + 1)) continue;
    // ... or the first half of a hyphenated compound that does ("labour-force participation"); one
    // coordinated with something else ("combined and single-grade classes") describes a value instead.
    if (next?.kind === 'word' && next.ranged && !/^(and|or|vs|versus)$/.test(prev?.text ?? '') && mentions.some((m) => m.via === 'name' && m.score >= 0.8 && m.start === t.index + 2)) continue;
    // A noun right after a column named in full ("wind speed", "sex ratio", "speed of light") says what of it is meant.
    if (mentions.some((m) => m.via === 'name' && m.score >= 0.8 && m.end === t.index)) continue;
    if (prev?.text === 'of' && mentions.some((m) => m.via === 'name' && m.score >= 0.95 && m.end === t.index - 1)) continue;
    if (describesThePair(t, tokens)) continue;
    // Not where a variable stands: a verb of the question, a rate's denominator, a qualifier of a column named after it (word-places.ts).
    if (isQuestionVerb(tokens, t.index) || isRateUnit(tokens, t.index, mentions)) continue;
    // (the units, "smoking mothers' weight", are no qualifier: a word before them may restrict the rows)
    const units = (x: Token) => compiled.harmless.has(x.text) || compiled.harmless.has(x.stem) || compiled.columnWords.subject.has(x.stem);
    const grouping = (name: string) => columns.some((c) => c.name === name && c.factor && !c.numeric);
    if (qualifiesColumn(tokens, t.index, mentions, (i) => !covered.has(i) && tokens[i].kind === 'word' && isContentToken(tokens[i]) && !units(tokens[i]), grouping)) continue;
    // "A biologist claims that ...", "the geneticist expects ...": who makes the claim, not a variable.
    if (isClaimant(tokens, t.index)) continue;
    // "distance to the employment centres", "time from the first visit": a complement of the column named just before.
    const article = prev?.text === 'the' ? 1 : 0;
    if (/^(to|from)$/.test(tokens[t.index - 1 - article]?.text ?? '') && mentions.some((m) => m.via === 'name' && m.score >= 0.8 && m.end === t.index - 1 - article)) continue;
    const rolePosition =
      afterExclusion(tokens, t.index) ||
      (prev !== undefined && /^(by|across|between|of|in|on|for|and|vs|versus|with|without|from|against|among|per|or|to|affect|affects|predict|predicts|explain|explains|regress|regresses|the|a|an|its|their|our|my|better|worse|higher|lower|greater|larger|smaller|more|less|fewer|longer|shorter|bigger|heavier)$/.test(prev.text)) ||
      (next !== undefined && /^(by|and|vs|versus|against|between|across|or|affect|affects|influence|influences|predict|predicts|differ|differs|different|vary|varies|change|changes|related|associated|correlated|higher|lower|greater|larger|smaller|increase|increases|decrease|decreases)$/.test(next.text)) ||
      // Beside a column matched by part of its name ("body weight" with only body_length_mm): the
      // word is part of the variable's name, and the column that shares the other word may be wrong.
      mentions.some((m) => m.via === 'name' && m.score < 0.9 && (m.end === t.index || m.start === t.index + 1));
    // A word where a status is said ("with and without asthma") may be what a yes/no column records: offered first.
    const people = (w: string) => compiled.harmless.has(w) || compiled.columnWords.subject.has(stemWord(w));
    const statusColumns = isStatusPosition(tokens, t.index, people) ? columns.filter(isYesNoColumn).map((c) => c.name) : [];
    const closest = [...new Set([...statusColumns, ...closestColumns(t.text, columns)])].slice(0, 3);
    out.push({ word: t.raw, index: t.index, suggestion, closest, rolePosition: rolePosition || statusColumns.length > 0 });
  }
  return out;
}

/**
 * "the two steroid metabolites", "both years' yields": words after "the two" or "both" describe a pair of
 * columns (which two is settled by the columns that fit, and asked when more than two do), not a column
 * the data lack.
 */
function describesThePair(t: Token, tokens: readonly Token[]): boolean {
  for (let i = t.index - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const w = tokens[i];
    if (w.text === 'both' || (w.text === 'two' && tokens[i - 1]?.text === 'the')) return true;
    if (w.kind !== 'word' || !isContentToken(w)) return false;
  }
  return false;
}

/** Up to three columns whose name (or one of its words) is closest in spelling to a word. */
function closestColumns(word: string, columns: readonly ColumnInfo[]): string[] {
  const scored: { name: string; d: number }[] = [];
  for (const c of columns) {
    let best = Infinity;
    for (const w of [...c.words, c.joined]) {
      const d = editDistance(word, w) / Math.max(word.length, w.length);
      if (d < best) best = d;
      if (w.length >= 3 && (word.startsWith(w) || w.startsWith(word.slice(0, 3)))) best = Math.min(best, 0.34);
    }
    if (best <= 0.5) scored.push({ name: c.name, d: best });
  }
  return scored.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1)).slice(0, 3).map((x) => x.name);
}

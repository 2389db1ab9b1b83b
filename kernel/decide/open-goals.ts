/**
 * Goals that name too little to be analysed (issue #16): the request asks for something (a test, a
 * relation, a difference, a look) but leaves out what it is about, so any answer would be a guess.
 * - a bare test of one column ("Test the dates", "test the temperature"): which test?
 * - a relation with one variable ("Is income related?"): related to what?
 * - a difference at one level of a grouping column of three or more levels, with no value and no other
 *   level ("Is the protein different on shelf 2?"): different from what?
 * - a look at one level alone ("Analyze blue eyes"): what about it?
 * - two groups set against each other in a direction with nothing measured named ("did the diet group
 *   lose more than the control group?"): more of what?
 * - whether one column matters, with nothing else named ("Is wbc relevant?", "Is genotype important
 *   for weight?" when genotype names no column): relevant to what, and how?
 * - one measurement called different with nothing it differs between or from ("Is age different?",
 *   "Is the effect of dose different?"): different from what?
 * - a grouping alone compared, or its effect asked, with nothing measured named while the data hold two
 *   or more things it could be compared on ("compare the judges", "is there a language effect?"): on what?
 * - two measurements compared with nothing else said ("compare viscosity and time"): related, or paired?
 * - one column to be analysed with nothing said of what to find out ("analyse cooperation"): how?
 * - a relation or trend asked with no column named, in data with three or more columns ("is there a
 *   trend?"): of what?
 * - a yes/no question whose asking words read as no analysis ("do the labs agree?", "did incidents go up
 *   over the years?"): the columns are named but not what is asked of them.
 * The engine answers these with a short menu of the natural first analyses (reason open-goal).
 */
import type { MentionedColumn, RequestContext } from './context.js';
import { isWidePair } from './fit.js';
import { isEarlierByName } from './time-order.js';

/** What the request leaves open, and the column it names. */
export type OpenGoal =
  | { kind: 'bare-test'; column: MentionedColumn }
  | { kind: 'one-sided-relation'; column: MentionedColumn }
  | { kind: 'relevant-for-what'; column: MentionedColumn }
  | { kind: 'compared-with-what'; column: MentionedColumn }
  | { kind: 'different-from-what'; outcome: MentionedColumn; group: MentionedColumn }
  | { kind: 'one-level'; column: MentionedColumn }
  | { kind: 'no-outcome'; group: MentionedColumn }
  | { kind: 'compared-on-what'; column: MentionedColumn }
  | { kind: 'nothing-named' }
  | { kind: 'analysed-how'; column: MentionedColumn }
  | { kind: 'question-unread'; column: MentionedColumn }
  | { kind: 'two-measures'; column: MentionedColumn; other: MentionedColumn };

/** Cues that say what is asked beyond the bare verb (a statistic, a figure, a named test, a direction). */
const SPECIFIC = ['normality', 'distribution', 'plot', 'histogram', 'density', 'qq', 'boxplot', 'violin', 'scatter', 'bar', 'statistic', 'statistic_question', 'spread', 'variance', 'greater', 'less', 'one_sided', 'onesample', 'paired', 'predict', 'effect', 'correlate', 'independence', 'versus', 'describe', 'nonparam', 'rank'];

/** The open goal of a request, if it names too little to be analysed. */
export function readOpenGoal(ctx: RequestContext, intents: ReadonlySet<string>, namedTests: number): OpenGoal | undefined {
  // A word that names nothing in the data where a column would stand is that missing column (unknown-word), not an open goal.
  if (ctx.unknownWords.some((w) => w.rolePosition || w.suggestion)) return undefined;
  if (ctx.mu !== undefined || namedTests > 0 || ctx.formula) return undefined;
  const noOutcome = readNoOutcome(ctx);
  if (noOutcome) return noOutcome;
  const real = ctx.mentioned.filter((m) => !m.synthetic);
  const asked = [...ctx.cues].filter((c) => intents.has(c));
  const only = (...cues: string[]) => asked.every((c) => cues.includes(c));
  // Nothing said of what it differs between or from: no group word, no level, no value, no "than".
  const between = ctx.tokens.some((t) => /^(than|from|versus|vs|between|among|amongst|across|by|groups?|others?|each|per|over|within|for|in|on)$/.test(t.text));
  // "Is the effect of dose different?": the effect of the one column named differs between what, or from what?
  if (real.length === 1 && real[0].byName && real[0].levelsNamed.length === 0 && real[0].info.factor && ctx.cues.has('effect') && ctx.cues.has('compare') && only('compare', 'effect') && !between) {
    return { kind: 'compared-with-what', column: real[0] };
  }
  // "is there a trend?": a relation asked of no column, more than two to choose from.
  const usable = ctx.columns.filter((c) => !c.subject && c.schema.kind !== 'id' && c.schema.kind !== 'text' && (c.numeric || c.factor));
  if (ctx.mentioned.length === 0 && ctx.unknownWords.length === 0 && asked.length > 0 && only('associate', 'correlate', 'compare', 'effect') && usable.length > 2) return { kind: 'nothing-named' };
  // "do the labs agree?": a yes/no question of named columns with no word of what is asked.
  const question = /^(do|does|did|is|are|was|were|has|have|can)$/.test(ctx.tokens[0]?.text ?? '');
  // A column named by a comparative of its word ("are ulcerated tumours thicker?" thickness) asks a comparison.
  const comparative = real.some((m) => m.texts.some((t) => /(er|est)$/i.test(t) && !m.info.words.includes(t.toLowerCase())));
  if (question && !comparative && asked.length === 0 && ctx.cues.size === 0 && !ctx.direction && real.length >= 1 && real.every((m) => m.byName) && ctx.unknownWords.length === 0) return { kind: 'question-unread', column: real[0] };
  const onWhat = readComparedOnWhat(ctx, real, asked);
  if (onWhat) return onWhat;
  if (SPECIFIC.some((c) => ctx.cues.has(c))) return undefined;
  // "compare viscosity and time": two measurements, nothing said of how (related? the same scale, paired?).
  const measures = real.filter((m) => m.byName && m.levelsNamed.length === 0 && m.info.numeric && (!m.info.factor || m.info.quantity));
  // Names that share a word or say a time order (Prewt, Postwt) are one quantity twice: a paired comparison.
  const alike = measures.length === 2 && (measures[0].info.stems.some((w) => measures[1].info.stems.includes(w)) || isEarlierByName(measures[0].info.name, measures[1].info.name) !== undefined || isWidePair(measures[0].info.name, measures[1].info.name));
  if (real.length === 2 && measures.length === 2 && !alike && !between && ctx.cues.has('compare') && only('compare') && !ctx.direction) return { kind: 'two-measures', column: measures[0], other: measures[1] };
  if (real.length === 1) {
    const [m] = real;
    if (m.byName && m.levelsNamed.length === 0) {
      if (ctx.cues.has('test_request') && asked.length === 0) return { kind: 'bare-test', column: m };
      if (ctx.cues.has('associate') && only('associate') && m.info.numeric) return { kind: 'one-sided-relation', column: m };
    }
    if (!m.byName && m.levelsNamed.length === 1 && ctx.cues.has('goal_explore') && only('goal_explore')) return { kind: 'one-level', column: m };
    // "analyse cooperation": what to find out about it (its distribution, a difference between groups, a relation)?
    if (m.byName && m.levelsNamed.length === 0 && ctx.cues.has('goal_explore') && only('goal_explore')) return { kind: 'analysed-how', column: m };
    if (m.byName && m.levelsNamed.length === 0 && ctx.cues.has('relevance') && asked.length === 0) return { kind: 'relevant-for-what', column: m };
    if (m.byName && m.levelsNamed.length === 0 && m.info.numeric && !m.info.factor && ctx.cues.has('compare') && only('compare') && !between) return { kind: 'compared-with-what', column: m };
  }
  if (real.length === 2 && ctx.cues.has('compare') && only('compare') && !ctx.cues.has('goal_value')) {
    const group = real.find((m) => !m.byName && m.levelsNamed.length === 1 && m.info.factor && m.info.levels.length >= 3);
    const outcome = real.find((m) => m !== group && m.byName && m.info.numeric && !m.info.factor);
    // "than ...", "from ...", "compared with ...": the other side is said.
    const contrast = ctx.tokens.some((t) => /^(than|from|versus|vs|others|other|rest|between|among|across)$/.test(t.text));
    if (group && outcome && !contrast) return { kind: 'different-from-what', outcome, group };
  }
  return undefined;
}

/**
 * "did the diet + exercise group lose more than the diet group?": two groups set against each other in
 * a direction, with nothing measured named: more of what?
 */
function readNoOutcome(ctx: RequestContext): OpenGoal | undefined {
  const real = ctx.mentioned.filter((m) => !m.synthetic);
  // Counts of the levels ("more women than men") and shares are comparisons of their own.
  if (['gof_named', 'proportion', 'independence', 'associate', 'correlate', 'bar', 'predict'].some((c) => ctx.cues.has(c))) return undefined;
  const directed = ctx.cues.has('greater') || ctx.cues.has('less');
  const contrasted = real.filter((m) => m.info.factor && m.levelsNamed.length >= 2);
  const measured = real.some((m) => m.byName && m.levelsNamed.length === 0 && m.info.numeric && (!m.info.factor || m.info.quantity));
  if (directed && contrasted.length === 1 && !measured && real.every((m) => m === contrasted[0] || (!m.byName && m.levelsNamed.length === 1))) {
    return { kind: 'no-outcome', group: contrasted[0] };
  }
  return undefined;
}

/**
 * "compare the judges", "is there a language effect?": one grouping column named and nothing measured,
 * while the data hold two or more columns it could be compared on (measurements, or other categorical
 * columns such as a decision): compared on what? With one candidate the role is filled as usual.
 */
function readComparedOnWhat(ctx: RequestContext, real: MentionedColumn[], asked: string[]): OpenGoal | undefined {
  if (real.length !== 1 || ctx.direction) return undefined;
  const [m] = real;
  if (!m.byName || m.levelsNamed.length > 0 || !m.info.factor || m.info.quantity) return undefined;
  if (asked.length === 0 || !asked.every((c) => c === 'compare' || c === 'effect')) return undefined;
  const candidates = ctx.columns.filter((c) => c.name !== m.info.name && !c.subject && c.schema.kind !== 'id' && c.schema.kind !== 'text' && (c.numeric || c.factor));
  return candidates.length >= 2 ? { kind: 'compared-on-what', column: m } : undefined;
}

/**
 * The deterministic decision engine: request + column schema -> one analysis with its roles, an
 * ambiguity with two to four concrete choices, or no match. Pure and synchronous; the same input
 * always gives the same output.
 *
 * Pipeline:
 * 1. read the request (`context.ts`): tokens, cue phrases, column and level mentions, hints, mu;
 * 2. a word that fits two columns equally: decide each reading, and offer them as choices;
 * 3. fit every rule (`fit.ts`) and keep those whose cues hold;
 * 4. one clear winner (highest priority, then best fit) -> decided; equal contenders -> ambiguous;
 *    a role the request leaves open with several columns that fit -> ambiguous, one choice each;
 * 5. nothing fits -> the closest readings (other analyses for these column kinds, or one column
 *    fewer) as choices, or no match.
 */
import { conventionalResponse, onlyColumnLine, readAsOnlyColumn, responseLine, standsAlone } from './only-column.js';
import { isEarlierByName } from './time-order.js';
import { matchesPhraseWord, STOPWORDS } from './text.js';
import { withColumnRanges } from './column-lists.js';
import { withoutImpossibleValues } from './value-range.js';
import { TASKS, taskTitle } from '../contract/index.js';
import type { ColumnSchema, DatasetSchema, Roles, TaskId } from '../types.js';
import { formatList } from '../messages/index.js';
import type { ColumnInfo } from './columns.js';
import { compileRules, groupMentions, readRequest, type CompiledRules, type MentionedColumn, type RequestContext } from './context.js';
import { monthLabel } from './calendar.js';
import { describeRoles, NEEDS, reasonText, renderExplanation, TASK_NAMES, TASK_WHY } from './explain.js';
import { fitRule, formulaPowers, isWidePair, rolesKey, type Fit } from './fit.js';
import { defaultRules } from './rules.js';
import { readOpenGoal } from './open-goals.js';
import { askRepeatedRows } from './repeated-rows.js';
import type { Ambiguity, Choice, Decision, DecisionOutcome, Explanation, NoMatch, Reason, Rule, RuleSet } from './types.js';

const MAX_CHOICES = 4;

/** The cues that name a two-group test (its k-group test's counterpart is in the task catalogue). */
const TWO_GROUP_NAMED: Partial<Record<TaskId, string[]>> = {
  mann_whitney: ['mann_whitney_named'],
  ttest_welch: ['ttest_named'],
};

/** Two fits of equal priority closer than this (in fit score) are an ambiguity, not a decision. */
const CONTENDER_MARGIN = 0.1;

/** Decides the analysis for a request from the rules alone (pure, synchronous, deterministic). */
export function decideWithRules(prompt: string, schema: DatasetSchema, rules: RuleSet = defaultRules()): DecisionOutcome {
  const compiled = compileRules(rules);
  const ctx = withoutImpossibleValues(readRequest(prompt, schema, compiled));
  if (ctx.missingMonths.length > 0) return decideMissingMonths(ctx, compiled);
  if (ctx.unknownLevels.length > 0) return decideUnknownLevels(ctx, compiled);
  const goal = decideOpenGoal(ctx, compiled) ?? decideUnderspecified(ctx, compiled);
  if (goal) return goal;
  const interaction = decideInteraction(ctx, compiled);
  if (interaction) return interaction;
  const outcome = ctx.mentions.some((m) => m.tiedWith.length > 0) ? decideTiedWords(ctx, compiled) : decideReading(ctx, compiled, ctx.mentioned, 0);
  const checked = accountForWords(ctx, compiled, checkOneLevelShare(ctx, compiled, checkCrossedDesign(ctx, checkUnlikePair(ctx, compiled, checkMeasurementLevel(ctx, compiled, keepStatedOutcome(ctx, honourNamedTest(ctx, compiled, outcome)))))));
  return offerMenu(ctx, compiled, askRestrictedLevel(ctx, compiled, askRepeatedRows(ctx, askTimePoint(ctx, compiled, keepStatistic(ctx, refuseUnsupported(ctx, compiled, withPolynomial(ctx, checked)))), compiled.set.words.timeNames)));
}

/**
 * A grouping named as a restriction without its level ("for the top layer only", "the 0-20 layer only",
 * when layer holds 0-10, 10-30, 30-60): the request keeps some rows, but which is not a level of the data.
 * Never analysed over every level: the question offers the analysis on each level, and on all rows.
 */
function askRestrictedLevel(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided') return outcome;
  const nameEnd = (m: MentionedColumn) => Math.max(-1, ...ctx.mentions.filter((x) => x.column === m.info.name && x.via === 'name').map((x) => x.end));
  const restricted = ctx.mentioned.find(
    (m) => m.byName && m.levelsNamed.length === 0 && m.info.factor && !m.info.numeric && !m.info.subject && ctx.tokens[nameEnd(m)]?.text === 'only' && !(outcome.options.where ?? []).some((w) => w.column === m.info.name),
  );
  if (!restricted) return outcome;
  const column = restricted.info;
  const end = nameEnd(restricted);
  const said = ctx.tokens.slice(Math.max(0, end - 3), end + 1).map((t) => t.raw).join(' ');
  const choices: Choice[] = [];
  for (const level of column.levels.slice(0, MAX_CHOICES - 1)) {
    const mentioned = ctx.mentioned.map((m) => (m === restricted ? { ...m, byName: false, levelsNamed: [level], hints: new Set([...m.hints].filter(() => false)) } : m));
    const reading = decideReading({ ...ctx, unknownWords: [] }, compiled, mentioned, 1);
    if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${column.name} = ${level} only`));
  }
  addChoice(choices, choiceOf(outcome, `every row (${describeRoles(outcome.roles)})`));
  if (choices.length < 2) return outcome;
  const reason: Reason = { code: 'unknown-level', params: { word: said, column: column.name, levels: column.levels } };
  return ambiguity(reason, `"${said}" keeps some rows of ${column.name}, but names none of its levels (${column.levels.join(', ')}); choose the rows.`, choices, outcome.explanation);
}

/** Refusals that a short menu of first analyses can answer (the others say something specific). */
const MENU_REASONS = new Set(['no-column', 'no-fit', 'unknown-word', 'named-test-unfit']);

/**
 * Nothing fits, or a word names nothing: the researcher still gets choices, never a bare "no match".
 * The named columns described (by the group named, if any), then every column by each categorical
 * column; with nothing named at all the request is an open goal (reason open-goal).
 */
function offerMenu(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'no_match' || !MENU_REASONS.has(outcome.reason.code) || outcome.alternatives.length >= 2) return outcome;
  // A request about something else ("what is the weather tomorrow", "hello") stays no match: the menu is
  // for requests that touch the data (a column, the dataset's name, an analysis word).
  const touches = ctx.mentioned.length > 0 || ctx.mentionsDataset || ctx.hasIntent;
  if (!touches) return outcome;
  void compiled;
  const choices: Choice[] = [...outcome.alternatives];
  const named = ctx.mentioned.filter((m) => m.byName && !m.info.subject);
  const group = named.find((m) => m.info.factor && !m.info.numeric);
  for (const m of named) {
    if (m === group || !m.info.numeric) continue;
    addChoice(choices, { analysis: 'describe', roles: { column: m.info.name, ...(group ? { group: group.info.name } : {}) }, why: `${taskTitle('describe')}: ${m.info.name}${group ? ` by ${group.info.name}` : ''}, a first look` });
  }
  const factors = [...ctx.columns.filter((c) => c.factor && !c.numeric && !c.subject), ...ctx.columns.filter((c) => c.factor && c.numeric && !c.quantity && !c.subject)];
  for (const f of factors) {
    if (choices.length >= MAX_CHOICES - 1) break;
    addChoice(choices, { analysis: 'describe', roles: { group: f.name }, why: `${taskTitle('describe')}: every column by ${f.name}` });
  }
  // No grouping column at all: the measurements one at a time.
  for (const c of ctx.columns.filter((x) => x.numeric && !x.factor)) {
    if (choices.length >= MAX_CHOICES - 1 || factors.length > 0) break;
    addChoice(choices, { analysis: 'describe', roles: { column: c.name }, why: `${taskTitle('describe')}: ${c.name}` });
  }
  addChoice(choices, { analysis: 'describe', roles: {}, why: `${taskTitle('describe')}: every column, a first look at the data` });
  if (choices.length < 2) return outcome;
  const nothingRead = ctx.mentioned.length === 0 && outcome.reason.code === 'no-column';
  const reason: Reason = nothingRead ? { code: 'open-goal', params: { goal: ctx.prompt.trim() } } : outcome.reason;
  const rationale = nothingRead ? reasonText(reason) : `${outcome.rationale} Choose a first analysis, or name the columns.`;
  return ambiguity(reason, rationale, choices, outcome.explanation);
}

/**
 * "A quadratic in girth", "height on age and age squared", "cubic": a linear regression on one predictor
 * gets the polynomial's degree (options.degree), said in the explanation. Not "R squared", "chi squared".
 */
function withPolynomial(ctx: RequestContext, outcome: DecisionOutcome): DecisionOutcome {
  const powers = formulaPowers(ctx);
  if (powers.length > 0) return withFormulaPowers(powers, outcome);
  const hit = ctx.cueHits.find((h) => h.cue === 'polynomial' && !/^(r|chi)$/.test(ctx.tokens[h.start - 1]?.text ?? ''));
  if (!hit || outcome.status !== 'decided' || outcome.analysis !== 'ols' || outcome.roles.predictors?.length !== 1 || outcome.options.degree !== undefined) return outcome;
  const degree = /^(cubic|cubed|third)/.test(hit.text.toLowerCase()) ? 3 : 2;
  const line = `polynomial of degree ${degree} in ${outcome.roles.predictors[0]} ("${hit.text}")`;
  return { ...outcome, options: { ...outcome.options, degree }, explanation: { ...outcome.explanation, refinements: [...outcome.explanation.refinements, line] } };
}

/**
 * A formula with a power term ("salary ~ phd + phd^2", "time ~ dist + climb + I(climb^2)"): a linear
 * regression on that one predictor with the polynomial's degree; beside other predictors, or without its
 * linear term, the power terms are predictors of their own (`climb^2`), as the formula writes them.
 */
function withFormulaPowers(powers: readonly { column: string; degree: number; text: string; linear: boolean; terms: string[] }[], outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || outcome.analysis !== 'ols') return outcome;
  const predictors = outcome.roles.predictors ?? [];
  const [power] = powers;
  if (powers.length === 1 && power.linear && predictors.length === 1 && predictors[0] === power.column && power.degree <= 3 && power.terms.length === power.degree - 1) {
    const line = `polynomial of degree ${power.degree} in ${power.column} ("${power.text}" in the formula)`;
    return { ...outcome, options: { ...outcome.options, degree: power.degree }, explanation: { ...outcome.explanation, refinements: [...outcome.explanation.refinements, line] } };
  }
  const terms = powers.flatMap((p) => p.terms);
  // A power of a column the model does not take (its linear term read as another role) is not guessed at.
  if (powers.some((p) => p.linear && !predictors.includes(p.column))) {
    const reason: Reason = { code: 'no-fit', params: { columns: predictors, power: terms.join(', ') } };
    return noMatch(reason, `The power terms ${terms.join(', ')} do not fit the model read from the formula; the model without them can be fitted instead.`, [choiceOf(outcome, `without ${terms.join(', ')}`)], outcome.explanation);
  }
  const withPowers = powers.filter((p) => !p.linear).reduce((list, p) => list.filter((c) => c !== p.column), [...predictors]);
  const line = `power terms ${terms.join(', ')} as predictors, as the formula writes them`;
  return { ...outcome, roles: { ...outcome.roles, predictors: [...withPowers, ...terms] }, explanation: { ...outcome.explanation, refinements: [...outcome.explanation.refinements, line] } };
}

/** Token indexes a cue phrase or a column mention covers. */
function coveredTokens(ctx: RequestContext): Set<number> {
  const covered = new Set<number>();
  for (const h of ctx.cueHits) for (let i = h.start; i < h.end; i++) covered.add(i);
  for (const m of ctx.mentions) for (let i = m.start; i < m.end; i++) covered.add(i);
  return covered;
}

/**
 * A method the catalogue does not have, named ("logistic regression", "Michaelis-Menten fit"): refused
 * with the reason (not-in-catalogue), the closest analysis offered, never run in its place. A word a
 * cue phrase covers has a rule, and is no longer refused.
 */
function refuseUnsupported(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  // Counts out of a total are refused for a model or a test, not for a description or a figure.
  const outOf = outcome.status === 'decided' && (outcome.analysis === 'describe' || TASKS[outcome.analysis].kind === 'figure') ? undefined : countsOutOf(ctx);
  const method = outOf ? `binomial model of counts out of a total (${outOf})` : unsupportedMethod(ctx, compiled);
  if (!method) return outcome;
  const reason: Reason = { code: 'not-in-catalogue', params: { method } };
  const choices: Choice[] = [];
  if (outcome.status === 'decided') addChoice(choices, choiceOf(outcome, `the closest analysis in the catalogue, not a ${method}`));
  else for (const alt of outcome.alternatives) addChoice(choices, alt);
  return noMatch(reason, reasonText(reason), choices, outcome.explanation);
}

/**
 * The method a request names that the catalogue lacks: a word of the lexicon's `unsupported` list
 * ("poisson": "poisson model"), or one of its phrases as written ("robust regression", "mixed model":
 * the phrase itself). A word a cue phrase or a column covers, or a phrase one cue phrase covers whole,
 * has a rule and is not refused.
 */
function unsupportedMethod(ctx: RequestContext, compiled: CompiledRules): string | undefined {
  const covered = coveredTokens(ctx);
  const words = ctx.tokens;
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (first.kind !== 'word') continue;
    for (const entry of compiled.unsupported) {
      // The first word as written or as its plural's stem (a quick no for most entries).
      if (!entry.startsWith(first.text) && !entry.startsWith(first.stem)) continue;
      const parts = entry.split(' ');
      if (i + parts.length > words.length) continue;
      // A phrase stands unless one cue phrase covers all of it (a rule for that method exists).
      const ruled = parts.length === 1 ? covered.has(words[i].index) : ctx.cueHits.some((h) => h.start <= i && h.end >= i + parts.length);
      // A method's word that says which measurement a column holds ("survival time(s)" with a column
      // `time`) describes that column; the method would have to be named on its own ("survival analysis").
      if (parts.length === 1 && ctx.mentions.some((m) => m.via === 'name' && m.start === i + 1 && m.score >= 0.9)) continue;
      if (ruled || !parts.every((p, k) => words[i + k].kind === 'word' && (parts.length === 1 ? words[i + k].text === p : matchesPhraseWord(words[i + k], p)))) continue;
      const raw = words.slice(i, i + parts.length).map((t) => t.raw).join(' ');
      return parts.length === 1 ? `${raw} model` : raw;
    }
  }
  return undefined;
}

/**
 * "Deaths out of N": a count of successes out of a count of trials, both measured columns. The catalogue's
 * logistic regression takes one yes/no outcome per row, so a model of such counts is not in it.
 */
function countsOutOf(ctx: RequestContext): string | undefined {
  const names = ctx.mentions.filter((m) => m.via === 'name');
  for (const a of names) {
    if (ctx.tokens[a.end]?.text !== 'out' || ctx.tokens[a.end + 1]?.text !== 'of') continue;
    const b = names.find((m) => m.start === a.end + 2 || (m.start === a.end + 3 && /^(the|a)$/.test(ctx.tokens[a.end + 2].text)));
    const numeric = (name: string) => ctx.columns.find((c) => c.name === name)?.numeric === true;
    if (b && numeric(a.column) && numeric(b.column)) return `${a.column} out of ${b.column}`;
  }
  return undefined;
}

/** Analyses that compare or relate locations (means, ranks), not spreads. */
const LOCATION_TASKS = new Set<TaskId>(['ttest_one_sample', 'ttest_ind', 'ttest_welch', 'ttest_paired', 'mann_whitney', 'wilcoxon_signed_rank', 'anova_oneway', 'welch_anova', 'kruskal_wallis', 'tukey_hsd', 'games_howell', 'ols', 'pearson', 'spearman', 'kendall']);

/**
 * The statistic asked about is the one tested: a question about a variance ("is the variance of rating
 * equal to 100?") is not answered with a test of means. Refused (not-in-catalogue) when no test of
 * spread fits the columns; a test of spread across groups (Levene) is offered when one does.
 */
function keepStatistic(ctx: RequestContext, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || !LOCATION_TASKS.has(outcome.analysis)) return outcome;
  // "variance" inside a longer phrase ("analysis of variance", "equal variances assumed") names a test, not a statistic.
  const spread = ctx.cueHits.some((h) => h.cue === 'spread' && !ctx.cueHits.some((o) => o.cue !== 'spread' && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  if (!spread || ctx.cues.has('student') || ctx.cues.has('unequal_var') || ctx.cues.has('welch')) return outcome;
  const reason: Reason = { code: 'not-in-catalogue', params: { method: 'test of a variance against a value or between two columns' } };
  const choices: Choice[] = [];
  const { roles } = outcome;
  if (roles.outcome && roles.group) choices.push({ analysis: 'levene', roles: { outcome: roles.outcome, group: roles.group }, why: `${taskTitle('levene')}: whether the spread of ${roles.outcome} differs across ${roles.group}` });
  for (const c of [roles.column, roles.outcome, roles.x, roles.y, roles.before, roles.after]) {
    if (c) addChoice(choices, { analysis: 'describe', roles: { column: c }, why: `${taskTitle('describe')}: the standard deviation of ${c}` });
  }
  return choices.length >= 2 ? ambiguity(reason, reasonText(reason), choices, outcome.explanation) : noMatch(reason, reasonText(reason), choices, outcome.explanation);
}

/**
 * "Final weight", "baseline score" with a time column the request does not name: which time point is
 * meant? The analysis at the last (or first) time, or over all of them (reason time-point).
 */
function askTimePoint(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided') return outcome;
  const covered = coveredTokens(ctx);
  const word = ctx.tokens.find((t) => t.kind === 'word' && !covered.has(t.index) && compiled.set.words.timePoints.includes(t.text));
  if (!word) return outcome;
  const used = new Set<string>([...Object.values(outcome.roles).flat(), ...(outcome.options.where ?? []).map((w) => w.column)]);
  const time = ctx.columns.find((c) => c.numeric && !used.has(c.name) && c.words.some((w) => compiled.set.words.timeNames.includes(w)));
  if (!time) return outcome;
  const values = time.levels.length > 0 ? time.levels.map(Number) : time.schema.summary ? [time.schema.summary.min, time.schema.summary.max] : [];
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return outcome;
  const last = /^(final|last|ending|end)$/.test(word.text);
  const value = String(last ? Math.max(...values) : Math.min(...values));
  const reason: Reason = { code: 'time-point', params: { word: word.raw, column: time.name, value } };
  const where = [...(outcome.options.where ?? []), { column: time.name, op: '=' as const, value }];
  const choices: Choice[] = [
    { analysis: outcome.analysis, roles: outcome.roles, options: { ...outcome.options, where }, why: `${taskTitle(outcome.analysis)}: at ${time.name} = ${value} only ('${word.raw}')` },
    choiceOf(outcome, `over every ${time.name}`),
  ];
  return ambiguity(reason, reasonText(reason), choices, outcome.explanation);
}

/** Intent cues other than the given ones. */
function otherIntents(ctx: RequestContext, compiled: CompiledRules, except: readonly string[]): boolean {
  return [...ctx.cues].some((c) => compiled.intents.has(c) && !except.includes(c));
}

/**
 * A goal with no question ("which species is best?", "analyse this data"): a short menu of the natural
 * first analyses (reason open-goal), never an answer to something unasked.
 */
function decideOpenGoal(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome | undefined {
  const measured = ctx.mentioned.filter((m) => m.byName && m.info.numeric && !m.info.factor);
  const value = ctx.cues.has('goal_value') && measured.length === 0 && !otherIntents(ctx, compiled, ['compare', 'describe']);
  const explore = ctx.cues.has('goal_explore') && ctx.mentioned.length === 0 && !otherIntents(ctx, compiled, []);
  if (!value && !explore) return undefined;
  const goal = ctx.cueHits.find((h) => h.cue === 'goal_value' || h.cue === 'goal_explore')?.text ?? '';
  const reason: Reason = { code: 'open-goal', params: { goal } };
  const choices: Choice[] = [];
  const group = ctx.mentioned.find((m) => m.info.factor);
  if (group) {
    // "Which species is best?": best on which measurement? One comparison per numeric column.
    const outcomes = ctx.columns.filter((c) => c.numeric && (!c.factor || c.quantity) && !c.subject && c.name !== group.info.name).slice(0, MAX_CHOICES);
    for (const info of outcomes) {
      const extra: MentionedColumn = { info, position: 10_000, byName: true, levelsNamed: [], hints: new Set(['outcome']), score: 1, texts: [], synthetic: true };
      const groupMention: MentionedColumn = { ...group, byName: true, levelsNamed: [], hints: new Set(['group']) };
      const reading = decideReading({ ...ctx, unknownWords: [] }, compiled, [groupMention, extra], 1);
      if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${info.name} compared across ${group.info.name} (say whether higher is better)`));
    }
  }
  if (choices.length < MAX_CHOICES) choices.push({ analysis: 'describe', roles: {}, why: `${taskTitle('describe')}: every column, a first look at the data` });
  const factors = [...ctx.columns.filter((c) => c.factor && !c.numeric), ...ctx.columns.filter((c) => c.factor && c.numeric)];
  for (const f of factors) {
    if (choices.length >= Math.min(3, MAX_CHOICES)) break;
    if (group && f.name === group.info.name) continue;
    choices.push({ analysis: 'describe', roles: { group: f.name }, why: `${taskTitle('describe')}: every column by ${f.name}` });
  }
  if (choices.length < 2) choices.push({ analysis: 'describe', roles: {}, why: `${taskTitle('describe')}: every column` });
  return ambiguity(reason, reasonText(reason), choices.slice(0, MAX_CHOICES), explain(ctx, []));
}

/**
 * A goal that names too little (open-goals.ts: "Test the dates", "Is income related?", "Is the protein
 * different on shelf 2?", "Analyze blue eyes"): the natural first analyses of the column named, each
 * decided as if the request had named its partner, never one of them chosen silently (reason open-goal).
 */
function decideUnderspecified(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome | undefined {
  const open = readOpenGoal(ctx, compiled.intents, namedTasks(ctx, compiled).tasks.size);
  if (!open) return undefined;
  const choices: Choice[] = [];
  const asColumn = (m: MentionedColumn, hint?: 'outcome' | 'group'): MentionedColumn => ({ ...m, byName: true, levelsNamed: [], hints: new Set(hint ? [hint] : []) });
  const synthetic = (info: ColumnInfo, hint: 'outcome' | 'group' | 'predictor'): MentionedColumn => ({ info, position: 10_000, byName: true, levelsNamed: [], hints: new Set([hint]), score: 1, texts: [], synthetic: true });
  const plain = { ...ctx, unknownWords: [], cueHits: [], cues: new Set<string>(), hasIntent: false, direction: undefined };
  // The named column against each other column of the data, as the plain pair would be decided.
  const partners = (m: MentionedColumn, why: (other: string) => string) => {
    for (const info of ctx.columns) {
      if (choices.length >= MAX_CHOICES - 1) break;
      if (info.name === m.info.name || info.subject || info.schema.kind === 'id' || info.schema.kind === 'text' || !(info.numeric || info.factor)) continue;
      const hint = info.factor && !m.info.factor ? 'group' : m.info.factor && !info.factor ? 'outcome' : 'predictor';
      const reading = decideReading({ ...plain, cues: new Set(['associate']), hasIntent: true }, compiled, [asColumn(m), synthetic(info, hint)], 1);
      if (reading.status === 'decided') addChoice(choices, choiceOf(reading, why(info.name)));
    }
  };
  if (open.kind === 'no-outcome') {
    // One comparison of the two groups per measurement, with the rows the request restricts to.
    const others = ctx.mentioned.filter((m) => !m.synthetic);
    const used = new Set(others.map((m) => m.info.name));
    for (const info of ctx.columns) {
      if (choices.length >= MAX_CHOICES) break;
      if (used.has(info.name) || info.subject || !info.numeric || (info.factor && !info.quantity && info.levelCount <= 3)) continue;
      const reading = decideReading({ ...ctx, unknownWords: [] }, compiled, [...others, synthetic(info, 'outcome')], 1);
      if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${info.name} compared between ${open.group.levelsNamed.join(' and ')}`));
    }
    if (choices.length < 2) return undefined;
    const reason: Reason = { code: 'open-goal', params: { goal: ctx.prompt.trim(), column: open.group.info.name, open: open.kind } };
    return ambiguity(reason, reasonText(reason), choices, explain(ctx, []));
  }
  if (open.kind === 'nothing-named') {
    // Each usable pair's reading of the cue asked, as the plain pair would be decided.
    // The first columns only: a menu, not every pair of a wide table.
    const usable = ctx.columns.filter((c) => !c.subject && c.schema.kind !== 'id' && c.schema.kind !== 'text' && (c.numeric || c.factor)).slice(0, 5);
    for (let i = 0; i < usable.length && choices.length < MAX_CHOICES; i++) {
      for (let j = i + 1; j < usable.length && choices.length < MAX_CHOICES; j++) {
        const reading = decideReading({ ...plain, cues: new Set(ctx.cues), hasIntent: true }, compiled, [synthetic(usable[i], 'predictor'), synthetic(usable[j], 'predictor')], 1);
        if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${usable[i].name} with ${usable[j].name}`));
      }
    }
    addChoice(choices, { analysis: 'describe', roles: {}, why: `${taskTitle('describe')}: every column, a first look` });
    if (choices.length < 2) return undefined;
    const reason: Reason = { code: 'open-goal', params: { goal: ctx.prompt.trim(), open: open.kind } };
    return ambiguity(reason, reasonText(reason), choices, explain(ctx, []));
  }
  if (open.kind === 'question-unread') {
    // The columns named, read as if a relation had been asked, then the first column against the others.
    const real = ctx.mentioned.filter((m) => !m.synthetic);
    if (real.length >= 2) {
      const reading = decideReading({ ...plain, cues: new Set(['associate']), hasIntent: true }, compiled, real.map((m) => asColumn(m)), 1);
      if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${real.map((m) => m.info.name).join(' with ')}`));
    }
  }
  const column = open.kind === 'different-from-what' ? open.outcome.info.name : open.column.info.name;
  switch (open.kind) {
    case 'bare-test': {
      const m = open.column;
      if (m.info.factor) addChoice(choices, { analysis: 'chi2_gof', roles: { column }, why: `${taskTitle('chi2_gof')}: are the ${column} levels equally frequent?` });
      else addChoice(choices, { analysis: 'shapiro_wilk', roles: { column }, why: `${taskTitle('shapiro_wilk')}: is ${column} normally distributed?` });
      partners(m, (other) => `${column} with ${other}`);
      break;
    }
    case 'one-sided-relation':
    case 'relevant-for-what':
      partners(open.column, (other) => `${column} with ${other}`);
      break;
    case 'compared-with-what': {
      // Different between the groups of which column? Each grouping column first, then the other relations.
      const m = open.column;
      if (!m.info.factor) {
        for (const info of ctx.columns) {
          if (choices.length >= MAX_CHOICES || info.name === m.info.name || !info.factor || info.subject) continue;
          const reading = decideReading(plain, compiled, [asColumn(m, 'outcome'), synthetic(info, 'group')], 1);
          if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${column} between the groups of ${info.name}`));
        }
      }
      partners(m, (other) => `${column} with ${other}`);
      break;
    }
    case 'different-from-what': {
      const reading = decideReading(plain, compiled, [asColumn(open.outcome, 'outcome'), asColumn(open.group, 'group')], 1);
      if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `${column} across every ${open.group.info.name}`));
      const level = open.group.levelsNamed[0];
      addChoice(choices, { analysis: 'describe', roles: { column, group: open.group.info.name }, why: `${taskTitle('describe')}: ${column} by ${open.group.info.name}, ${level} beside the others` });
      break;
    }
    case 'compared-on-what':
      partners(open.column, (other) => `${column} compared on ${other}`);
      break;
    case 'question-unread':
    case 'analysed-how':
      partners(open.column, (other) => `${column} with ${other}`);
      break;
    case 'two-measures': {
      const pair = [asColumn(open.column), asColumn(open.other)];
      const related = decideReading({ ...plain, cues: new Set(['correlate']), hasIntent: true }, compiled, pair, 1);
      if (related.status === 'decided') addChoice(choices, choiceOf(related, `how ${column} and ${open.other.info.name} go together`));
      const paired = decideReading({ ...plain, cues: new Set(['paired', 'compare']), hasIntent: true }, compiled, pair, 1);
      if (paired.status === 'decided') addChoice(choices, choiceOf(paired, `${column} against ${open.other.info.name} on the same rows, if they measure one quantity on one scale`));
      break;
    }
    case 'one-level': {
      const m = open.column;
      const level = m.levelsNamed[0];
      addChoice(choices, { analysis: 'describe', roles: {}, options: { where: [{ column: m.info.name, op: '=', value: level }] }, why: `${taskTitle('describe')}: every column where ${m.info.name} = ${level}` });
      addChoice(choices, { analysis: 'describe', roles: { column: m.info.name }, why: `${taskTitle('describe')}: how common ${level} is among the ${m.info.name} levels` });
      partners(m, (other) => `${m.info.name} with ${other}`);
      break;
    }
  }
  addChoice(choices, { analysis: 'describe', roles: { column }, why: `${taskTitle('describe')}: ${column}, a first look` });
  if (choices.length < 2) return undefined;
  const reason: Reason = { code: 'open-goal', params: { goal: ctx.prompt.trim(), column, open: open.kind } };
  return ambiguity(reason, reasonText(reason), choices, explain(ctx, []));
}

/** "y ~ a * b": the catalogue's models have no interaction term yet; offer the main effects, never fit them silently. */
function decideInteraction(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome | undefined {
  const tilde = ctx.tokens.findIndex((t) => t.text === '~');
  const star = tilde < 0 ? -1 : ctx.tokens.findIndex((t, i) => i > tilde && (t.text === '*' || t.text === ':'));
  const word = ctx.tokens.some((t) => /^interact/.test(t.text));
  if (!word && (tilde < 0 || star < 0)) return undefined;
  const terms = ctx.mentioned.filter((m) => m.position > tilde && m.byName).map((m) => m.info.name);
  if (terms.length < 2) return undefined;
  // Factors only (two or three) with a numeric outcome: the factorial ANOVA fits the interaction; the rules decide it.
  const reading = decideReading(ctx, compiled, ctx.mentioned, 0);
  if (reading.status === 'decided' && reading.analysis === 'anova_factorial') return undefined;
  const choices: Choice[] = [];
  if (tilde >= 0) {
    const reading = decideReading(ctx, compiled, ctx.mentioned, 1);
    if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `main effects only (${terms.join(' + ')}), without their interaction`));
  } else {
    // "an interaction between dose and supp": of which outcome? With two or three factors, the factorial
    // ANOVA of each measurement (and the main-effects model when there is only one).
    const outcomes = ctx.columns.filter((x) => x.numeric && !x.factor && !terms.includes(x.name)).slice(0, MAX_CHOICES);
    const factors = terms.length <= 3 && terms.every((name) => ctx.columns.find((c) => c.name === name)?.factor);
    if (factors && outcomes.length === 1) {
      // One measurement in the data: it is the outcome, as a role is filled when exactly one column fits.
      const info = outcomes[0];
      const extra: MentionedColumn = { info, position: 10_000, byName: true, levelsNamed: [], hints: new Set(['outcome']), score: 1, texts: [], synthetic: true };
      const reading = decideReading(ctx, compiled, [...ctx.mentioned, extra], 1);
      if (reading.status === 'decided' && reading.analysis === 'anova_factorial') {
        reading.explanation.refinements.push(`outcome: ${info.name} is the only measurement (not named in the request)`);
        return reading;
      }
    }
    if (factors && outcomes.length > 0) {
      for (const c of outcomes) {
        choices.push({ analysis: 'anova_factorial', roles: { outcome: c.name, factors: terms }, why: `${taskTitle('anova_factorial')}: ${c.name} by ${terms.join(' × ')}, the main effects and their interaction` });
      }
      if (choices.length < 2) choices.push({ analysis: 'ols', roles: { outcome: outcomes[0].name, predictors: terms }, why: `${taskTitle('ols')}: ${outcomes[0].name} on ${terms.join(' + ')}, main effects without their interaction` });
      const candidates = outcomes.map((c) => c.name);
      const rationale = withUnknownWords(`The request does not say which column is the outcome of the interaction of ${terms.join(' and ')}; ${candidates.length === 1 ? `${candidates[0]} is the only measurement` : `${candidates.length} columns fit`}.`, ctx);
      return ambiguity({ code: 'open-role', params: { role: 'outcome', analysis: 'anova_factorial', candidates } }, rationale, choices, explain(ctx, []));
    }
    for (const c of outcomes) {
      choices.push({ analysis: 'ols', roles: { outcome: c.name, predictors: terms }, why: `${taskTitle('ols')}: ${c.name} on ${terms.join(' + ')}, main effects without their interaction` });
    }
  }
  const reason: Reason = { code: 'no-fit', params: { interaction: terms.join(' * ') } };
  return noMatch(reason, `A model with the interaction ${terms.join(' * ')} is not in the catalogue yet; the main effects model (${terms.join(' + ')}) can be fitted instead.`, choices, explain(ctx, []));
}

/**
 * Measurement level: codes are not measurements. A Pearson correlation of two columns holding a few
 * coded values offers rank correlations and a table of counts; a mean comparison of a 0/1 outcome
 * offers a comparison of proportions (reason measurement-level).
 */
function checkMeasurementLevel(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided') return outcome;
  const info = (name: string | undefined) => (name ? ctx.columns.find((c) => c.name === name) : undefined);
  const coded = (c: ColumnInfo | undefined) => c !== undefined && c.numeric && c.factor && c.levelCount <= 5;
  const choices: Choice[] = [];
  let columns: string[] = [];
  const { roles } = outcome;
  if (outcome.analysis === 'pearson' && !ctx.cues.has('pearson_named') && coded(info(roles.x)) && coded(info(roles.y))) {
    columns = [roles.x as string, roles.y as string];
    choices.push({ analysis: 'spearman', roles: { x: columns[0], y: columns[1] }, why: `${taskTitle('spearman')}: the codes as ordered categories` });
    choices.push({ analysis: 'kendall', roles: { x: columns[0], y: columns[1] }, why: `${taskTitle('kendall')}: ordered categories with many ties` });
    choices.push({ analysis: 'chi2_independence', roles: { row: columns[0], col: columns[1] }, why: `${taskTitle('chi2_independence')}: the codes as categories (a table of counts)` });
    choices.push(choiceOf(outcome, 'as asked, the codes as numbers'));
  }
  // One of the two holds three to five codes that measure nothing ("race" 1/2/3): the codes may name categories.
  // Values spread far wider than their count (lengths 250, 300, 350) are magnitudes, not codes.
  const codesOnly = (c: ColumnInfo | undefined) => coded(c) && !c?.quantity && (c?.levelCount ?? 0) >= 3 && !spreadBeyondCodes(c?.levels ?? []);
  const measured = (c: ColumnInfo | undefined) => c !== undefined && c.numeric && !coded(c);
  if (outcome.analysis === 'pearson' && !ctx.cues.has('pearson_named') && choices.length === 0 && codesOnly(info(roles.x)) !== codesOnly(info(roles.y))) {
    const [codes, other] = codesOnly(info(roles.x)) ? [roles.x as string, roles.y as string] : [roles.y as string, roles.x as string];
    if (measured(info(other))) {
      columns = [codes];
      choices.push({ analysis: 'welch_anova', roles: { outcome: other, group: codes }, why: `${taskTitle('welch_anova')}: the codes of ${codes} as categories` });
      choices.push({ analysis: 'spearman', roles: { x: roles.x as string, y: roles.y as string }, why: `${taskTitle('spearman')}: the codes of ${codes} as ordered categories` });
      choices.push(choiceOf(outcome, 'as asked, the codes as numbers'));
    }
  }
  const twoSample = ['ttest_welch', 'ttest_ind', 'mann_whitney', 'welch_anova', 'anova_oneway', 'kruskal_wallis'].includes(outcome.analysis);
  const out = info(roles.outcome);
  if (twoSample && roles.group && out && out.numeric && out.factor && out.levelCount === 2) {
    columns = [out.name];
    choices.push({ analysis: 'chi2_independence', roles: { row: roles.group, col: out.name }, ...(Object.keys(outcome.options).length > 0 ? { options: outcome.options } : {}), why: `${taskTitle('chi2_independence')}: compares the proportion of each value of ${out.name} across ${roles.group}` });
    choices.push(choiceOf(outcome, `as asked, the mean of the 0/1 codes`));
  }
  // A one-sample test of a two-level column tests the mean of its codes: its share is what is meant.
  const one = info(roles.column);
  if ((outcome.analysis === 'ttest_one_sample' || outcome.analysis === 'wilcoxon_signed_rank') && roles.column && one?.factor && one.levelCount === 2 && !ctx.cues.has('ttest_named')) {
    columns = [one.name];
    const mu = outcome.options.mu;
    const share = mu !== undefined && mu > 0 && mu < 1 ? mu : mu !== undefined && ctx.mu?.percent ? mu / 100 : undefined;
    choices.push({ analysis: 'binomial_test', roles: { column: one.name }, ...(share !== undefined ? { options: { mu: share } } : {}), why: `${taskTitle('binomial_test')}: the share of one value of ${one.name}${share !== undefined ? ` against ${share}` : ''}` });
    choices.push({ analysis: 'chi2_gof', roles: { column: one.name }, why: `${taskTitle('chi2_gof')}: are the two values of ${one.name} equally frequent?` });
    choices.push(choiceOf(outcome, `as asked, the mean of the codes`));
  }
  // ANCOVA with a covariate of a few coded values ("controlling for dose"): a linear trend in the codes, or a factor.
  const codedCovariates = outcome.analysis === 'ancova' ? (roles.covariates ?? []).filter((name) => coded(info(name))) : [];
  if (codedCovariates.length > 0 && roles.outcome && roles.group && 1 + codedCovariates.length <= 3) {
    columns = codedCovariates;
    const plain = (roles.covariates ?? []).filter((name) => !codedCovariates.includes(name));
    if (plain.length === 0) {
      choices.push({ analysis: 'anova_factorial', roles: { outcome: roles.outcome, factors: [roles.group, ...codedCovariates] }, why: `${taskTitle('anova_factorial')}: ${codedCovariates.join(', ')} as categories (each value its own level), with the interaction` });
    }
    choices.push(choiceOf(outcome, `as asked, ${codedCovariates.join(', ')} as numbers (a linear trend in the codes)`));
  }
  if (choices.length < 2) return outcome;
  const reason: Reason = { code: 'measurement-level', params: { analysis: outcome.analysis, columns } };
  void compiled;
  return ambiguity(reason, reasonText(reason), choices, outcome.explanation);
}

/**
 * "the proportion of blond-haired people among the blue-eyed vs the brown-eyed": the share of one level
 * of a column with three or more levels, compared across groups, is a 2 x k question (that level or
 * not); a test of the whole table answers another one. The data have no yes/no column for the level, so
 * ask, with the whole-table test and a description as choices (reason not-in-catalogue).
 */
function checkOneLevelShare(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || !ctx.cues.has('proportion')) return outcome;
  // "the proportion of ginger cats ... between flats and houses": the level right after the share word is
  // what the share is of, never a restriction of the rows to it.
  const shareAt = ctx.cueHits.find((h) => h.cue === 'proportion' && ctx.tokens[h.end]?.text === 'of')?.end;
  const shareOf = shareAt === undefined ? undefined : ctx.mentioned.find((m) => !m.byName && m.levelsNamed.length === 1 && (m.position === shareAt + 1 || (m.position === shareAt + 2 && ctx.tokens[shareAt + 1].text === 'the')));
  const restricted = shareOf !== undefined && (outcome.options.where ?? []).some((w) => w.column === shareOf.info.name);
  // "the proportion of women ... is 0.5": the share of that level against the value, whatever else is named.
  if (shareOf && restricted && ctx.mu !== undefined && shareOf.info.levels.length === 2) {
    const only: MentionedColumn = { ...shareOf, byName: true, hints: new Set() };
    const reading = decideReading({ ...ctx, unknownWords: [], cueHits: [], cues: new Set(['proportion']), hasIntent: true }, compiled, [only], 1);
    if (reading.status === 'decided' && reading.analysis === 'binomial_test') return reading;
  }
  const across = shareOf && ctx.mentioned.find((m) => m !== shareOf && m.info.factor && m.levelsNamed.length !== 1);
  if (shareOf && across && (outcome.options.where ?? []).some((w) => w.column === shareOf.info.name)) {
    const table: Choice = { analysis: 'chi2_independence', roles: { row: shareOf.info.name, col: across.info.name }, why: `${taskTitle('chi2_independence')}: ${shareOf.info.name} across ${across.info.name}${shareOf.info.levels.length > 2 ? `, every level of ${shareOf.info.name}` : ''}` };
    const level = shareOf.levelsNamed[0];
    // Of a two-level column, the share of one level across groups is the whole two-way table.
    if (shareOf.info.levels.length === 2) {
      const asColumn = (m: MentionedColumn): MentionedColumn => ({ ...m, byName: true, levelsNamed: [], hints: new Set() });
      const reading = decideReading({ ...ctx, unknownWords: [], cueHits: [], cues: new Set(['independence']), hasIntent: true, direction: undefined }, compiled, [asColumn(shareOf), asColumn(across)], 1);
      if (reading.status === 'decided' && (reading.analysis === 'chi2_independence' || reading.analysis === 'fisher_exact')) return reading;
    }
    const reason: Reason = shareOf.info.levels.length > 2
      ? { code: 'not-in-catalogue', params: { method: `a comparison of the share of ${shareOf.info.name} = ${level} (that level or not) across ${across.info.name}, which needs a yes/no column for it` } }
      : { code: 'roles-unclear', params: { analysis: 'chi2_independence' } };
    return ambiguity(reason, reasonText(reason) || `The share of ${level} compared across ${across.info.name}, or ${across.info.name} among ${level} only? Choose one.`, [table, choiceOf(outcome, `among ${shareOf.info.name} = ${level} only`)], outcome.explanation);
  }
  if (!['chi2_independence', 'fisher_exact'].includes(outcome.analysis)) return outcome;
  const sides = [outcome.roles.row, outcome.roles.col];
  const one = ctx.mentioned.find((m) => sides.includes(m.info.name) && m.levelsNamed.length === 1 && m.info.levels.length >= 3 && !(outcome.options.where ?? []).some((w) => w.column === m.info.name));
  if (!one) return outcome;
  const other = sides.find((c) => c !== one.info.name) as string;
  const level = one.levelsNamed[0];
  const reason: Reason = { code: 'not-in-catalogue', params: { method: `a comparison of the share of ${one.info.name} = ${level} (that level or not) across ${other}, which needs a yes/no column for it` } };
  const choices: Choice[] = [
    choiceOf(outcome, `every level of ${one.info.name} across ${other}, not ${level} alone`),
    { analysis: 'describe', roles: { column: one.info.name, group: other }, why: `${taskTitle('describe')}: the counts of ${one.info.name} by ${other}, ${level} among them` },
  ];
  return ambiguity(reason, reasonText(reason), choices, outcome.explanation);
}

/**
 * A paired comparison is of one quantity measured twice. Two columns whose names share no word and
 * differ by no time or index word ("Murder" and "Assault") are two quantities, often on different
 * scales: the mean of their differences means little. Ask (reason unlike-pair), offering their association.
 */
function checkUnlikePair(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || !(outcome.analysis === 'ttest_paired' || outcome.analysis === 'wilcoxon_signed_rank')) return outcome;
  const { before, after } = outcome.roles;
  if (!before || !after || isWidePair(before, after) || isEarlierByName(before, after) !== undefined) return outcome;
  const a = ctx.columns.find((c) => c.name === before);
  const b = ctx.columns.find((c) => c.name === after);
  if (!a || !b || a.stems.some((w) => b.stems.includes(w))) return outcome;
  // The test named (or "paired" said) with both columns named, on one scale: honoured as asked, the names' unlikeness said beside it.
  // A name written exactly as the column's ("A vs B") is that column, even where the word could be an article.
  const named = (name: string) => ctx.mentioned.some((m) => m.byName && !m.synthetic && m.info.name === name) || ctx.tokens.some((t) => t.raw === name);
  if ((namedTasks(ctx, compiled).tasks.has(outcome.analysis) || ctx.cues.has('paired')) && named(before) && named(after) && oneScale(a.schema, b.schema)) {
    // Two-sided, the pair is taken in the order said ("ORAL vs WRIT": ORAL - WRIT).
    const at = (name: string) => ctx.tokens.findIndex((t) => t.raw === name || t.text === name.toLowerCase());
    const swap = (outcome.options.alternative ?? 'two-sided') === 'two-sided' && at(after) >= 0 && at(before) > at(after);
    const asked: Decision = swap ? { ...outcome, roles: { ...outcome.roles, before: after, after: before } } : outcome;
    return withRefinement(asked, `${before} and ${after} share no word in their names: the ${taskTitle(outcome.analysis)} is as asked, on the differences ${before} - ${after}, their values on one scale`);
  }
  const reason: Reason = { code: 'unlike-pair', params: { test: outcome.analysis, columns: [before, after] } };
  const choices: Choice[] = [
    choiceOf(outcome, `as asked: the differences ${before} - ${after}`),
    { analysis: 'pearson', roles: { x: before, y: after }, why: `${taskTitle('pearson')}: how ${before} and ${after} go together` },
    { analysis: 'spearman', roles: { x: before, y: after }, why: `${taskTitle('spearman')}: a monotonic association` },
  ];
  return ambiguity(reason, reasonText(reason), choices, outcome.explanation);
}

/** Fractions, or integers spread over more than twice their count (250, 300, 350; not 1, 2, 3 nor 0, 1, 2, 4): measured magnitudes. */
function spreadBeyondCodes(levels: readonly string[]): boolean {
  const values = levels.map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return false;
  if (values.some((v) => !Number.isInteger(v))) return true;
  return Math.max(...values) - Math.min(...values) + 1 > 2 * values.length;
}

/** Values on one scale: each column's mean lies within the other's range (ratings 1-10 both; not a rate and a count). */
function oneScale(a: ColumnSchema, b: ColumnSchema): boolean {
  const x = a.summary;
  const y = b.summary;
  if (!x || !y) return false;
  return x.mean >= y.min && x.mean <= y.max && y.mean >= x.min && y.mean <= x.max;
}

/**
 * Two design factors crossed once (every tree measured once at every age: each level count equal, and
 * n the product of the level counts) make a table of ones: a test of their association tests the design,
 * not the data. Ask (reason crossed-design).
 */
function checkCrossedDesign(ctx: RequestContext, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || !(outcome.analysis === 'chi2_independence' || outcome.analysis === 'fisher_exact')) return outcome;
  const { row, col } = outcome.roles;
  const a = ctx.columns.find((c) => c.name === row)?.schema;
  const b = ctx.columns.find((c) => c.name === col)?.schema;
  if (!a?.levels || !b?.levels || a.levels.length < 2 || b.levels.length < 2) return outcome;
  const uniform = (levels: { count: number }[]) => levels.every((l) => l.count === levels[0].count);
  const cells = a.levels.length * b.levels.length;
  const n = a.levels.reduce((sum, l) => sum + l.count, 0);
  if (!uniform(a.levels) || !uniform(b.levels) || n !== cells || a.missing > 0 || b.missing > 0) return outcome;
  const reason: Reason = { code: 'crossed-design', params: { columns: [row as string, col as string] } };
  const choices: Choice[] = [
    choiceOf(outcome, 'as asked, although every count may be the same'),
    { analysis: 'describe', roles: { group: row as string }, why: `${taskTitle('describe')}: every column by ${row}` },
  ];
  return ambiguity(reason, reasonText(reason), choices, outcome.explanation);
}

/** The analyses the request names ("chi-square" -> chi2_independence, fisher_exact), with the words that named them. */
function namedTasks(ctx: RequestContext, compiled: CompiledRules): { tasks: Set<TaskId>; words: string[] } {
  const tasks = new Set<TaskId>();
  const words: string[] = [];
  for (const h of ctx.cueHits) {
    const named = compiled.named.get(h.cue);
    if (!named) continue;
    // "repeated measures ANOVA": the longer name names the test, not the "ANOVA" inside it.
    if (ctx.cueHits.some((o) => o !== h && compiled.named.has(o.cue) && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start)) continue;
    for (const t of named) tasks.add(t);
    if (!words.includes(h.text)) words.push(h.text);
  }
  return { tasks, words };
}

/**
 * Of the analyses a name covers ("chi-square": independence, Fisher, goodness of fit), the one the rest of
 * the request asks for (a rule of it whose required cues are all said: "goodness of fit"), else the first.
 */
function namedFirst(ctx: RequestContext, compiled: CompiledRules, tasks: ReadonlySet<TaskId>): TaskId {
  const list = [...tasks];
  const asked = list.find((t) => compiled.set.rules.some((r) => r.task === t && (r.when?.all ?? []).some((c) => !c.startsWith('@')) && (r.when?.all ?? []).every((c) => c.startsWith('@') || ctx.cues.has(c)) && !(r.when?.all ?? []).some((c) => compiled.named.get(c)?.length)));
  return asked ?? list[0];
}

/** The tests each power analysis plans: naming one of them in a power request names the design, not the data's test. */
const POWER_PLANS: Partial<Record<TaskId, readonly TaskId[]>> = {
  power_ttest: ['ttest_ind', 'ttest_welch', 'ttest_paired', 'ttest_one_sample'],
  power_anova: ['anova_oneway', 'welch_anova'],
  power_prop: ['prop_test', 'chi2_independence', 'fisher_exact'],
};

/**
 * A test asked for by name is honoured or refused with the reason, never swapped: a decision for
 * another analysis becomes a question that says what the named test needs and which column is not
 * of that kind, with the analyses that do fit as choices.
 */
function honourNamedTest(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  const { tasks, words } = namedTasks(ctx, compiled);
  if (tasks.size === 0) return outcome;
  if (outcome.status !== 'decided') {
    // A question about which column plays a role in another analysis, none of whose choices is the test
    // named ("binomial test of plumage" with three plumages): the named test does not fit, and says why.
    const otherQuestion = ['open-role', 'roles-unclear', 'equal-readings'].includes(outcome.reason.code) && !outcome.alternatives.some((a) => tasks.has(a.analysis));
    if (outcome.reason.code !== 'no-fit' && !otherQuestion) return outcome;
    const test = namedFirst(ctx, compiled, tasks);
    const misfit = misfitColumn(test, ctx);
    const reason: Reason = { code: 'named-test-unfit', params: { test, asked: words[0], need: NEEDS[test] ?? '', ...(misfit ? { column: misfit.name, kind: misfit.kind } : {}) } };
    const kept = keepingOutcome(ctx, outcome.alternatives);
    if (kept.length >= 2) return ambiguity(reason, reasonText(reason), kept, outcome.explanation);
    return noMatch(reason, reasonText(reason), kept, outcome.explanation);
  }
  if (tasks.has(outcome.analysis)) return outcome;
  // A power analysis plans the test it names ("sample size for a paired t-test"): the name is honoured.
  if ([...tasks].some((t) => POWER_PLANS[outcome.analysis]?.includes(t))) return outcome;
  const qualified = withoutQualifier(ctx, compiled, tasks);
  if (qualified) return qualified;
  const test = namedFirst(ctx, compiled, tasks);
  const misfit = misfitColumn(test, ctx);
  const reason: Reason = {
    code: 'named-test-unfit',
    params: { test, asked: words[0], need: NEEDS[test] ?? '', ...(misfit ? { column: misfit.name, kind: misfit.kind } : {}) },
  };
  const choices: Choice[] = [];
  addChoice(choices, choiceOf(outcome, 'fits these columns'));
  for (const alt of outcome.alternatives) addChoice(choices, alt);
  const rationale = reasonText(reason);
  const kept = keepingOutcome(ctx, choices);
  if (kept.length >= 2) return ambiguity(reason, rationale, kept, outcome.explanation);
  return noMatch(reason, rationale, kept, outcome.explanation);
}

/**
 * "A one-way ANOVA of mean litter weight across mother genotypes" with columns Litter, Mother and Wt: a
 * grouping column read from the word right before the measurement's ("litter weight") says whose
 * measurement it is. When the test named takes fewer columns than were read, the reading without that
 * qualifier is decided if the named test fits it (said in the explanation); otherwise the test is refused.
 */
function withoutQualifier(ctx: RequestContext, compiled: CompiledRules, tasks: ReadonlySet<TaskId>): Decision | undefined {
  const names = ctx.mentions.filter((m) => m.via === 'name');
  for (const a of names) {
    const b = names.find((x) => x.start === a.end && x.column !== a.column);
    const qualifier = ctx.mentioned.find((m) => m.info.name === a.column);
    const measured = ctx.columns.find((c) => c.name === b?.column);
    if (!b || !qualifier || !qualifier.info.factor || !measured?.numeric || measured.factor || qualifier.hints.has('group')) continue;
    const reading = decideReading(ctx, compiled, ctx.mentioned.filter((m) => m !== qualifier), 1);
    if (reading.status === 'decided' && tasks.has(reading.analysis)) return withRefinement(reading, `'${a.text}' read as describing ${measured.name} ("${a.text} ${b.text}"), not as a grouping column`);
  }
  return undefined;
}

/** The one column the request states as the outcome ("logistic regression of A on B", "A ~ B", "does B predict A"). */
function statedOutcome(ctx: RequestContext): MentionedColumn | undefined {
  const stated = ctx.mentioned.filter((m) => m.byName && m.hints.has('outcome') && !m.hints.has('predictor') && !m.hints.has('group'));
  return stated.length === 1 ? stated[0] : undefined;
}

/** Choices that keep the stated outcome as the outcome (a describe by it stays: it tests nothing). */
function keepingOutcome(ctx: RequestContext, choices: readonly Choice[]): Choice[] {
  const stated = statedOutcome(ctx);
  if (!stated) return [...choices];
  const name = stated.info.name;
  const kept = choices.filter((c) => c.analysis === 'describe' || !c.roles.outcome || c.roles.outcome === name);
  const swapped = choices.length - kept.length;
  if (swapped === 0) return kept;
  // The other named columns described across the stated outcome's groups: a first look, not a test.
  if (stated.info.factor) {
    for (const m of ctx.mentioned) {
      if (m === stated || !m.byName || !m.info.numeric || kept.length >= MAX_CHOICES - 1) continue;
      addChoice(kept, { analysis: 'describe', roles: { column: m.info.name, group: name }, why: `${taskTitle('describe')}: ${m.info.name} by ${name}, a first look` });
    }
  }
  return kept;
}

/**
 * A stated outcome is never swapped: a decision that takes the column the request states as the
 * outcome as a group or a predictor ("does income predict the vote" read as income across the vote's
 * groups) asks (reason stated-outcome), the reversed reading among the choices.
 */
function keepStatedOutcome(ctx: RequestContext, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status !== 'decided' || outcome.analysis === 'describe' || ctx.cueHits.some((h) => h.cue === 'compare')) return outcome;
  const stated = statedOutcome(ctx);
  if (!stated) return outcome;
  const name = stated.info.name;
  const role = (Object.entries(outcome.roles) as [string, unknown][]).find(([, v]) => v === name || (Array.isArray(v) && v.includes(name)))?.[0];
  if (!role || role === 'outcome' || !outcome.roles.outcome) return outcome;
  const reason: Reason = { code: 'stated-outcome', params: { column: name, kind: kindOf(stated.info), analysis: outcome.analysis, role } };
  const choices: Choice[] = [];
  addChoice(choices, choiceOf(outcome, `${name} as the ${role}, not the outcome`));
  for (const alt of outcome.alternatives) if (choices.length < MAX_CHOICES - 1 && alt.roles.outcome !== outcome.roles.outcome) addChoice(choices, alt);
  if (stated.info.factor) {
    for (const m of ctx.mentioned) {
      if (m === stated || !m.byName || choices.length >= MAX_CHOICES) continue;
      if (!m.info.numeric && m.info.factor) addChoice(choices, { analysis: 'chi2_independence', roles: { row: m.info.name, col: name }, why: `${taskTitle('chi2_independence')}: ${m.info.name} and ${name}` });
      else addChoice(choices, { analysis: 'describe', roles: { column: m.info.name, group: name }, why: `${taskTitle('describe')}: ${m.info.name} by ${name}, a first look` });
    }
  }
  const rationale = reasonText(reason);
  if (choices.length >= 2) return ambiguity(reason, rationale, choices, outcome.explanation);
  return noMatch(reason, rationale, choices, outcome.explanation);
}

/** A named column whose kind the named test cannot take (body_mass_g for a chi-square test). */
function misfitColumn(test: TaskId, ctx: RequestContext): { name: string; kind: string } | undefined {
  // A two-level outcome: the stated outcome when it has more levels (and two of them are not named), or is measured.
  const stated = test === 'logistic' ? statedOutcome(ctx) : undefined;
  if (stated && (!stated.info.factor || stated.info.levelCount !== 2) && stated.levelsNamed.length !== 2) return { name: stated.info.name, kind: kindOf(stated.info) };
  const wantsFactors = ['chi2_independence', 'fisher_exact', 'chi2_gof', 'binomial_test', 'mcnemar', 'prop_test', 'mantel_haenszel', 'bar'].includes(test);
  const wantsNumbers = ['pearson', 'spearman', 'kendall', 'histogram', 'qqplot', 'shapiro_wilk', 'scatter', 'regplot', 'kde'].includes(test);
  for (const m of ctx.mentioned) {
    if (!m.byName) continue;
    if (wantsFactors && !m.info.factor) return { name: m.info.name, kind: kindOf(m.info) };
    if (wantsNumbers && (!m.info.numeric || m.info.levelCount <= 2)) return { name: m.info.name, kind: kindOf(m.info) };
  }
  if (!wantsFactors && !wantsNumbers) {
    // Tests of a numeric outcome across groups: a categorical column where the outcome would be.
    const numeric = ctx.mentioned.filter((m) => m.byName && m.info.numeric && !m.info.factor);
    if (numeric.length === 0) {
      const first = ctx.mentioned.find((m) => m.byName);
      if (first) return { name: first.info.name, kind: kindOf(first.info) };
    }
  }
  return undefined;
}

function kindOf(info: ColumnInfo): string {
  if (info.subject && info.schema.kind === 'id') return 'an identifier';
  if (info.numeric) return info.factor ? `numeric with ${info.levelCount} values` : 'numeric';
  return `categorical (${info.levelCount} levels)`;
}

/**
 * Every content word accounted for: a word that stands where a variable would and names nothing in the
 * data (no column, level, analysis word, role word or harmless domain word) makes a decision a question
 * (reason unknown-word), with the closest columns as choices; a refusal keeps its choices and says why.
 */
function accountForWords(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  // A decision that uses no column the request names (every column described) while the request has words
  // that name nothing: those words are where the columns would be ("describe disposable income").
  const noneNamed = outcome.status === 'decided' && !outcome.analysis.startsWith('power_') && !ctx.mentioned.some((m) => m.byName || m.levelsNamed.length > 0);
  const described = outcome.status === 'decided' && outcome.explanation.refinements.some((r) => r.endsWith('("two")')) ? pairPhrase(ctx) : new Set<number>();
  const unknown = ctx.unknownWords.filter((w) => (w.rolePosition || w.suggestion || noneNamed) && !described.has(w.index));
  if (unknown.length === 0) return askLackingColumn(ctx, compiled, outcome);
  // A study being planned ("planning a new trial: how many patients ...") analyses no column: its words describe the plan.
  if (outcome.status === 'decided' && outcome.analysis.startsWith('power_') && Object.keys(outcome.roles).length === 0) return outcome;
  const reason = unknownReason(ctx) as Reason;
  // The one word that names nothing, where a measurement stands, read as the column named as the response by convention ("y").
  const response = unknown.length === 1 ? readAsResponse(ctx, compiled, unknown[0]) : undefined;
  if (response) return response;
  if (outcome.status !== 'decided') {
    // A specific reason stays (a tie, a named test, a level); a general one gives way to the word the data lack.
    // A named test that lacks a column (no column named is of the wrong kind) while a word stands where a
    // column would: that word, which the data lack, is why the test cannot run.
    const lacking = outcome.reason.code === 'named-test-unfit' && outcome.reason.params.column === undefined && unknown.some((w) => w.rolePosition);
    if (!lacking && !['no-fit', 'no-column', 'open-role', 'equal-readings', 'roles-unclear'].includes(outcome.reason.code)) return outcome;
    return { ...outcome, reason, rationale: outcome.rationale.includes(`'${unknown[0].word}'`) ? outcome.rationale : `${reasonText(reason)} ${outcome.rationale}` };
  }
  const word = unknown[0];
  // The one word stands where the one role filled from the schema would (only-column.ts).
  const onlyColumn = unknown.length === 1 ? readAsOnlyColumn(ctx, outcome.explanation.refinements) : undefined;
  if (onlyColumn) return { ...outcome, confidence: Math.min(outcome.confidence, 0.75), explanation: { ...outcome.explanation, refinements: onlyColumn } };
  const choices: Choice[] = [];
  const used = new Set(Object.values(outcome.roles).flat());
  const at = ctx.tokens.findIndex((t) => t.raw === word.word);
  const afterMarker = at > 0 && /^(by|across|between|among|per|vs|versus)$/.test(ctx.tokens[at - 1].text);
  // The closest names first, then the columns of the kind that position calls for (a group after "by").
  const kindFits = ctx.columns.filter((c) => (afterMarker ? c.factor && !c.numeric : c.numeric && !c.factor)).map((c) => c.name);
  for (const name of [...new Set([...(word.closest ?? []), ...kindFits])]) {
    if (used.has(name) || choices.length >= MAX_CHOICES - 1) continue;
    const info = ctx.columns.find((c) => c.name === name)!;
    const extra: MentionedColumn = { info, position: at, byName: true, levelsNamed: [], hints: new Set(afterMarker ? ['group'] : []), score: 0.8, texts: [word.word], synthetic: true };
    const mentioned = [...ctx.mentioned, extra].sort((a, b) => a.position - b.position);
    let reading = decideReading({ ...ctx, unknownWords: [] }, compiled, mentioned, 1);
    // Not beside the other columns: in place of the column named the same way ("by island and by colony").
    if (reading.status !== 'decided' && afterMarker) {
      const instead = mentioned.filter((m) => m === extra || !m.hints.has('group'));
      reading = decideReading({ ...ctx, unknownWords: [] }, compiled, instead, 1);
    }
    if (reading.status === 'decided') addChoice(choices, choiceOf(reading, `'${word.word}' read as ${name}`));
    // Exactly one column of the kind that place calls for, used by no role and named nowhere: the word is that column.
    const free = kindFits.filter((n) => !used.has(n) && !ctx.mentioned.some((m) => m.info.name === n));
    if (reading.status === 'decided' && unknown.length === 1 && !word.suggestion && free.length === 1 && free[0] === name && !afterMarker && standsAlone(ctx, word.index)) {
      const line = onlyColumnLine(word.word, name, 'measurement');
      return { ...reading, confidence: Math.min(reading.confidence, 0.75), explanation: { ...reading.explanation, refinements: [...reading.explanation.refinements, line] } };
    }
  }
  addChoice(choices, choiceOf(outcome, `without '${word.word}'`));
  for (const alt of outcome.alternatives) if (choices.length < 2) addChoice(choices, alt);
  const rationale = reasonText(reason);
  if (choices.length >= 2) return ambiguity(reason, rationale, choices, outcome.explanation);
  return noMatch(reason, rationale, choices, outcome.explanation);
}

/**
 * The request read with its one word that names nothing as the column named as the response by convention
 * (only-column.ts): decided, with the reading said, or undefined when that column would not be a measurement
 * the request asks about.
 */
function readAsResponse(ctx: RequestContext, compiled: CompiledRules, word: RequestContext['unknownWords'][number]): DecisionOutcome | undefined {
  if (word.suggestion) return undefined;
  const before = ctx.tokens[word.index - 1]?.text ?? '';
  if (/^(by|across|between|among|per|vs|versus|on|for|controlling|adjusting)$/.test(before)) return undefined;
  const info = ctx.columns.find((c) => c.numeric && !c.factor && compiled.set.words.responseNames.includes(c.name.toLowerCase()));
  if (!info || ctx.mentioned.some((m) => m.info.name === info.name)) return undefined;
  const extra: MentionedColumn = { info, position: word.index, byName: true, levelsNamed: [], hints: new Set(), score: 0.8, texts: [word.word], synthetic: true };
  const mentioned = [...ctx.mentioned, extra].sort((a, b) => a.position - b.position);
  copyHints(ctx.mentioned, mentioned);
  const reading = decideReading({ ...ctx, unknownWords: [] }, compiled, mentioned, 1);
  if (reading.status !== 'decided' || !conventionalResponse(ctx, compiled.set.words.responseNames, reading, info.name)) return undefined;
  // Every other role is named in the request: one reading of a word, not a word and a column from the schema.
  if (reading.explanation.refinements.some((r) => r.includes('is the only column that fits') || r.includes('is the only measurement'))) return undefined;
  return { ...reading, confidence: Math.min(reading.confidence, 0.75), explanation: { ...reading.explanation, refinements: [...reading.explanation.refinements, responseLine(word.word, info.name)] } };
}

/**
 * A named test short of a column (none named is of the wrong kind) while a word the data lack is close to
 * an unused column's name ("controlling for F-scale score" with `fscore`): that word is the reason, and
 * the named test on the close column is offered first.
 */
function askLackingColumn(ctx: RequestContext, compiled: CompiledRules, outcome: DecisionOutcome): DecisionOutcome {
  if (outcome.status === 'decided' || outcome.reason.code !== 'named-test-unfit' || outcome.reason.params.column !== undefined) return outcome;
  const used = new Set(ctx.mentioned.map((m) => m.info.name));
  const word = ctx.unknownWords.find((w) => (w.closest ?? []).some((c) => !used.has(c)));
  if (!word) return outcome;
  const choices: Choice[] = [];
  for (const name of (word.closest ?? []).filter((c) => !used.has(c))) {
    const info = ctx.columns.find((c) => c.name === name);
    if (!info || choices.length >= MAX_CHOICES - 1) continue;
    const extra: MentionedColumn = { info, position: word.index, byName: true, levelsNamed: [], hints: new Set(), score: 0.8, texts: [word.word], synthetic: true };
    const mentioned = [...ctx.mentioned, extra].sort((a, b) => a.position - b.position);
    copyHints(ctx.mentioned, mentioned);
    const reading = decideReading({ ...ctx, unknownWords: [] }, compiled, mentioned, 1);
    if (reading.status === 'decided' && namedTasks(ctx, compiled).tasks.has(reading.analysis)) addChoice(choices, choiceOf(reading, `'${word.word}' read as ${name}`));
  }
  if (choices.length === 0) return outcome;
  for (const alt of outcome.alternatives) addChoice(choices, alt);
  const reason: Reason = { code: 'unknown-word', params: { word: word.word, closest: word.closest ?? [], columns: ctx.columns.map((c) => c.name) } };
  return ambiguity(reason, `${reasonText(reason)} ${outcome.rationale}`, choices.slice(0, MAX_CHOICES), outcome.explanation);
}

/** Token indexes of the words after "the two" / "both" ("the two steroid metabolites"): they describe the pair meant. */
function pairPhrase(ctx: RequestContext): Set<number> {
  const out = new Set<number>();
  for (const t of ctx.tokens) {
    if (!(t.text === 'both' || (t.text === 'two' && /^(the|these|those)$/.test(ctx.tokens[t.index - 1]?.text ?? '')))) continue;
    for (let i = t.index + 1; i < ctx.tokens.length && i <= t.index + 3 && ctx.tokens[i].kind === 'word' && !STOPWORDS.has(ctx.tokens[i].text); i++) out.add(i);
  }
  return out;
}

/**
 * A month name whose month the month column does not hold ("January" when Month is 5..9): never
 * dropped silently. No match, with the analysis across all months the column holds as a choice.
 */
function decideMissingMonths(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome {
  const parts = ctx.missingMonths.map((m) => {
    const column = ctx.columns.find((c) => c.name === m.columns[0])!;
    const held = [...(column.months?.keys() ?? [])].sort((a, b) => a - b).map(monthLabel);
    return `${m.columns.map((c) => `'${c}'`).join(' / ')} has no value ${m.month} ('${m.word}'); it holds ${formatList(held, 'and')} only.`;
  });
  const rationale = `The request names a month the data do not have. ${[...new Set(parts)].join(' ')}`;
  const monthColumns = new Set(ctx.missingMonths.flatMap((m) => m.columns));
  // The same request over every month the column holds (the month names dropped, the column kept).
  const mentioned: MentionedColumn[] = ctx.mentioned.map((m) =>
    monthColumns.has(m.info.name) && !m.byName ? { ...m, byName: true, levelsNamed: [], hints: new Set([...m.hints, 'group' as const]) } : m,
  );
  for (const name of monthColumns) {
    if (mentioned.some((m) => m.info.name === name) || monthColumns.size > 1) continue;
    const first = ctx.tokens.findIndex((t) => t.raw === ctx.missingMonths[0].word);
    mentioned.push({ info: ctx.columns.find((c) => c.name === name)!, position: first, byName: true, levelsNamed: [], hints: new Set(['group']), score: 1, texts: [], synthetic: true });
  }
  mentioned.sort((a, b) => a.position - b.position);
  const choices: Choice[] = [];
  const outcome = mentioned.length <= 7 ? decideReading(ctx, compiled, mentioned, 1) : undefined;
  if (outcome?.status === 'decided') addChoice(choices, choiceOf(outcome, `across all months ${[...monthColumns].join(', ')} holds`));
  return noMatch({ code: 'missing-month', params: { word: ctx.missingMonths[0].word, month: ctx.missingMonths[0].month, column: ctx.missingMonths[0].columns[0] } }, rationale, choices, explain(ctx, []));
}

/**
 * A word contrasted with a level that is no level of the column ("Adelie and Emperor" when species
 * has Adelie, Chinstrap and Gentoo): never dropped silently. Ambiguous, with the named level(s) against
 * each real level (the closest by spelling first) and all levels together as choices; no match if none fits.
 */
function decideUnknownLevels(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome {
  const parts = ctx.unknownLevels.map((u) => {
    const column = ctx.columns.find((c) => c.name === u.column)!;
    const levels = formatList(column.levels.map((l) => `'${l}'`), 'and');
    return `'${u.word}' is not a level of ${u.column}, which has ${levels}.${u.suggestion ? ` Did you mean '${u.suggestion}'?` : ''}`;
  });
  const rationale = `The request names a group the data do not have. ${[...new Set(parts)].join(' ')}`;
  const first = ctx.unknownLevels[0];
  const column = ctx.columns.find((c) => c.name === first.column)!;
  const levelReason: Reason = { code: 'unknown-level', params: { word: first.word, column: column.name, levels: column.levels, ...(first.suggestion ? { suggestion: first.suggestion } : {}) } };
  const base = { ...ctx, unknownLevels: [] };
  const readingWith = (levels: string[] | undefined): MentionedColumn[] =>
    ctx.mentioned.map((m) =>
      m.info.name !== column.name
        ? m
        : levels
          ? { ...m, levelsNamed: levels }
          : { ...m, byName: true, levelsNamed: [], hints: new Set([...m.hints, 'group' as const]) },
    );
  const known = first.known;
  const sets: { levels: string[]; why: string }[] = [];
  const others = column.levels.filter((l) => !known.includes(l));
  if (first.suggestion) sets.push({ levels: [...known, first.suggestion], why: `'${first.word}' read as ${first.suggestion}` });
  if (known.length >= 2) sets.push({ levels: [...known], why: `only ${formatList(known, 'and')}` });
  for (const o of others) if (o !== first.suggestion) sets.push({ levels: [...known, o], why: `${formatList([...known, o], 'and')} instead of '${first.word}'` });
  const choices: Choice[] = [];
  for (const set of sets) {
    if (choices.length >= MAX_CHOICES - 1) break;
    if (set.levels.length >= column.levels.length) continue;
    const outcome = decideReading(base, compiled, readingWith(set.levels), 1);
    if (outcome.status === 'decided') addChoice(choices, choiceOf(outcome, set.why));
  }
  const all = decideReading(base, compiled, readingWith(undefined), 1);
  if (all.status === 'decided') addChoice(choices, choiceOf(all, `all ${column.levels.length} levels of ${column.name}`));
  const explanation = explain(ctx, ctx.unknownLevels.map((u) => `'${u.word}' is contrasted with ${formatList(u.known, 'and')} but is no level of ${u.column}`));
  if (choices.length >= 2) return ambiguity(levelReason, rationale, choices, explanation);
  return noMatch(levelReason, rationale, choices, explanation);
}

/** A word fits several columns equally: decide each reading; more than one that works is an ambiguity. */
function decideTiedWords(ctx: RequestContext, compiled: CompiledRules): DecisionOutcome {
  const tied = ctx.mentions.find((m) => m.tiedWith.length > 0)!;
  const tiedKey = [tied.column, ...tied.tiedWith].sort().join('|');
  // The same word said twice ("Chinstrap bills ... Adelie bills") means the same column both times.
  const sameWord = (m: (typeof ctx.mentions)[number]) => m.tiedWith.length > 0 && [m.column, ...m.tiedWith].sort().join('|') === tiedKey;
  // A word of the request that says which one ("bills ... longer" -> bill_length_mm): only that reading.
  const preferred = ctx.tieBreaks.length > 0 ? preferredColumn([tied.column, ...tied.tiedWith], ctx) : undefined;
  const readings = preferred ? [preferred] : [tied.column, ...tied.tiedWith].slice(0, MAX_CHOICES);
  const choices: Choice[] = [];
  const decided: Decision[] = [];
  const readingOf = (column: string) => {
    const mentions = ctx.mentions.map((m) => (sameWord(m) ? { ...m, column, tiedWith: [] } : m.tiedWith.length > 0 ? { ...m, tiedWith: [] } : m));
    const mentioned = groupMentions(mentions, ctx.columns);
    copyHints(ctx.mentioned, mentioned);
    return { ctx: { ...ctx, mentions }, mentioned };
  };
  for (const column of readings) {
    const reading = readingOf(column);
    const outcome = decideReading(reading.ctx, compiled, reading.mentioned, 1);
    if (outcome.status === 'decided') {
      decided.push(outcome);
      addChoice(choices, choiceOf(outcome, `'${tied.text}' read as ${column}`));
    } else if (outcome.status === 'ambiguous') {
      for (const choice of outcome.alternatives) addChoice(choices, choice);
    }
  }
  // No reading fits as it stands ("Which is better, 4 or 6?"): what each reading would need.
  if (choices.length === 0) {
    for (const column of readings) {
      const reading = readingOf(column);
      const outcome = decideReading(reading.ctx, compiled, reading.mentioned, 0);
      if (outcome.status !== 'no_match') for (const choice of outcome.alternatives.slice(0, 2)) addChoice(choices, choice);
    }
  }
  const explanation = explain(ctx, []);
  const tiedReason: Reason = { code: 'tied-columns', params: { word: tied.text, columns: readings } };
  const rationale = `'${tied.text}' could mean ${formatList(readings.map((c) => `'${c}'`))}; say which one.`;
  if (preferred && decided.length === 1) {
    return withRefinement(decided[0], `'${tied.text}' read as ${preferred}: the request says ${formatList(ctx.tieBreaks.map((w) => `"${w.text}"`))}`);
  }
  // The preferred reading does not fit: offer every reading instead.
  if (preferred) return decideTiedWords({ ...ctx, tieBreaks: [] }, compiled);
  if (decided.length === 1 && choices.length === 1) {
    const only = withRefinement(decided[0], `'${tied.text}' could also mean ${formatList(readings.filter((c) => c !== tied.column).map((c) => `'${c}'`))}, but only one reading fits the request`);
    return { ...only, confidence: round(only.confidence * 0.85) };
  }
  if (choices.length >= 2) return ambiguity(tiedReason, rationale, choices, explanation);
  return noMatch(tiedReason, `${rationale} None of the readings fits a known analysis.`, choices, explanation);
}

/** A decision with one more refinement (a new object: decisions are built, not changed). */
function withRefinement(d: Decision, line: string): Decision {
  return { ...d, explanation: { ...d.explanation, refinements: [...d.explanation.refinements, line] } };
}

/** The one tied column whose name has a word a tie-break word of the request points to, if exactly one. */
function preferredColumn(columns: readonly string[], ctx: RequestContext): string | undefined {
  const hits = columns.filter((name) => {
    const info = ctx.columns.find((c) => c.name === name);
    return info !== undefined && ctx.tieBreaks.some((w) => w.means.some((word) => info.words.includes(word)));
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/** Hints come from word order, which does not change when a tied word is resolved. */
function copyHints(from: readonly MentionedColumn[], to: MentionedColumn[]): void {
  for (const m of to) {
    const source = from.find((f) => f.position === m.position);
    if (source) m.hints = new Set(source.hints);
  }
}

/** Whether the request names what the rule is about (a cue the rule requires, not only its defaults). */
function askedByName(rule: Rule, ctx: RequestContext): boolean {
  return [...(rule.when?.all ?? []), ...(rule.when?.any ?? [])].some((c) => !c.startsWith('@') && ctx.cues.has(c));
}

/** The part of `when` that needs no fit: required cues present, excluded cues absent. */
function wordingAllows(rule: Rule, ctx: RequestContext): boolean {
  const when = rule.when;
  if (!when) return true;
  if (when.all?.some((c) => !c.startsWith('@') && !ctx.cues.has(c))) return false;
  if (when.none?.some((c) => !c.startsWith('@') && ctx.cues.has(c))) return false;
  if (when.any && when.any.length > 0 && when.any.every((c) => !c.startsWith('@')) && !when.any.some((c) => ctx.cues.has(c))) return false;
  return true;
}

/** Evaluates a rule's `when` against the request's cues and the fit's facts. */
function whenHolds(rule: Rule, ctx: RequestContext, facts: ReadonlySet<string>): boolean {
  const has = (cue: string) => (cue.startsWith('@') ? facts.has(cue) : ctx.cues.has(cue));
  const when = rule.when;
  if (!when) return true;
  if (when.all && !when.all.every(has)) return false;
  if (when.any && when.any.length > 0 && !when.any.some(has)) return false;
  if (when.none && when.none.some(has)) return false;
  return true;
}

/** Fewer roles filled by default first (the request's own columns are better evidence), then priority, then fit. */
function compareFits(a: Fit, b: Fit): number {
  return a.completed - b.completed || b.rule.priority - a.rule.priority || b.score - a.score || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0);
}

/** Decides one reading of the request (columns resolved). */
function decideReading(given: RequestContext, compiled: CompiledRules, mentioned: MentionedColumn[], depth: number): DecisionOutcome {
  // "median tumour thickness?": a statistic named is asked for, not a test, though "median" is also a
  // nonparametric cue: intent words that are all statistic words ask for no test.
  const statisticOnly = given.hasIntent && given.cueHits.filter((h) => compiled.intents.has(h.cue)).every((h) => given.cueHits.some((o) => o.cue === 'statistic' && o.start <= h.start && o.end >= h.end));
  const ctx = statisticOnly ? { ...given, hasIntent: false } : given;
  const explanation = explain(ctx, []);
  if (mentioned.length === 0 && ctx.cueHits.every((h) => h.cue === 'statistic_question')) {
    return noMatch({ code: 'no-column', params: {} }, withUnknownWords('The request names no column of the dataset and asks for no known analysis.', ctx), [], explanation);
  }
  const fits: Fit[] = [];
  const blocked: Fit[] = [];
  // Rules whose wording rules them out are fitted only if nothing else fits (for the choices offered then).
  const deferred: Rule[] = [];
  const fitOne = (rule: Rule) => {
    const fit = fitRule(rule, ctx, mentioned);
    if (!fit) return;
    // A measured quantity (doses 3.1 ... 5.9) as the groups of a comparison only when the request groups by it or compares.
    const groupBy = mentioned.find((m) => m.info.name === fit.roles.group);
    if (groupBy?.info.quantity && !groupBy.hints.has('group') && !ctx.cues.has('compare') && rule.family !== 'figure' && rule.task !== 'describe') {
      blocked.push(fit);
      return;
    }
    // Independent groups on data that look paired: only when that test was asked for by name.
    const usable = whenHolds(rule, ctx, fit.facts) && (!fit.pairingConflict || askedByName(rule, ctx));
    (usable ? fits : blocked).push(fit);
  };
  for (const rule of compiled.set.rules) (wordingAllows(rule, ctx) ? fitOne(rule) : deferred.push(rule));
  const complete = fits.filter((f) => f.missing.length === 0).sort(compareFits);
  // A test named that fits is decided even when another reading fits as well.
  const named = namedTasks(ctx, compiled).tasks;
  if (named.size > 0 && complete.length > 1 && !named.has(complete[0].rule.task)) {
    const i = complete.findIndex((f) => named.has(f.rule.task) && f.completed === complete[0].completed);
    if (i > 0) complete.unshift(...complete.splice(i, 1));
  }
  const partial = fits.filter((f) => f.missing.length > 0).sort(compareFits);
  const best = complete[0];
  const open = partial[0];
  // Ask which column is meant only when the request asks for something; a bare column name is described.
  // One column named and a relation asked ("is income related?"): its partner is not the one column of a
  // kind left (a grouping column by elimination) while other readings leave it open among several.
  const alone = mentioned.filter((m) => m.byName).length === 1 && ctx.cues.has('associate');
  const byElimination = best !== undefined && open !== undefined && alone && best.completed > 0 && open.completed === 0;
  if (open && (!best || byElimination || (ctx.hasIntent && open.rule.priority > best.rule.priority)) && depth === 0) {
    const completion = decideCompletions(ctx, compiled, mentioned, open);
    if (completion) return completion;
  }
  if (best) {
    // A list of columns with only a summary asked for ("mean and SD of Y1 and Y2") is described, not tested.
    const list = depth === 0 && best.rule.task !== 'describe' ? decideList(ctx, compiled, mentioned) : undefined;
    return list ?? decideFromFits(ctx, best, complete, named);
  }
  if (depth > 0) return noMatch({ code: 'no-fit', params: { columns: mentioned.map((m) => m.info.name) } }, 'Nothing fits this reading.', [], explanation);
  const list = decideList(ctx, compiled, mentioned);
  if (list) return list;
  for (const rule of deferred) fitOne(rule);
  return decideNothingFits(ctx, compiled, mentioned, blocked);
}

/** The winner among complete fits, or an ambiguity when it has an equal contender. */
function decideFromFits(ctx: RequestContext, best: Fit, complete: readonly Fit[], named: ReadonlySet<TaskId>): DecisionOutcome {
  const key = rolesKey(best.roles);
  const contenders = complete.filter(
    (f) =>
      f !== best &&
      (!named.has(best.rule.task) || named.has(f.rule.task)) &&
      f.completed === best.completed &&
      f.rule.priority === best.rule.priority &&
      Math.abs(f.score - best.score) < CONTENDER_MARGIN &&
      (f.rule.task !== best.rule.task || rolesKey(f.roles) !== key),
  );
  const decision = buildDecision(ctx, best, complete);
  if (best.ties.length > 0 || contenders.length > 0) {
    const choices: Choice[] = [];
    addChoice(choices, choiceOf(decision, 'one reading of the request'));
    for (const roles of best.ties) addChoice(choices, { analysis: best.rule.task, roles, options: decision.options, why: `the same analysis with ${describeRoles(roles)}` });
    for (const f of contenders) {
      const d = buildDecision(ctx, f, complete);
      addChoice(choices, choiceOf(d, TASK_WHY[f.rule.task]));
    }
    const rationale =
      best.ties.length > 0
        ? `The request fits ${TASK_NAMES[best.rule.task]} but does not say which column plays which role.`
        : `Several analyses fit equally well: ${formatList(choices.map((c) => TASK_NAMES[c.analysis]))}.`;
    if (choices.length >= 2) return ambiguity(best.ties.length > 0 ? { code: 'roles-unclear', params: { analysis: best.rule.task } } : { code: 'equal-readings', params: { analyses: choices.map((c) => c.analysis) } }, rationale, choices, decision.explanation);
  }
  // A two-group test named ("Mann-Whitney", "t-test") for a group with three or more levels, none
  // named: the k-group analogue, or the named test on two levels the researcher picks.
  const twoGroup = TASKS[best.rule.task].twoGroup;
  if (twoGroup && best.rule.family === 'k-groups' && (best.k ?? 0) > 2 && !best.options.levels && (TWO_GROUP_NAMED[twoGroup] ?? []).some((c) => ctx.cues.has(c))) {
    const levels = best.levels ?? [];
    const choices: Choice[] = [choiceOf(decision, `compares all ${best.k} groups of ${best.roles.group}`)];
    for (let i = 0; i < levels.length && choices.length < MAX_CHOICES; i++) {
      for (let j = i + 1; j < levels.length && choices.length < MAX_CHOICES; j++) {
        choices.push({
          analysis: twoGroup,
          roles: best.roles,
          options: { ...decision.options, levels: [levels[i], levels[j]] },
          why: `${taskTitle(twoGroup)}, as asked, on two groups only: ${levels[i]} vs ${levels[j]}`,
        });
      }
    }
    return ambiguity({ code: 'two-group-test', params: { test: twoGroup, group: best.roles.group ?? '', k: best.k ?? 0 } },
      `${taskTitle(twoGroup)} compares two groups, but ${best.roles.group} has ${best.k}; choose ${TASK_NAMES[best.rule.task]} of all groups or two groups to compare.`,
      choices,
      decision.explanation,
    );
  }
  // The test asked for treats the groups as independent, but each subject appears in every group.
  // Three or more groups: each subject under every level is a repeated-measures design.
  if (best.pairingConflict && (best.k ?? 0) >= 3) {
    const subject = best.pairingConflict;
    const group = best.roles.group ?? '';
    const repeated: TaskId = best.rule.task === 'kruskal_wallis' || best.rule.task === 'dunn' ? 'friedman' : 'anova_rm';
    const choices: Choice[] = [
      {
        analysis: repeated,
        roles: { outcome: best.roles.outcome, within: group, subject },
        ...(Object.keys(decision.options).length > 0 ? { options: decision.options } : {}),
        why: `${taskTitle(repeated)}: each ${subject} appears once under every level of ${group}, so the conditions are measured on the same subjects`,
      },
      choiceOf(decision, `as asked, treating the levels of ${group} as independent groups, although each ${subject} appears under every one of them (the p-value is then wrong)`),
    ];
    return ambiguity({ code: 'pairing-conflict', params: { test: best.rule.task, pair_id: subject, group } },
      `${taskTitle(best.rule.task)} treats the groups as independent, but each ${subject} appears once under every level of ${group} (repeated measures); choose one (say "independent groups" or "repeated measures").`,
      choices,
      decision.explanation,
    );
  }
  if (best.pairingConflict) {
    const paired = best.rule.task === 'mann_whitney' ? 'wilcoxon_signed_rank' : 'ttest_paired';
    const choices: Choice[] = [
      choiceOf(decision, 'as asked, treating the two groups as independent'),
      {
        analysis: paired,
        roles: { ...best.roles, pairId: best.pairingConflict },
        ...(Object.keys(decision.options).length > 0 ? { options: decision.options } : {}),
        why: `${taskTitle(paired)}: each ${best.pairingConflict} appears once in every group of ${best.roles.group}, so the groups are paired`,
      },
    ];
    return ambiguity({ code: 'pairing-conflict', params: { test: best.rule.task, pair_id: best.pairingConflict, group: best.roles.group ?? '' } },
      `${taskTitle(best.rule.task)} treats the groups as independent, but the data look paired by ${best.pairingConflict}; choose one (say "independent samples" or "paired").`,
      choices,
      decision.explanation,
    );
  }
  // One-sided wording, but the request does not say which group is which: offer both directions.
  if (best.directionUnclear && best.levels && best.levels.length === 2) {
    const [a, b] = best.levels;
    const direction = ctx.direction as 'greater' | 'less';
    const sign = direction === 'greater' ? '>' : '<';
    const choices: Choice[] = [
      { analysis: best.rule.task, roles: best.roles, options: { ...decision.options, levels: [a, b], alternative: direction }, why: `One-sided: ${a} ${sign} ${b}` },
      { analysis: best.rule.task, roles: best.roles, options: { ...decision.options, levels: [b, a], alternative: direction }, why: `One-sided: ${b} ${sign} ${a}` },
      { analysis: best.rule.task, roles: best.roles, options: decision.options, why: 'Two-sided: any difference' },
    ];
    return ambiguity({ code: 'direction-unclear', params: { direction, group: best.roles.group ?? '' } },
      `The request asks for a one-sided test ("${direction}") but does not name which group of ${best.roles.group} is expected to be ${direction}; choose the direction.`,
      choices,
      decision.explanation,
    );
  }
  // One-sided wording about three or more groups ("more cylinders, lower mpg") has no single direction:
  // a trend (rank correlation, regression) or the comparison of all groups.
  if ((ctx.direction || ctx.trend) && best.rule.family === 'k-groups' && best.roles.outcome && best.roles.group && !best.options.levels) {
    const choices: Choice[] = [choiceOf(decision, 'compares all groups, without a direction')];
    const group = ctx.columns.find((c) => c.name === best.roles.group);
    if (group?.schema.kind === 'numeric') {
      choices.push({ analysis: 'spearman', roles: { x: best.roles.group, y: best.roles.outcome }, why: 'Spearman correlation: a monotonic trend across ordered groups.' });
      choices.push({ analysis: 'ols', roles: { outcome: best.roles.outcome, predictors: [best.roles.group] }, why: 'Linear regression: the slope of the outcome on the coded groups.' });
    } else {
      choices.push({ analysis: 'games_howell', roles: best.roles, why: 'Games-Howell: which pairs of groups differ, and in which direction.' });
    }
    return ambiguity({ code: 'direction-k-groups', params: { direction: ctx.direction ?? 'trend', group: best.roles.group, k: best.k ?? 0 } },
      `The request states a direction ("${ctx.direction ?? 'a trend'}") but ${best.roles.group} has ${best.k ?? 'several'} groups; choose a trend test or a comparison of all groups.`,
      choices,
      decision.explanation,
    );
  }
  // The request names a cause ("does wind matter?") and no outcome; the one named column is not the outcome
  // just because a grouping column could be filled in: ask which outcome.
  const cause = ctx.mentioned.find((m) => m.byName && m.info.name === best.roles.outcome && m.hints.has('predictor') && !m.hints.has('outcome'));
  if (best.completed > 0 && cause) {
    const choices: Choice[] = [];
    for (const c of ctx.columns.filter((x) => x.numeric && !x.factor && x.name !== cause.info.name).slice(0, MAX_CHOICES - 1)) {
      choices.push({ analysis: 'ols', roles: { outcome: c.name, predictors: [cause.info.name] }, why: `${taskTitle('ols')}: ${c.name} on ${cause.info.name}` });
    }
    addChoice(choices, choiceOf(decision, `${cause.info.name} as the outcome`));
    if (choices.length >= 2) return ambiguity({ code: 'open-role', params: { role: 'outcome', analysis: 'ols', candidates: choices.map((c) => c.roles.outcome as string) } }, `The request names ${cause.info.name} as a cause but not what it matters for; choose the outcome.`, choices, decision.explanation);
  }
  // A role filled from the schema while the request names something that is not a column: ask.
  const unknown = ctx.unknownWords.filter((w) => w.rolePosition || w.suggestion);
  // ... unless the one word stands where the one role filled would, and only one column can fill it (only-column.ts).
  const onlyColumn = best.completed === 1 ? readAsOnlyColumn(ctx, decision.explanation.refinements) : undefined;
  if (onlyColumn) return { ...decision, confidence: Math.min(decision.confidence, 0.75), explanation: { ...decision.explanation, refinements: onlyColumn } };
  if (best.completed > 0 && unknown.length > 0) {
    const choices: Choice[] = [];
    addChoice(choices, choiceOf(decision, `using ${describeRoles(best.roles)}`));
    for (const alt of decision.alternatives) addChoice(choices, alt);
    const rationale = withUnknownWords('The request names a column the dataset does not have.', ctx);
    return ambiguity(unknownReason(ctx) as Reason, rationale, choices.slice(0, MAX_CHOICES), decision.explanation);
  }
  return decision;
}

/**
 * A list of columns to describe ("summary of bill length, bill depth and flipper length"): one describe
 * of the listed columns (role `columns`), grouped by the column the request groups by.
 */
function decideList(ctx: RequestContext, compiled: CompiledRules, mentioned: MentionedColumn[]): DecisionOutcome | undefined {
  if (!(ctx.cues.has('describe') || ctx.cues.has('statistic')) || otherIntents(ctx, compiled, ['describe', 'nonparam'])) return undefined;
  const listed = withColumnRanges(ctx, mentioned).filter((m) => !m.hints.has('group'));
  if (listed.length < 2) return undefined;
  const groups = mentioned.filter((m) => m.hints.has('group'));
  const reading = decideReading(ctx, compiled, groups, 1);
  if (reading.status !== 'decided' || reading.analysis !== 'describe' || reading.roles.column) return undefined;
  const names = listed.map((m) => m.info.name);
  return {
    ...reading,
    roles: { ...reading.roles, columns: names },
    rationale: `Descriptive statistics of ${formatList(names, 'and')}${reading.roles.group ? ` by ${reading.roles.group}` : ''}, in one table.`,
    explanation: { ...reading.explanation, refinements: [...reading.explanation.refinements, `columns listed: ${names.join(', ')}`] },
  };
}

/** A role left open with several columns that fit: one choice per column (decided afresh with it). */
function decideCompletions(ctx: RequestContext, compiled: CompiledRules, mentioned: MentionedColumn[], open: Fit): DecisionOutcome | undefined {
  const [first, second] = open.missing;
  const combos: string[][] = [];
  for (const a of first.candidates) {
    if (second) {
      for (const b of second.candidates) if (b !== a) combos.push([a, b]);
    } else combos.push([a]);
    if (combos.length >= 12) break;
  }
  // Before and after from names that state their order (Prewt, Postwt): only that order is a reading.
  if (first.role === 'before' && second?.role === 'after') {
    const inOrder = combos.filter(([a, b]) => isEarlierByName(a, b) !== false);
    if (inOrder.length > 0) combos.splice(0, combos.length, ...inOrder);
    // The only two measurements, in the order their names state: the pair is read, not asked.
    if (combos.length === 1 && isEarlierByName(combos[0][0], combos[0][1]) === true) {
      const only = combos[0].map((name, i): MentionedColumn => ({ info: ctx.columns.find((c) => c.name === name)!, position: 10_000 + i, byName: true, levelsNamed: [], hints: new Set(), score: 1, texts: [], synthetic: true }));
      const reading = decideReading(ctx, compiled, [...mentioned, ...only], 1);
      if (reading.status === 'decided') return reading;
    }
  }
  // "the two metabolites", "both years' yields": two roles open and exactly two columns that fill them
  // (in either order, or in the order their names state): the request has said which.
  // "compare the two" with nothing named and no noun after "two" points at nothing: asked.
  const saysTwo = ctx.tokens.some((t, i) => t.text === 'both' || (t.text === 'two' && /^(the|these|those)$/.test(ctx.tokens[i - 1]?.text ?? ''))) && (mentioned.length > 0 || pairPhrase(ctx).size > 0);
  const pairs = new Set(combos.map((c) => [...c].sort().join('|')));
  if (saysTwo && second && pairs.size === 1 && open.missing.every((m) => m.candidates.length === 2)) {
    const only = combos[0].map((name, i): MentionedColumn => ({ info: ctx.columns.find((c) => c.name === name)!, position: 10_000 + i, byName: true, levelsNamed: [], hints: new Set(), score: 1, texts: [], synthetic: true }));
    const reading = decideReading(ctx, compiled, [...mentioned, ...only], 1);
    if (reading.status === 'decided') return withRefinement(reading, `the two columns that fit: ${combos[0].join(' and ')} ("two")`);
  }
  const choices: Choice[] = [];
  for (const combo of combos) {
    const extra = combo.map((name, i): MentionedColumn => {
      const role = i === 0 ? first.role : second.role;
      return {
        info: ctx.columns.find((c) => c.name === name)!,
        position: 10_000 + i,
        byName: true,
        levelsNamed: [],
        hints: new Set(role === 'group' ? ['group'] : role === 'outcome' ? ['outcome'] : []),
        score: 1,
        texts: [],
        synthetic: true,
      };
    });
    const outcome = decideReading(ctx, compiled, [...mentioned, ...extra], 1);
    if (outcome.status === 'decided') addChoice(choices, choiceOf(outcome, `${first.role}${second ? ` and ${second.role}` : ''}: ${combo.join(', ')}`));
    if (choices.length >= MAX_CHOICES) break;
  }
  if (choices.length < 2) return undefined;
  const roleWords = open.missing.map((m) => m.role).join(' and ');
  const rationale = withUnknownWords(
    `The request does not say which column is the ${roleWords} for ${TASK_NAMES[open.rule.task]}; ${first.candidates.length} columns fit.`,
    ctx,
  );
  return ambiguity({ code: 'open-role', params: { role: roleWords, analysis: open.rule.task, candidates: first.candidates } }, rationale, choices, explain(ctx, []));
}

/** No rule fits: offer what does fit these columns (another analysis, or one column fewer), else no match. */
function decideNothingFits(ctx: RequestContext, compiled: CompiledRules, mentioned: MentionedColumn[], blocked: readonly Fit[]): DecisionOutcome {
  const choices: Choice[] = [];
  const explanation = explain(ctx, []);
  if (mentioned.length >= 2) {
    // Drop the last-named columns first: the first is usually what the request is about.
    for (let i = mentioned.length - 1; i >= 0 && choices.length < MAX_CHOICES; i--) {
      const fewer = mentioned.filter((_, k) => k !== i);
      const outcome = decideReading(ctx, compiled, fewer, 1);
      if (outcome.status === 'decided') addChoice(choices, choiceOf(outcome, `without ${mentioned[i].info.name}`));
    }
  }
  // Other analyses for these columns: the general one of each family first (Pearson before Kendall).
  const others = blocked
    .filter((f) => f.missing.length === 0 && f.rule.id !== 'describe-default')
    .sort((a, b) => rankOther(a) - rankOther(b) || a.completed - b.completed || a.rule.priority - b.rule.priority || b.score - a.score || (a.rule.id < b.rule.id ? -1 : 1));
  const families = new Set<string>();
  for (const f of others) {
    if (choices.length >= MAX_CHOICES) break;
    const family = f.rule.family ?? f.rule.task;
    if (families.has(family) || choices.some((c) => c.analysis === f.rule.task)) continue;
    families.add(family);
    addChoice(choices, choiceOf(buildDecision(ctx, f, []), TASK_WHY[f.rule.task]));
  }
  const kinds = mentioned.map((m) => `${m.info.name} (${kindWord(m)})`);
  const asked = ctx.cueHits.filter((h) => compiled.intents.has(h.cue)).map((h) => `"${h.text}"`);
  let rationale: string;
  if (mentioned.length === 0) rationale = 'The request names no column of the dataset.';
  else if (asked.length > 0) {
    const phrases = [...new Set(asked)];
    rationale = `${formatList(phrases, 'and')} ${phrases.length > 1 ? 'do' : 'does'} not fit ${formatList(kinds, 'and')}.`;
  }
  else rationale = `No analysis takes ${formatList(kinds, 'and')} as named.`;
  if (ctx.cues.has('paired') && !mentioned.some((m) => m.info.subject) && !ctx.columns.some((c) => c.subject)) {
    rationale += ' The request says the data are paired, but no column identifies the subjects and no two columns look like repeated measurements.';
  }
  rationale = withUnknownWords(rationale, ctx);
  const unknown = unknownReason(ctx);
  const reason: Reason =
    unknown ?? (mentioned.length === 0 ? { code: 'no-column', params: {} } : { code: 'no-fit', params: { columns: mentioned.map((m) => m.info.name), asked: ctx.cueHits.filter((h) => compiled.intents.has(h.cue)).map((h) => h.cue) } });
  if (choices.length >= 2) return ambiguity(reason, rationale, choices.slice(0, MAX_CHOICES), explanation);
  return noMatch(reason, rationale, choices, explanation);
}

/** Analyses before figures, general rules before ones that need specific wording. */
function rankOther(fit: Fit): number {
  return fit.rule.family === 'figure' ? 1 : 0;
}

function kindWord(m: MentionedColumn): string {
  if (m.info.subject) return 'identifier';
  if (m.info.schema.kind === 'numeric') return m.info.factor ? 'numeric, few values' : 'numeric';
  return m.info.schema.kind;
}

/** A decision from a fit. */
function buildDecision(ctx: RequestContext, fit: Fit, complete: readonly Fit[]): Decision {
  const rule = fit.rule;
  const rationale = renderExplanation(rule.explanation, { roles: fit.roles, options: fit.options, k: fit.k, levels: fit.levels, small: fit.small });
  const alternatives: Choice[] = [];
  for (const task of rule.seeAlso ?? []) {
    const roles = rolesFor(task as TaskId, fit.roles, (name) => ctx.columns.find((c) => c.name === name)?.schema.kind === 'numeric');
    if (!roles) continue;
    const choice: Choice = { analysis: task as TaskId, roles, why: TASK_WHY[task as TaskId] ?? '' };
    // The same rows and levels as the decision (a filter or restriction applies to the alternative too).
    if (Object.keys(fit.options).length > 0) choice.options = { ...fit.options };
    alternatives.push(choice);
  }
  return {
    status: 'decided',
    analysis: rule.task,
    roles: fit.roles,
    options: fit.options,
    source: 'rules',
    ruleId: rule.id,
    confidence: confidenceOf(ctx, fit, complete),
    rationale,
    alternatives,
    explanation: explain(ctx, [...fit.refinements, ...nameReadings(ctx, fit), ...levelReadings(ctx, fit)], fit),
    ...(fit.directionAsked ? { directionAsked: fit.directionAsked } : {}),
  };
}

/** Columns read from a misspelling, a part or an abbreviation of their name ("read 'flipper_lenght' as 'flipper_length_mm'"). */
function nameReadings(ctx: RequestContext, fit: Fit): string[] {
  const used = new Set(Object.values(fit.roles).flat());
  const out: string[] = [];
  const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9]+/g, '');
  for (const m of ctx.mentions) {
    if (m.via !== 'name' || !used.has(m.column) || m.score >= 0.95) continue;
    const info = ctx.columns.find((c) => c.name === m.column);
    if (!info || norm(m.text) === info.joined || norm(m.text) === norm(m.column)) continue;
    const written = writtenAs(ctx.prompt, m.text);
    const line = `read '${written}' as '${m.column}'`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

/** The stretch of the request as written (with its underscores or dots), from its tokens joined by spaces. */
function writtenAs(prompt: string, text: string): string {
  const pattern = text.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^A-Za-z0-9]{0,3}');
  return new RegExp(pattern, 'i').exec(prompt)?.[0] ?? text;
}

/** Levels read from a misspelling or an abbreviation ("'Gentoe' read as species = Gentoo"), said in so many words. */
function levelReadings(ctx: RequestContext, fit: Fit): string[] {
  const used = new Set(Object.values(fit.roles).flat());
  for (const f of fit.options.where ?? []) used.add(f.column);
  const out: string[] = [];
  for (const m of ctx.mentions) {
    if (m.via !== 'level' || m.level === undefined || m.score >= 0.95 || !used.has(m.column)) continue;
    if (m.text.toLowerCase() === m.level.toLowerCase()) continue;
    const line = `'${m.text}' read as ${m.column} = ${m.level} (closest level)`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

/** The roles another task takes for the same columns (figures and checks name them differently). */
function rolesFor(task: TaskId, roles: Roles, isNumeric: (column: string) => boolean): Roles | undefined {
  const outcome = roles.outcome ?? roles.column;
  switch (task) {
    case 'qqplot':
    case 'histogram':
      return outcome ? { column: outcome, ...(roles.group ? { group: roles.group } : {}) } : undefined;
    case 'shapiro_wilk':
      return outcome ? { column: outcome } : undefined;
    // Association analyses and their figures take x and y: a one-predictor model's roles become them.
    case 'pearson':
    case 'spearman':
    case 'kendall':
    case 'scatter':
    case 'regplot': {
      if (roles.x && roles.y) return { x: roles.x, y: roles.y, ...(task === 'scatter' && roles.color ? { color: roles.color } : {}) };
      const [x, y] = [roles.predictors?.length === 1 ? roles.predictors[0] : undefined, roles.outcome];
      return x && y && isNumeric(x) && isNumeric(y) ? { x, y } : undefined;
    }
    case 'ols':
      if (roles.outcome && roles.predictors?.length) return { outcome: roles.outcome, predictors: [...roles.predictors] };
      return roles.x && roles.y ? { outcome: roles.y, predictors: [roles.x] } : undefined;
    default:
      return { ...roles };
  }
}

/** Confidence in [0, 1]: explicit wording, match quality, roles filled by default, margin. */
function confidenceOf(ctx: RequestContext, fit: Fit, complete: readonly Fit[]): number {
  const rule = fit.rule;
  const cuesOf = [...(rule.when?.all ?? []), ...(rule.when?.any ?? [])].filter((c) => !c.startsWith('@'));
  const explicit = cuesOf.some((c) => ctx.cues.has(c));
  let confidence = explicit ? 0.92 : ctx.hasIntent ? 0.85 : 0.7;
  const scores = ctx.mentions.filter((m) => Object.values(fit.roles).flat().includes(m.column)).map((m) => m.score);
  if (scores.length > 0) confidence *= Math.min(1, scores.reduce((s, x) => s + x, 0) / scores.length + 0.05);
  confidence *= 0.9 ** fit.completed;
  if (fit.structuralPairing && !ctx.cues.has('paired')) confidence *= 0.95;
  const runnerUp = complete.find((f) => f !== fit && f.rule.task !== rule.task);
  if (runnerUp && runnerUp.rule.priority === rule.priority) confidence *= 0.9;
  return round(Math.max(0, Math.min(1, confidence)));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What the engine saw: cue phrases, column matches and refinements. */
function explain(ctx: RequestContext, refinements: string[], fit?: Fit): Explanation {
  const phrases: string[] = [];
  for (const h of ctx.cueHits) if (!phrases.includes(h.text.toLowerCase())) phrases.push(h.text.toLowerCase());
  const used = fit ? new Set(Object.values(fit.roles).flat()) : undefined;
  for (const f of fit?.options.where ?? []) used?.add(f.column);
  return {
    matchedPhrases: phrases,
    columnMatches: ctx.mentions
      .filter((m) => !used || used.has(m.column))
      .map((m) => ({ text: m.text, column: m.level !== undefined ? `${m.column}=${m.level}` : m.column, score: m.score })),
    refinements: [...refinements],
  };
}

function choiceOf(d: Decision, why: string): Choice {
  const choice: Choice = { analysis: d.analysis, roles: d.roles, why: `${taskTitle(d.analysis)}: ${why}` };
  if (Object.keys(d.options).length > 0) choice.options = d.options;
  return choice;
}


function addChoice(choices: Choice[], choice: Choice): void {
  const key = `${choice.analysis}|${rolesKey(choice.roles)}|${JSON.stringify(choice.options ?? {})}`;
  if (choices.some((c) => `${c.analysis}|${rolesKey(c.roles)}|${JSON.stringify(c.options ?? {})}` === key)) return;
  choices.push(choice);
}

/** The first word of the request that names no column where a column would stand, as a reason. */
function unknownReason(ctx: RequestContext): Reason | undefined {
  const w = ctx.unknownWords.find((u) => u.rolePosition || u.suggestion) ?? (ctx.mentioned.length === 0 ? ctx.unknownWords[0] : undefined);
  if (!w) return undefined;
  return { code: 'unknown-word', params: { word: w.word, closest: w.closest ?? (w.suggestion ? [w.suggestion] : []), columns: ctx.columns.map((c) => c.name) } };
}

function withUnknownWords(rationale: string, ctx: RequestContext): string {
  const unknown = ctx.unknownWords.filter((w) => w.rolePosition || w.suggestion);
  if (unknown.length === 0) return rationale;
  const parts = unknown.slice(0, 3).map((w) => `No column '${w.word}'.${w.suggestion ? ` Did you mean '${w.suggestion}'?` : ''}`);
  return `${rationale} ${parts.join(' ')}`;
}

function ambiguity(reason: Reason, rationale: string, choices: Choice[], explanation: Explanation): Ambiguity {
  return { status: 'ambiguous', reason, rationale, alternatives: choices.slice(0, MAX_CHOICES), explanation };
}

function noMatch(reason: Reason, rationale: string, choices: Choice[], explanation: Explanation): NoMatch {
  return { status: 'no_match', reason, rationale, alternatives: choices.slice(0, MAX_CHOICES), explanation };
}

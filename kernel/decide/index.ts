/** The rule engine: from a request and a dataset's schema to one analysis, an ambiguity or no match. */
export { decideWithRules } from './rules-engine.js';
export { decisionFromJson, decisionToJson } from './json.js';
export { defaultRules, loadRules } from './rules.js';
export type { Ambiguity, Choice, Decision, DecisionOutcome, DirectionAsked, Explanation, LlmInfo, NoMatch, Reason, ReasonCode, RuleSet } from './types.js';

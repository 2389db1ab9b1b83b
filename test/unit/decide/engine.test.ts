/** The rule engine's parts and promises: matching, explanations, options, JSON round trip. */
import assert from 'node:assert/strict';
import { decisionFromJson, decisionToJson, decideWithRules } from '../../../kernel/decide/index.js';
import { decideAnalysis } from '../../../kernel/llm/fallback.js';
import { isWidePair } from '../../../kernel/decide/fit.js';
import { isOneTypo, scoreWord, stemWord, tokenize } from '../../../kernel/decide/text.js';
import { editDistance } from '../../../kernel/util/suggest.js';
import { isInferraError } from '../../../kernel/errors.js';
import type { DatasetSchema } from '../../../kernel/types.js';
import { loadSchemas } from './datasets.js';

describe('rule engine', () => {
  let schemas: Record<string, DatasetSchema>;
  before(async function () {
    this.timeout(60_000);
    schemas = await loadSchemas();
  });

  it('tokenizes names and requests the same way', () => {
    assert.deepEqual(tokenize('flipper_length_mm').map((t) => t.text), ['flipper', 'length', 'mm']);
    assert.deepEqual(tokenize('Sepal.Length').map((t) => t.text), ['sepal', 'length']);
    assert.deepEqual(tokenize('drug1 vs 0.5, 99%').map((t) => t.raw), ['drug', '1', 'vs', '0.5', '99%']);
    assert.deepEqual(tokenize('bodyMass').map((t) => t.text), ['body', 'mass']);
    assert.equal(stemWord('flippers'), 'flipper');
    assert.equal(stemWord('species'), 'species');
    assert.equal(stemWord('categories'), 'category');
  });

  it('tolerates typos by length, swaps, plurals and abbreviations', () => {
    assert.equal(editDistance('lenght', 'length'), 1);
    assert.ok(isOneTypo('speices', 'species'));
    assert.ok(!isOneTypo('bill', 'body'));
    const word = (w: string) => tokenize(w)[0];
    assert.equal(scoreWord(word('length'), 'length', true), 1);
    assert.ok(scoreWord(word('weight'), 'wt', true) >= 0.8);
    assert.ok(scoreWord(word('horsepower'), 'hp', true) >= 0.8);
    assert.equal(scoreWord(word('cars'), 'carb', true), 0, 'no typos in words under five letters');
    assert.ok(isWidePair('drug1', 'drug2'));
    assert.ok(isWidePair('score_pre', 'score_post'));
    assert.ok(!isWidePair('bill_length_mm', 'bill_depth_mm'));
  });

  it('explains a decision: rule id, matched phrases, column matches with scores, confidence', () => {
    const d = decideWithRules('Is flipper lenght different between species?', schemas.penguins);
    assert.equal(d.status, 'decided');
    if (d.status !== 'decided') return;
    assert.equal(d.ruleId, 'k-groups-welch-default'); // #18 S4: Welch's ANOVA by default
    assert.ok(d.explanation.matchedPhrases.includes('different'));
    const flipper = d.explanation.columnMatches.find((m) => m.column === 'flipper_length_mm');
    assert.ok(flipper && flipper.score < 1 && flipper.score >= 0.8, 'a typo scores below an exact match');
    assert.ok(d.confidence > 0.5 && d.confidence <= 1);
    assert.ok(d.alternatives.some((a) => a.analysis === 'kruskal_wallis'));
  });

  it('an ambiguity offers 2 to 4 concrete choices, each runnable', () => {
    const out = decideWithRules('compare flipper length', schemas.penguins);
    assert.equal(out.status, 'ambiguous');
    assert.ok(out.alternatives.length >= 2 && out.alternatives.length <= 4);
    for (const c of out.alternatives) {
      assert.equal(c.roles.outcome, 'flipper_length_mm');
      assert.ok(c.roles.group && c.why.length > 0);
    }
    assert.deepEqual(new Set(out.alternatives.map((c) => c.roles.group)), new Set(['species', 'island', 'sex', 'year']));
  });

  it('says "did you mean" for a column that does not exist', () => {
    const out = decideWithRules('is there a difference in flipper lenth between specis', schemas.penguins);
    assert.equal(out.status, 'decided', 'close typos are matched');
    const missing = decideWithRules('is there a difference in wingspan between species', schemas.penguins);
    assert.equal(missing.status, 'ambiguous');
    assert.match(missing.rationale, /No column 'wingspan'/);
    // Where only one column can be the outcome (PlantGrowth's weight), the word is read as it, and said (only-column.ts).
    const only = decideWithRules('is there a difference in yield between groups', schemas.PlantGrowth);
    assert.equal(only.status, 'decided');
    assert.ok(only.explanation.refinements.some((r) => r.startsWith("read 'yield' as 'weight', the only column")));
  });

  it('reads directions (two-sided unless one-sided is asked, #18 S1), levels, mu, confidence level and filters into options', () => {
    const d = decideWithRules('is tooth length lower for VC than for OJ at the 99% confidence level', schemas.ToothGrowth);
    assert.equal(d.status === 'decided' && d.analysis, 'ttest_welch');
    if (d.status === 'decided') {
      assert.deepEqual(d.options, { confLevel: 0.99, levels: ['VC', 'OJ'] });
      assert.equal(d.directionAsked?.direction, 'less');
    }
    const explicit = decideWithRules('one-sided test: is tooth length lower for VC than for OJ?', schemas.ToothGrowth);
    if (explicit.status === 'decided') {
      assert.deepEqual(explicit.options, { levels: ['VC', 'OJ'], alternative: 'less' });
      assert.equal(explicit.directionAsked, undefined);
    } else assert.fail(explicit.rationale);
    const one = decideWithRules('is average body mass greater than 4000 g', schemas.penguins);
    if (one.status === 'decided') assert.deepEqual(one.options, { mu: 4000 });
    else assert.fail(one.rationale);
    const oneTailed = decideWithRules('one-tailed test whether average body mass is greater than 4000 g', schemas.penguins);
    if (oneTailed.status === 'decided') assert.deepEqual(oneTailed.options, { mu: 4000, alternative: 'greater' });
    else assert.fail(oneTailed.rationale);
    const where = decideWithRules('Adelie flipper length by sex', schemas.penguins);
    if (where.status === 'decided') assert.deepEqual(where.options.where, [{ column: 'species', op: '=', value: 'Adelie' }]);
    else assert.fail(where.rationale);
  });

  it('finds a paired design from the schema (each subject in every group) and says so', () => {
    const d = decideWithRules('is extra different between groups', schemas.sleep);
    assert.equal(d.status, 'decided');
    if (d.status !== 'decided') return;
    assert.equal(d.analysis, 'ttest_paired');
    assert.equal(d.roles.pairId, 'ID');
    assert.ok(d.explanation.refinements.some((r) => r.startsWith('paired by ID')));
  });

  it('never treats an identifier column as a measurement', () => {
    const out = decideWithRules('correlate model and mpg', schemas.mtcars);
    assert.notEqual(out.status === 'decided' && out.analysis, 'pearson');
  });

  it('round-trips through the contract JSON (snake_case, pair_id, rule_id)', () => {
    const d = decideWithRules('does drug 2 increase sleep compared to drug 1?', schemas.sleep);
    const json = decisionToJson(d);
    assert.equal(json.status, 'decided');
    assert.equal(json.rule_id, 'paired-long-t-structure');
    assert.deepEqual(json.roles, { outcome: 'extra', group: 'group', pair_id: 'ID' });
    assert.deepEqual(json.options, { levels: ['2', '1'] });
    assert.deepEqual(json.direction_asked, { direction: 'greater', statement: 'extra: 2 > 1' });
    assert.ok('matched_phrases' in (json.explanation as object));
    const back = decisionFromJson(JSON.parse(JSON.stringify(json)));
    assert.deepEqual(back, d);
    const amb = decideWithRules('compare flipper length', schemas.penguins);
    assert.deepEqual(decisionFromJson(JSON.parse(JSON.stringify(decisionToJson(amb)))), amb);
    assert.throws(
      () => decisionFromJson({ ...json, analysis: 'magic' }),
      (e: unknown) => isInferraError(e) && e.code === 'decision-json-invalid',
    );
  });

  it('decideAnalysis without an LLM key returns the rules outcome, no_match included', async () => {
    const out = await decideAnalysis('what is the weather tomorrow', schemas.penguins, { allowLlm: true });
    assert.equal(out.status, 'no_match');
  });
});

describe('decision JSON from a notebook', () => {
  it('tolerates fields added later (the contract only grows) and drops them', () => {
    const json = {
      status: 'decided',
      analysis: 'ttest_welch',
      roles: { outcome: 'len', group: 'supp' },
      source: 'rules',
      rule_id: 'two-groups-welch',
      confidence: 0.85,
      rationale: 'r',
      alternatives: [],
      source_hash: 'abc',
    };
    const back = decisionFromJson(json);
    assert.equal(back.status, 'decided');
    assert.ok(!('sourceHash' in back));
    if (back.status === 'decided') assert.equal(back.ruleId, 'two-groups-welch');
  });
});

describe('rule engine on small synthetic schemas', () => {
  const base = { storageType: 'VARCHAR', missing: 0 };
  const schema = (columns: DatasetSchema['columns']): DatasetSchema => ({ name: 't.csv', path: '/t.csv', format: 'csv', sha256: '', rows: 20, columns });

  it('a 2x2 table with small expected counts goes to Fisher, a large one to chi-square', () => {
    const small = schema([
      { ...base, name: 'treated', kind: 'categorical', n: 20, distinct: 2, usableAsGroup: true, levels: [{ value: 'no', count: 17 }, { value: 'yes', count: 3 }] },
      { ...base, name: 'cured', kind: 'categorical', n: 20, distinct: 2, usableAsGroup: true, levels: [{ value: 'no', count: 12 }, { value: 'yes', count: 8 }] },
    ]);
    const d = decideWithRules('is treated associated with cured', small);
    assert.equal(d.status === 'decided' && d.analysis, 'fisher_exact');
    if (d.status === 'decided') assert.match(d.rationale, /expected count/);
    const large = schema(small.columns.map((c) => ({ ...c, n: 200, levels: c.levels?.map((l) => ({ ...l, count: l.count * 10 })) })));
    const e = decideWithRules('is treated associated with cured', large);
    assert.equal(e.status === 'decided' && e.analysis, 'chi2_independence');
  });

  it('wide before/after columns are paired; their order sets the direction', () => {
    const wide = schema([
      { ...base, name: 'subject_id', kind: 'id', storageType: 'BIGINT', n: 20, distinct: 20, usableAsGroup: false },
      { ...base, name: 'score_pre', kind: 'numeric', storageType: 'DOUBLE', n: 20, distinct: 20, usableAsGroup: false },
      { ...base, name: 'score_post', kind: 'numeric', storageType: 'DOUBLE', n: 20, distinct: 20, usableAsGroup: false },
    ]);
    const d = decideWithRules('did the score improve from pre to post?', wide);
    assert.equal(d.status, 'decided');
    if (d.status !== 'decided') return;
    assert.equal(d.analysis, 'ttest_paired');
    assert.deepEqual(d.roles, { before: 'score_pre', after: 'score_post' });
    // "improve from pre to post": post > pre, i.e. pre - post < 0; stated, tested two-sided (#18 S1).
    assert.equal(d.options.alternative, undefined);
    assert.deepEqual(d.directionAsked, { direction: 'less', statement: 'score_pre < score_post' });
    const nonparametric = decideWithRules('nonparametric test of score pre vs score post', wide);
    assert.equal(nonparametric.status === 'decided' && nonparametric.analysis, 'wilcoxon_signed_rank');
  });

  it('a word that is a level of two columns is not guessed', () => {
    const twice = schema([
      { ...base, name: 'outcome_value', kind: 'numeric', storageType: 'DOUBLE', n: 20, distinct: 20, usableAsGroup: false },
      { ...base, name: 'site', kind: 'categorical', n: 20, distinct: 2, usableAsGroup: true, levels: [{ value: 'north', count: 10 }, { value: 'south', count: 10 }] },
      { ...base, name: 'origin', kind: 'categorical', n: 20, distinct: 2, usableAsGroup: true, levels: [{ value: 'north', count: 12 }, { value: 'south', count: 8 }] },
    ]);
    const out = decideWithRules('is outcome value different between north and south', twice);
    assert.equal(out.status, 'ambiguous');
    assert.deepEqual(new Set(out.alternatives.map((a) => a.roles.group)), new Set(['site', 'origin']));
  });
  it('reads month names as levels only of a column named month with values in 1..12 (birth_month)', async function () {
    this.timeout(60_000);
    const base = (await loadSchemas()).airquality;
    const rename = (name: string, shift: number): DatasetSchema => ({
      ...base,
      columns: base.columns.map((col) =>
        col.name !== 'Month' ? col : { ...col, name, levels: (col.levels ?? []).map((l) => ({ ...l, value: String(Number(l.value) + shift) })) },
      ),
    });
    const birth = decideWithRules('Does ozone differ between May and September?', rename('birth_month', 0));
    assert.equal(birth.status, 'decided');
    if (birth.status === 'decided') assert.deepEqual(birth.options.levels, ['5', '9']);
    // Not a month column by name, or values outside 1..12: month names name nothing.
    for (const schema of [rename('period', 0), rename('Month', 5)]) {
      const out = decideWithRules('Does ozone differ between May and September?', schema);
      assert.ok(!(out.status === 'decided' && out.options.levels), JSON.stringify(out));
    }
  });
});

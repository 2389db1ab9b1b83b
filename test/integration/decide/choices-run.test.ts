/**
 * Every choice the decision engine offers (an ambiguity's buttons, a decision's alternatives) must
 * run when the researcher clicks it: over the whole decision suite, each one is run on its dataset
 * by the real analyses and figure builders, and none may fail for its roles or column kinds.
 */
import assert from 'node:assert/strict';
import { runAnalysis } from '../../../kernel/analyses/run.js';
import { decideWithRules } from '../../../kernel/decide/rules-engine.js';
import { isInferraError } from '../../../kernel/errors.js';
import { buildFigureTask } from '../../../kernel/figures/index.js';
import { DEFAULT_OPTIONS, isAnalysisId, type AnalysisRequest, type DatasetSchema, type Table } from '../../../kernel/types.js';
import { readTableFile } from '../../support/fixtures.js';
import { DATASET_FILES, loadSchemas } from '../../unit/decide/datasets.js';
import { SUITE } from '../../unit/decide/suite-cases.js';
import '../../unit/decide/logistic-cases.js';

describe('decision choices run as offered', function () {
  this.timeout(120_000);
  let schemas: Record<string, DatasetSchema>;
  const tables = new Map<string, Table>();
  const table = (dataset: string) => tables.get(dataset) ?? tables.set(dataset, readTableFile(DATASET_FILES[dataset])).get(dataset)!;

  before(async () => {
    schemas = await loadSchemas();
  });

  it('every alternative and ambiguity choice over the suite runs on its dataset', () => {
    const failures: string[] = [];
    let offered = 0;
    for (const c of SUITE) {
      const outcome = decideWithRules(c.prompt, schemas[c.dataset]);
      // The decision itself runs too (row filters on measured columns, a polynomial's degree).
      const offeredHere = outcome.status === 'decided' ? [{ analysis: outcome.analysis, roles: outcome.roles, options: outcome.options }, ...outcome.alternatives] : outcome.alternatives;
      for (const choice of offeredHere) {
        offered++;
        const request: AnalysisRequest = { analysis: choice.analysis, roles: choice.roles, options: { ...DEFAULT_OPTIONS, where: [], ...(choice.options ?? {}) } };
        try {
          if (isAnalysisId(request.analysis)) runAnalysis({ ...request, analysis: request.analysis }, table(c.dataset));
          else buildFigureTask(request, table(c.dataset));
        } catch (error) {
          const code = isInferraError(error) ? error.code : 'exception';
          failures.push(`${c.dataset}: "${c.prompt}" -> ${choice.analysis} ${JSON.stringify(choice.roles)}: ${code}: ${(error as Error).message}`);
        }
      }
    }
    console.log(`      ${offered} offered choices run, ${failures.length} failed`);
    assert.ok(offered > 300, `only ${offered} choices offered`);
    assert.deepEqual(failures, []);
  });
});

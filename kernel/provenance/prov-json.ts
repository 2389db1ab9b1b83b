/**
 * A provenance record as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/): the datasets,
 * the result and the figures are entities, the run is an activity, and the user, the engine and
 * (when it decided) the LLM are agents. Identifiers are content-addressed where content exists
 * (`inferra:dataset/<sha256>`, `inferra:result/<digest>`), so the same dataset in two runs is the
 * same entity.
 */
import type { ProvenanceRecord } from './record.js';

/** The namespace of Inferra's PROV identifiers and attributes. */
export const INFERRA_PROV_NAMESPACE = 'https://inferra.dev/ns/prov#';

/** A typed literal of PROV-JSON. */
export interface ProvLiteral {
  $: string | number | boolean;
  type: string;
}

/** A PROV-JSON document (the subset Inferra writes). */
export interface ProvDocument {
  prefix: Record<string, string>;
  entity: Record<string, Record<string, unknown>>;
  activity: Record<string, Record<string, unknown>>;
  agent: Record<string, Record<string, unknown>>;
  used: Record<string, Record<string, unknown>>;
  wasGeneratedBy: Record<string, Record<string, unknown>>;
  wasAssociatedWith: Record<string, Record<string, unknown>>;
  wasAttributedTo: Record<string, Record<string, unknown>>;
  wasDerivedFrom: Record<string, Record<string, unknown>>;
  actedOnBehalfOf: Record<string, Record<string, unknown>>;
}

/** Who ran the cell, when known (e.g. the Supabase user id or the OS user name). */
export interface ProvOptions {
  user?: string;
}

/** The record as a PROV-JSON document. */
export function toProvJson(record: ProvenanceRecord, options: ProvOptions = {}): ProvDocument {
  const doc: ProvDocument = {
    prefix: { inferra: INFERRA_PROV_NAMESPACE, xsd: 'http://www.w3.org/2001/XMLSchema#', prov: 'http://www.w3.org/ns/prov#' },
    entity: {},
    activity: {},
    agent: {},
    used: {},
    wasGeneratedBy: {},
    wasAssociatedWith: {},
    wasAttributedTo: {},
    wasDerivedFrom: {},
    actedOnBehalfOf: {},
  };
  const run = `inferra:run/${record.run_id}`;
  const user = `inferra:user/${options.user ?? 'local'}`;
  const engine = `inferra:engine/inferra-${record.environment.inferra}`;
  let counter = 0;
  const relation = (kind: string) => `_:${kind}${++counter}`;

  // 1. the activity
  doc.activity[run] = {
    'prov:startTime': record.started_at,
    'prov:endTime': record.ended_at,
    'prov:type': literal('inferra:AnalysisRun', 'prov:QUALIFIED_NAME'),
    'prov:label': `${record.plan.analysis} (cell ${record.cell_id})`,
    'inferra:cell_id': record.cell_id,
    'inferra:analysis': record.plan.analysis,
    'inferra:status': record.status,
    'inferra:seed': literal(record.seed, 'xsd:double'),
    'inferra:duration_ms': literal(record.duration_ms, 'xsd:double'),
    'inferra:roles': JSON.stringify(record.plan.roles),
    'inferra:options': JSON.stringify(record.plan.options),
    'inferra:record_hash': record.hash,
    ...(record.error_code ? { 'inferra:error_code': record.error_code } : {}),
  };

  // 2. the agents: the user, the engine acting for the user, and the LLM when it decided
  doc.agent[user] = { 'prov:type': literal('prov:Person', 'prov:QUALIFIED_NAME'), 'prov:label': options.user ?? 'local user' };
  doc.agent[engine] = {
    'prov:type': literal('prov:SoftwareAgent', 'prov:QUALIFIED_NAME'),
    'prov:label': `Inferra ${record.environment.inferra}`,
    'inferra:stdlib_stats': record.environment.stdlib_stats,
    'inferra:duckdb': record.environment.duckdb,
    'inferra:node': record.environment.node,
    ...(record.environment.platform ? { 'inferra:platform': record.environment.platform } : {}),
  };
  doc.wasAssociatedWith[relation('assoc')] = { 'prov:activity': run, 'prov:agent': user };
  doc.wasAssociatedWith[relation('assoc')] = {
    'prov:activity': run,
    'prov:agent': engine,
    'inferra:decision_source': record.plan.source,
    ...(record.plan.rule_id ? { 'inferra:rule_id': record.plan.rule_id } : {}),
    ...(record.plan.ruleset_version ? { 'inferra:ruleset_version': record.plan.ruleset_version } : {}),
    ...(record.plan.confidence !== undefined ? { 'inferra:confidence': literal(record.plan.confidence, 'xsd:double') } : {}),
  };
  doc.actedOnBehalfOf[relation('deleg')] = { 'prov:delegate': engine, 'prov:responsible': user, 'prov:activity': run };
  const llm = record.plan.llm;
  if (llm) {
    const llmAgent = `inferra:llm/${llm.model}`;
    doc.agent[llmAgent] = {
      'prov:type': literal('prov:SoftwareAgent', 'prov:QUALIFIED_NAME'),
      'prov:label': llm.model,
      'inferra:prompt_hash': llm.prompt_hash,
      ...(llm.request_id ? { 'inferra:request_id': llm.request_id } : {}),
      ...(llm.cost_usd !== undefined ? { 'inferra:cost_usd': literal(llm.cost_usd, 'xsd:double') } : {}),
    };
    doc.wasAssociatedWith[relation('assoc')] = { 'prov:activity': run, 'prov:agent': llmAgent, 'inferra:role': 'decided the analysis' };
  }

  // 3. the datasets, used by the run
  const datasetIds = record.datasets.map((d) => {
    const id = `inferra:dataset/${d.sha256}`;
    doc.entity[id] = {
      'prov:type': literal('inferra:Dataset', 'prov:QUALIFIED_NAME'),
      'prov:label': d.name,
      'inferra:path': d.path,
      'inferra:sha256': d.sha256,
      'inferra:table_hash': d.table_hash,
      'inferra:rows': literal(d.rows, 'xsd:int'),
      'inferra:rows_used': literal(d.rows_used, 'xsd:int'),
      'inferra:columns': d.columns.join(','),
    };
    doc.used[relation('used')] = { 'prov:activity': run, 'prov:entity': id, 'prov:time': record.started_at };
    return id;
  });

  // 4. what the run generated: the result and the figures, derived from the datasets
  const generated: string[] = [];
  if (record.result_digest) {
    const id = `inferra:result/${record.result_digest}`;
    doc.entity[id] = {
      'prov:type': literal('inferra:Result', 'prov:QUALIFIED_NAME'),
      'prov:label': `${record.plan.analysis} result`,
      'inferra:sha256': record.result_digest,
    };
    generated.push(id);
  }
  record.figure_digests.forEach((f) => {
    const id = `inferra:figure/${f.sha256}`;
    doc.entity[id] = {
      'prov:type': literal('inferra:Figure', 'prov:QUALIFIED_NAME'),
      'prov:label': `${f.kind} figure`,
      'inferra:kind': f.kind,
      'inferra:sha256': f.sha256,
    };
    generated.push(id);
  });
  for (const id of generated) {
    doc.wasGeneratedBy[relation('gen')] = { 'prov:entity': id, 'prov:activity': run, 'prov:time': record.ended_at };
    doc.wasAttributedTo[relation('attr')] = { 'prov:entity': id, 'prov:agent': user };
    for (const dataset of datasetIds) {
      doc.wasDerivedFrom[relation('der')] = { 'prov:generatedEntity': id, 'prov:usedEntity': dataset, 'prov:activity': run };
    }
  }
  return doc;
}

function literal(value: string | number | boolean, type: string): ProvLiteral {
  return { $: value, type };
}

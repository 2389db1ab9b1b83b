import { decideWithRules } from '../kernel/decide/rules-engine.js';
const base = { storageType: 'VARCHAR', missing: 0 };
const wide: any = { name: 't.csv', path: '/t.csv', format: 'csv', sha256: '', rows: 20, columns: [
  { ...base, name: 'subject_id', kind: 'id', storageType: 'BIGINT', n: 20, distinct: 20, usableAsGroup: false },
  { ...base, name: 'score_pre', kind: 'numeric', storageType: 'DOUBLE', n: 20, distinct: 20, usableAsGroup: false },
  { ...base, name: 'score_post', kind: 'numeric', storageType: 'DOUBLE', n: 20, distinct: 20, usableAsGroup: false },
]};
const o = decideWithRules(process.argv[2] ?? 'did the score improve from pre to post?', wide);
console.log(JSON.stringify(o, null, 1).slice(0, 1500));

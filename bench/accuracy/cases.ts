/**
 * Accuracy against NIST StRD certified values and against harder cases whose exact answers follow
 * from their construction. Each row: dataset, quantity, certified value, ours, LRE (digits of
 * agreement, capped at 15) and the LRE required of us (null: reported, not required).
 * Used by `bench/accuracy/run.ts` (prints the table) and `test/reference/nist/nist.test.ts` (asserts).
 */
import { readFileSync } from 'node:fs';
import { computeDescribe } from '../../kernel/analyses/describe/compute.js';
import { anovaAnalyses } from '../../kernel/analyses/anova/index.js';
import { regressionAnalyses } from '../../kernel/analyses/regression/index.js';
import type { OlsResult } from '../../kernel/analyses/regression/compute.js';
import type { Analysis } from '../../kernel/analyses/types.js';
import { fitLeastSquares } from '../../kernel/analyses/regression/fit.js';
import { mean, sumOfSquares } from '../../kernel/analyses/common/moments.js';
import { divide, exactAnova, exactSumOfSquares, integer, toNumber } from './exact.js';
import { DEFAULT_OPTIONS, type Column, type Table } from '../../kernel/types.js';

/** One scored quantity. */
export interface AccuracyRow {
  dataset: string;
  quantity: string;
  certified: number;
  ours: number;
  lre: number;
  /** Minimum LRE we promise (null for harder cases that are reported only). */
  required: number | null;
}

/** A one-way ANOVA table, for scoring an ANOVA implementation. */
export interface AnovaTable {
  ssBetween: number;
  ssWithin: number;
  msBetween: number;
  msWithin: number;
  f: number;
  rSquared: number;
  residualSd: number;
}

/** LRE = -log10(|ours - certified| / |certified|), absolute error when certified is 0, capped at 15. */
export function computeLre(ours: number, certified: number): number {
  if (Number.isNaN(ours)) return 0;
  const err = certified === 0 ? Math.abs(ours) : Math.abs(ours - certified) / Math.abs(certified);
  if (err === 0) return 15;
  return Math.max(0, Math.min(15, -Math.log10(err)));
}

interface Certified {
  category: string;
  csv: string;
  [key: string]: any;
}

const NIST = new URL('../../test/reference/nist/', import.meta.url);

/** Certified values of every NIST set we hold. */
export function readCertified(): Record<string, Certified> {
  return JSON.parse(readFileSync(new URL('certified.json', NIST), 'utf8'));
}

/** A NIST CSV as text cells (kept as text so that offsets can be added to the decimal digits exactly). */
function readCells(csv: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(new URL(csv, NIST), 'utf8').trim().split(/\r?\n/);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',').map((c) => c.trim())) };
}

/** A decimal string plus an integer offset, as the nearest double of the exact decimal sum. */
function shiftDecimal(text: string, offset: bigint): number {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intPart, frac = ''] = body.split('.');
  const scale = 10n ** BigInt(frac.length);
  const value = (BigInt(intPart || '0') * scale + BigInt(frac || '0')) * (negative ? -1n : 1n) + offset * scale;
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(frac.length + 1, '0');
  return Number(frac.length ? `${sign}${digits.slice(0, -frac.length)}.${digits.slice(-frac.length)}` : `${sign}${digits}`);
}

/** A table of numeric columns (optionally shifted by an integer offset, exactly in decimal). */
function readNumericTable(csv: string, offsets: Record<string, bigint> = {}): Table {
  const { header, rows } = readCells(csv);
  const columns: Column[] = header.map((name, j) => ({
    name,
    kind: 'numeric',
    values: Float64Array.from(rows, (r) => shiftDecimal(r[j], offsets[name] ?? 0n)),
  }));
  return { rowCount: rows.length, columns };
}

/**
 * Centred one-way ANOVA from moments.ts (the reference helper until the anova family's compute is
 * used). The data are first shifted by the grand mean (a constant, so the sums of squares do not
 * change, and the subtraction is exact near it): group means of data near 1e12 would otherwise be
 * rounded to 1e-4 and the between-groups sum of squares would keep only three digits.
 */
export function computeAnovaFromMoments(groups: readonly Float64Array[]): AnovaTable {
  const grandRaw = mean(Float64Array.from(groups.flatMap((g) => Array.from(g))));
  const shifted = groups.map((g) => g.map((v) => v - grandRaw));
  const all = Float64Array.from(shifted.flatMap((g) => Array.from(g)));
  const grand = mean(all);
  let ssBetween = 0;
  let ssWithin = 0;
  for (const g of shifted) {
    const m = mean(g);
    ssBetween += g.length * (m - grand) ** 2;
    ssWithin += sumOfSquares(g, m);
  }
  const dfBetween = groups.length - 1;
  const dfWithin = all.length - groups.length;
  const msBetween = ssBetween / dfBetween;
  const msWithin = ssWithin / dfWithin;
  return {
    ssBetween,
    ssWithin,
    msBetween,
    msWithin,
    f: msBetween / msWithin,
    rSquared: ssBetween / (ssBetween + ssWithin),
    residualSd: Math.sqrt(msWithin),
  };
}

/** Groups of a NIST ANOVA set, with an optional integer offset added exactly to every response. */
export function readAnovaGroups(name: string, offset = 0n): Float64Array[] {
  const cert = readCertified()[name];
  const { header, rows } = readCells(cert.csv);
  const g = header.indexOf(cert.group_column);
  const y = header.indexOf(cert.response_column);
  const levels = [...new Set(rows.map((r) => r[g]))];
  return levels.map((level) => Float64Array.from(rows.filter((r) => r[g] === level), (r) => shiftDecimal(r[y], offset)));
}

function row(dataset: string, quantity: string, certified: number, ours: number, required: number | null): AccuracyRow {
  return { dataset, quantity, certified, ours, lre: computeLre(ours, certified), required };
}

/** Mean and sd of the NIST univariate sets through `describe`, plus offset versions derived exactly. */
export function scoreUnivariate(): AccuracyRow[] {
  const certified = readCertified();
  const rows: AccuracyRow[] = [];
  const describeColumn = (values: Float64Array) =>
    computeDescribe({ targets: [{ column: 'y', kind: 'numeric', values }], rowCount: values.length }).columns[0];
  for (const [name, cert] of Object.entries(certified)) {
    if (cert.category !== 'univariate') continue;
    const values = readNumericTable(cert.csv).columns[0].values as Float64Array;
    const d = describeColumn(values);
    rows.push(row(name, 'mean', cert.mean, d.mean as number, 13), row(name, 'sd', cert.sd, d.sd as number, 13));
  }
  // PiDigits shifted by 1e8 and 1e12: integers, exact in doubles, so the sd is still the certified one.
  for (const offset of [100000000n, 1000000000000n]) {
    const values = readNumericTable('PiDigits.csv', { y: offset }).columns[0].values as Float64Array;
    const d = describeColumn(values);
    const label = `PiDigits+1e${offset.toString().length - 1}`;
    rows.push(row(label, 'mean', shiftDecimal(certified.PiDigits.raw.mean, offset), d.mean as number, null));
    rows.push(row(label, 'sd', certified.PiDigits.sd, d.sd as number, null));
  }
  // NumAcc-like: c + 0.2, then 500 pairs c + 0.1, c + 0.3 (decimal data): mean c + 0.2, sd exactly 0.1.
  for (const c of [1000000n, 10000000n, 100000000n]) {
    const text = ['0.2', ...Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? '0.1' : '0.3'))];
    const values = Float64Array.from(text, (t) => shiftDecimal(t, c));
    const d = describeColumn(values);
    const label = `alternating c=1e${c.toString().length - 1}`;
    rows.push(row(label, 'mean', shiftDecimal('0.2', c), d.mean as number, null));
    rows.push(row(label, 'sd', 0.1, d.sd as number, null));
    const exactSd = Math.sqrt(toNumber(divide(exactSumOfSquares(values), integer(values.length - 1))));
    rows.push(row(label, 'sd (binary data)', exactSd, d.sd as number, null));
  }
  return rows;
}

/** The ANOVA table of the NIST ANOVA sets, by the given implementation, plus SmLs04-09-like offsets. */
export function scoreAnova(compute: (groups: Float64Array[]) => AnovaTable, label = ''): AccuracyRow[] {
  const certified = readCertified();
  const rows: AccuracyRow[] = [];
  const score = (dataset: string, cert: Certified, a: AnovaTable, required: number | null) => {
    rows.push(
      row(dataset, `SS between${label}`, cert.between_ss, a.ssBetween, required),
      row(dataset, `SS within${label}`, cert.within_ss, a.ssWithin, required),
      row(dataset, `MS between${label}`, cert.between_ms, a.msBetween, required),
      row(dataset, `MS within${label}`, cert.within_ms, a.msWithin, required),
      row(dataset, `F${label}`, cert.f, a.f, required),
      row(dataset, `R-squared${label}`, cert.r_squared, a.rSquared, required),
      row(dataset, `residual SD${label}`, cert.residual_sd, a.residualSd, required),
    );
  };
  for (const [name, cert] of Object.entries(certified)) {
    if (cert.category !== 'anova_oneway') continue;
    score(name, cert, compute(readAnovaGroups(name)), 9);
  }
  // SmLs04-06 and SmLs07-09 are SmLs01-03 with 1e6 and 1e12 added to the data; certified values are unchanged.
  for (const [offset, first] of [
    [999999n, 4],
    [999999999999n, 7],
  ] as const) {
    ['SmLs01', 'SmLs02', 'SmLs03'].forEach((name, k) => {
      const groups = readAnovaGroups(name, offset);
      const ours = compute(groups);
      const dataset = `SmLs0${first + k} (=${name}+${offset + 1n})`;
      score(dataset, certified[name], ours, null);
      // Against the exact answer for the binary data (the decimals are not exact in binary).
      const exact = exactAnova(groups);
      const dfBetween = groups.length - 1;
      const dfWithin = groups.reduce((n, g) => n + g.length, 0) - groups.length;
      const ssBetween = toNumber(exact.ssBetween);
      const ssWithin = toNumber(exact.ssWithin);
      const f = toNumber(divide(divide(exact.ssBetween, integer(dfBetween)), divide(exact.ssWithin, integer(dfWithin))));
      rows.push(
        row(dataset, `SS between${label} (binary data)`, ssBetween, ours.ssBetween, null),
        row(dataset, `SS within${label} (binary data)`, ssWithin, ours.ssWithin, null),
        row(dataset, `F${label} (binary data)`, f, ours.f, null),
      );
    });
  }
  return rows;
}

/** The ANOVA of the NIST sets as a regression on dummy-coded groups (`ols`), plus SmLs04-09-like offsets. */
export function scoreAnovaByOls(): AccuracyRow[] {
  const certified = readCertified();
  const rows: AccuracyRow[] = [];
  const fitGroups = (groups: Float64Array[]) => {
    const y = Float64Array.from(groups.flatMap((g) => Array.from(g)));
    const labels = groups.flatMap((g, k) => Array.from(g, () => `g${k + 1}`));
    const table: Table = {
      rowCount: y.length,
      columns: [
        { name: 'y', kind: 'numeric', values: y },
        { name: 'group', kind: 'categorical', values: labels },
      ],
    };
    return runOls(table, 'y', ['group'], true);
  };
  for (const [name, cert] of Object.entries(certified)) {
    if (cert.category !== 'anova_oneway') continue;
    const r = fitGroups(readAnovaGroups(name));
    rows.push(
      row(name, 'F (ols)', cert.f, r.f, 9),
      row(name, 'R-squared (ols)', cert.r_squared, r.rSquared, 9),
      row(name, 'residual SD (ols)', cert.residual_sd, r.residualSd, 9),
    );
  }
  for (const [offset, first] of [
    [999999n, 4],
    [999999999999n, 7],
  ] as const) {
    ['SmLs01', 'SmLs02', 'SmLs03'].forEach((name, k) => {
      const groups = readAnovaGroups(name, offset);
      const r = fitGroups(groups);
      const exact = exactAnova(groups);
      const dfBetween = groups.length - 1;
      const dfWithin = groups.reduce((n, g) => n + g.length, 0) - groups.length;
      const f = toNumber(divide(divide(exact.ssBetween, integer(dfBetween)), divide(exact.ssWithin, integer(dfWithin))));
      const residualSd = Math.sqrt(toNumber(divide(exact.ssWithin, integer(dfWithin))));
      const dataset = `SmLs0${first + k} (=${name}+${offset + 1n})`;
      rows.push(
        row(dataset, 'F (ols)', certified[name].f, r.f, null),
        row(dataset, 'F (ols, binary data)', f, r.f, null),
        row(dataset, 'residual SD (ols, binary data)', residualSd, r.residualSd, null),
      );
    });
  }
  return rows;
}

/** validate + compute of the `ols` analysis. */
function runOls(table: Table, outcome: string, predictors: string[], intercept: boolean): OlsResult {
  const request = { analysis: 'ols' as const, roles: { outcome, predictors }, options: { ...DEFAULT_OPTIONS, where: [], intercept } };
  const validated = regressionAnalyses.ols.validate(request, table);
  return regressionAnalyses.ols.compute(validated.input, request.options) as OlsResult;
}

/** Terms of a NIST regression model as `ols` predictors (`x^2` for a quadratic). */
function predictorsOf(cert: Certified): string[] {
  return cert.parameters.filter((p: { term: string }) => p.term !== '1').map((p: { term: string }) => p.term);
}

/** Coefficients, their SDs, residual SD and R-squared of the NIST regression sets through `ols`. */
export function scoreRegression(): AccuracyRow[] {
  const certified = readCertified();
  const rows: AccuracyRow[] = [];
  for (const [name, cert] of Object.entries(certified)) {
    if (cert.category !== 'linear_regression') continue;
    const r = runOls(readNumericTable(cert.csv), cert.response, predictorsOf(cert), cert.intercept);
    cert.parameters.forEach((p: { name: string; estimate: number; sd: number }, j: number) => {
      rows.push(row(name, `${p.name} estimate`, p.estimate, r.coefficients[j].estimate, 9));
      rows.push(row(name, `${p.name} SD`, p.sd, r.coefficients[j].stdError, 9));
    });
    rows.push(row(name, 'residual SD', cert.residual_sd, r.residualSd, 9));
    rows.push(row(name, 'R-squared', cert.r_squared, r.rSquared, 9));
    rows.push(row(name, 'F', cert.anova.f, r.f, 9));
  }
  // Shift-invariant quantities of Norris and Longley with 1e6 added to every column (exactly, in decimal).
  for (const name of ['Norris', 'Longley']) {
    const cert = certified[name];
    const offsets = Object.fromEntries(cert.columns.map((c: string) => [c, 1000000n]));
    const r = runOls(readNumericTable(cert.csv, offsets), cert.response, predictorsOf(cert), true);
    const label = `${name}+1e6`;
    cert.parameters.forEach((p: { name: string; estimate: number; sd: number }, j: number) => {
      if (j === 0) return; // the intercept changes with the shift
      rows.push(row(label, `${p.name} estimate`, p.estimate, r.coefficients[j].estimate, null));
      rows.push(row(label, `${p.name} SD`, p.sd, r.coefficients[j].stdError, null));
    });
    rows.push(row(label, 'residual SD', cert.residual_sd, r.residualSd, null));
    rows.push(row(label, 'R-squared', cert.r_squared, r.rSquared, null));
  }
  rows.push(...scoreWampler());
  return rows;
}

/**
 * Wampler1 and Wampler2 rebuilt from their definitions (x = 0..20; y = Σ x^k and y = Σ (x/10)^k,
 * k = 0..5, exact decimals): certified coefficients 1 and 10^-k, SDs and residual SD 0, R² 1.
 * Exact fits, so they go through `fitLeastSquares` (`ols` itself refuses a perfect fit).
 */
function scoreWampler(): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  const x = Float64Array.from({ length: 21 }, (_, i) => i);
  const columns = [1, 2, 3, 4, 5].map((k) => x.map((v) => v ** k));
  const terms = ['x', 'x^2', 'x^3', 'x^4', 'x^5'];
  for (const [name, base] of [
    ['Wampler1', 1n],
    ['Wampler2', 10n],
  ] as const) {
    // y * 10^5 is an integer: Σ x^k 10^(5-k) for Wampler2, Σ x^k 10^5 for Wampler1.
    const y = Float64Array.from(x, (v) => {
      let total = 0n;
      for (let k = 0; k <= 5; k++) total += BigInt(v) ** BigInt(k) * (base === 1n ? 100000n : 10n ** BigInt(5 - k));
      return shiftDecimal(`${total / 100000n}.${(total % 100000n).toString().padStart(5, '0')}`, 0n);
    });
    const fit = fitLeastSquares({ terms, columns, intercept: true }, y);
    for (let k = 0; k <= 5; k++) {
      const exact = base === 1n ? 1 : Number(`1e-${k}`);
      rows.push(row(name, `B${k} estimate`, exact, fit.estimates[k], null));
    }
    const s = Math.sqrt(fit.rss / fit.dfResid);
    rows.push(row(name, 'residual SD', 0, s, null));
    rows.push(row(name, 'R-squared', 1, fit.mss / (fit.mss + fit.rss), null));
    // Plain Householder QR without refinement, for comparison with what R's lm achieves.
    const plain = fitLeastSquares({ terms, columns, intercept: true }, y, { refinements: 0 });
    rows.push(row(name, 'B5 estimate (no refinement)', base === 1n ? 1 : 1e-5, plain.estimates[5], null));
  }
  return rows;
}

/** The `anova_oneway` analysis of the anova family (a missing one is an error, never a skipped score). */
export function anovaOneway(): Analysis {
  const analysis = anovaAnalyses.anova_oneway as Analysis | undefined;
  if (!analysis) throw new Error('kernel/analyses/anova has no anova_oneway analysis');
  return analysis;
}

/** Runs an analysis' validate and compute on groups and reads its ANOVA table (CONTRACT.md fields). */
export function computeAnovaThrough(analysis: Analysis, groups: Float64Array[]): AnovaTable {
  const table: Table = {
    rowCount: groups.reduce((s, g) => s + g.length, 0),
    columns: [
      { name: 'y', kind: 'numeric', values: Float64Array.from(groups.flatMap((g) => Array.from(g))) },
      { name: 'g', kind: 'categorical', values: groups.flatMap((g, k) => Array.from(g, () => `g${String(k + 1).padStart(2, '0')}`)) },
    ],
  };
  const request = { analysis: 'anova_oneway' as const, roles: { outcome: 'y', group: 'g' }, options: { ...DEFAULT_OPTIONS, where: [] } };
  const validated = analysis.validate(request, table);
  const r = analysis.compute(validated.input, request.options) as Record<string, number>;
  return {
    ssBetween: r.ssBetween,
    ssWithin: r.ssWithin,
    msBetween: r.msBetween,
    msWithin: r.msWithin,
    f: r.f,
    rSquared: r.rSquared,
    residualSd: r.residualSd,
  };
}

/**
 * Every row: univariate, ANOVA (moments helper, and the `anova_oneway` analysis when given), ANOVA
 * as ols, regression and the harder cases.
 */
export function scoreAll(): AccuracyRow[] {
  return [
    ...scoreUnivariate(),
    ...scoreAnova(computeAnovaFromMoments),
    ...scoreAnova((groups) => computeAnovaThrough(anovaOneway(), groups), ' (anova_oneway)'),
    ...scoreAnovaByOls(),
    ...scoreRegression(),
  ];
}

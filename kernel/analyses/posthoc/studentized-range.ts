/**
 * The distribution of the studentized range, following R's `ptukey` and `qtukey` (nmath/ptukey.c,
 * qtukey.c; Copenhaver & Holland 1988): Gauss-Legendre quadrature of Hartley's form of the range,
 * integrated over the chi distribution of the standard error, and a secant search for quantiles that
 * stops, as R's does, once successive iterates differ by less than 1e-4. The secant steps are
 * replayed exactly, so the quantile (and the Tukey intervals built on it) agree with R.
 */
import { computeLogGamma } from './log-gamma.js';
import { lowerNormal } from '../common/distributions.js';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

// 12-point Legendre nodes and weights (half, symmetric) for the range integral.
const XLEG = [
  0.98156063424671925069, 0.904117256370474856678, 0.769902674194304687037, 0.587317954286617447297,
  0.367831498998180193753, 0.125233408511468915472,
];
const ALEG = [
  0.047175336386511827195, 0.106939325995318430960, 0.160078328543346226335, 0.203167426723065921749,
  0.233492536538354808761, 0.249147045813402785001,
];
// 16-point Legendre nodes and weights (half, symmetric) for the outer integral over the SE.
const XLEGQ = [
  0.989400934991649932596, 0.944575023073232576078, 0.865631202387831743880, 0.755404408355003033895,
  0.617876244402643748447, 0.458016777657227386342, 0.281603550779258913230, 0.0950125098376374401853,
];
const ALEGQ = [
  0.0271524594117540948518, 0.0622535239386478928628, 0.0951585116824927848099, 0.124628971255533872052,
  0.149595988816576732082, 0.169156519395002538189, 0.182603415044923588867, 0.189450610455068496285,
];

/** P(range of `cc` standard normals, maximised over `rr` rows, < w) (R: `wprob`). */
function computeRangeProbability(w: number, rr: number, cc: number): number {
  const C1 = -30;
  const C2 = -50;
  const C3 = 60;
  const bb = 8;
  const qsqz = w * 0.5;
  if (qsqz >= bb) return 1;
  let prW = 2 * lowerNormal(qsqz) - 1;
  prW = prW >= Math.exp(C2 / cc) ? Math.pow(prW, cc) : 0;
  const wincr = w > 3 ? 2 : 3;
  let blb = qsqz;
  const binc = (bb - qsqz) / wincr;
  let bub = blb + binc;
  let einsum = 0;
  const cc1 = cc - 1;
  for (let wi = 1; wi <= wincr; wi++) {
    let elsum = 0;
    const a = 0.5 * (bub + blb);
    const b = 0.5 * (bub - blb);
    for (let jj = 1; jj <= 12; jj++) {
      let j: number;
      let xx: number;
      if (6 < jj) {
        j = 12 - jj + 1;
        xx = XLEG[j - 1];
      } else {
        j = jj;
        xx = -XLEG[j - 1];
      }
      const ac = a + b * xx;
      const qexpo = ac * ac;
      if (qexpo > C3) break;
      const pplus = 2 * lowerNormal(ac);
      const pminus = 2 * lowerNormal(ac - w);
      let rinsum = pplus * 0.5 - pminus * 0.5;
      if (rinsum >= Math.exp(C1 / cc1)) {
        rinsum = ALEG[j - 1] * Math.exp(-(0.5 * qexpo)) * Math.pow(rinsum, cc1);
        elsum += rinsum;
      }
    }
    elsum *= 2 * b * cc * INV_SQRT_2PI;
    einsum += elsum;
    blb = bub;
    bub += binc;
  }
  prW += einsum;
  if (prW <= Math.exp(C1 / rr)) return 0;
  prW = Math.pow(prW, rr);
  return prW >= 1 ? 1 : prW;
}

/**
 * P(Q < q) for the studentized range of `nmeans` means with `df` degrees of freedom
 * (R: `ptukey(q, nmeans, df)`); the upper tail is 1 minus this, as R computes it.
 */
export function computePtukey(q: number, nmeans: number, df: number, nranges = 1): number {
  if (Number.isNaN(q) || Number.isNaN(nmeans) || Number.isNaN(df)) return NaN;
  if (q <= 0) return 0;
  if (df < 2 || nranges < 1 || nmeans < 2) return NaN;
  if (!Number.isFinite(q)) return 1;
  if (df > 25000) return computeRangeProbability(q, nranges, nmeans);
  const f2 = df * 0.5;
  let f2lf = f2 * Math.log(df) - df * Math.LN2 - computeLogGamma(f2);
  const f21 = f2 - 1;
  const ff4 = df * 0.25;
  const ulen = df <= 100 ? 1 : df <= 800 ? 0.5 : df <= 5000 ? 0.25 : 0.125;
  f2lf += Math.log(ulen);
  let ans = 0;
  for (let i = 1; i <= 50; i++) {
    let otsum = 0;
    const twa1 = (2 * i - 1) * ulen;
    for (let jj = 1; jj <= 16; jj++) {
      let j: number;
      let t1: number;
      if (8 < jj) {
        j = jj - 8 - 1;
        t1 = f2lf + f21 * Math.log(twa1 + XLEGQ[j] * ulen) - (XLEGQ[j] * ulen + twa1) * ff4;
      } else {
        j = jj - 1;
        t1 = f2lf + f21 * Math.log(twa1 - XLEGQ[j] * ulen) + (XLEGQ[j] * ulen - twa1) * ff4;
      }
      if (t1 >= -30) {
        const qsqz = 8 < jj ? q * Math.sqrt((XLEGQ[j] * ulen + twa1) * 0.5) : q * Math.sqrt((-(XLEGQ[j] * ulen) + twa1) * 0.5);
        const wprb = computeRangeProbability(qsqz, nranges, nmeans);
        otsum += wprb * ALEGQ[j] * Math.exp(t1);
      }
    }
    if (i * ulen >= 1 && otsum <= 1e-14) break;
    ans += otsum;
  }
  return ans > 1 ? 1 : ans;
}

/** P(Q > q), as R's `ptukey(q, nmeans, df, lower.tail = FALSE)` (1 minus the lower tail). */
export function computePtukeyUpper(q: number, nmeans: number, df: number): number {
  if (q <= 0) return 1;
  return 0.5 - computePtukey(q, nmeans, df) + 0.5;
}

/** Odeh & Evans (1974, AS 70) starting value for the quantile search (R: `qinv`). */
function computeInitialQuantile(p: number, c: number, v: number): number {
  const p0 = 0.322232421088;
  const q0 = 0.99348462606e-1;
  const p1 = -1.0;
  const q1 = 0.588581570495;
  const p2 = -0.342242088547;
  const q2 = 0.531103462366;
  const p3 = -0.204231210125;
  const q3 = 0.10353775285;
  const p4 = -0.453642210148e-4;
  const q4 = 0.38560700634e-2;
  const c1 = 0.8832;
  const c2 = 0.2368;
  const c3 = 1.214;
  const c4 = 1.208;
  const c5 = 1.4142;
  const vmax = 120;
  const ps = 0.5 - 0.5 * p;
  const yi = Math.sqrt(Math.log(1 / (ps * ps)));
  let t = yi + ((((yi * p4 + p3) * yi + p2) * yi + p1) * yi + p0) / ((((yi * q4 + q3) * yi + q2) * yi + q1) * yi + q0);
  if (v < vmax) t += (t * t * t + t) / v / 4;
  let q = c1 - c2 * t;
  if (v < vmax) q += -c3 / v + (c4 * t) / v;
  return t * (q * Math.log(c - 1) + c5);
}

/** The p-quantile of the studentized range (R: `qtukey(p, nmeans, df)`), with R's secant steps and stopping rule. */
export function computeQtukey(p: number, nmeans: number, df: number, nranges = 1): number {
  if (Number.isNaN(p) || Number.isNaN(nmeans) || Number.isNaN(df)) return NaN;
  if (df < 2 || nranges < 1 || nmeans < 2 || p < 0 || p > 1) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const eps = 0.0001;
  let x0 = computeInitialQuantile(p, nmeans, df);
  let valx0 = computePtukey(x0, nmeans, df, nranges) - p;
  let x1 = valx0 > 0 ? Math.max(0, x0 - 1) : x0 + 1;
  let valx1 = computePtukey(x1, nmeans, df, nranges) - p;
  let ans = 0;
  for (let iter = 1; iter < 50; iter++) {
    ans = x1 - (valx1 * (x1 - x0)) / (valx1 - valx0);
    valx0 = valx1;
    x0 = x1;
    if (ans < 0) {
      ans = 0;
      valx1 = -p;
    }
    valx1 = computePtukey(ans, nmeans, df, nranges) - p;
    x1 = ans;
    if (Math.abs(x1 - x0) < eps) return ans;
  }
  return ans;
}

/** The power curve of a power analysis: power against n per group, the chosen point marked. */
import type { Figure } from '../types.js';
import { quantitative, tooltipNumber } from './axes.js';
import { ACCENT, buildSpec, buildTitle, NEUTRAL, PRIMARY } from './theme.js';

/** What the curve shows. */
export interface PowerCurveInput {
  curve: readonly { n: number; power: number }[];
  /** The chosen point: the required (or given) n and its power. */
  n: number;
  power: number;
  /** The horizontal reference: the target power. */
  target?: number;
  nTitle: string;
  title: string;
  subtitle?: string;
}

/** A Vega-Lite line of power against n with the chosen n marked. */
export function buildPowerCurveSpec(input: PowerCurveInput): Figure {
  const round = (p: number) => Math.round(p * 1e4) / 1e4;
  const values: Record<string, unknown>[] = input.curve.map((c) => ({ kind: 'curve', n: c.n, power: round(c.power) }));
  values.push({ kind: 'point', n: input.n, power: round(input.power) });
  if (input.target !== undefined) values.push({ kind: 'target', power: input.target });
  const x = quantitative('n', input.nTitle, { scale: { zero: false } });
  const y = quantitative('power', 'Power', { scale: { domain: [0, 1] } });
  const layer = [
    { transform: [{ filter: "datum.kind === 'target'" }], mark: { type: 'rule', color: NEUTRAL, strokeDash: [4, 3] }, encoding: { y } },
    { transform: [{ filter: "datum.kind === 'curve'" }], mark: { type: 'line', color: PRIMARY, strokeWidth: 2 }, encoding: { x, y, tooltip: [tooltipNumber('n', 'n'), tooltipNumber('power', 'power')] } },
    { transform: [{ filter: "datum.kind === 'point'" }], mark: { type: 'point', filled: true, size: 90, color: ACCENT }, encoding: { x, y, tooltip: [tooltipNumber('n', 'n'), tooltipNumber('power', 'power')] } },
  ];
  return {
    kind: 'scatter',
    title: input.title,
    vegaLite: buildSpec(buildTitle(input.title, input.subtitle), { data: { values }, layer }),
    caption: `Power against ${input.nTitle.toLowerCase()}; the orange point is the ${input.target !== undefined ? 'required' : 'given'} n${input.target !== undefined ? '; dashed: the target power' : ''}.`,
  };
}

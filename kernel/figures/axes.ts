/**
 * Shared pieces of encodings: a categorical axis drawn on a quantitative scale (group k at x = k),
 * which lets boxes, jittered points, violins and mean markers sit at exact offsets in one layer stack.
 */

/** The x scale and axis that put group `k` of `levels` at position `k`, labelled with its name. */
export function buildGroupAxisX(levels: readonly string[], title: string | null): {
  scale: Record<string, unknown>;
  axis: Record<string, unknown>;
} {
  const k = levels.length;
  return {
    scale: { domain: [-0.6, k - 0.4], nice: false, zero: false },
    axis: {
      title,
      values: levels.map((_, i) => i),
      // JSON is valid Vega expression syntax for an array of strings.
      labelExpr: `${JSON.stringify(levels)}[datum.value]`,
      grid: false,
      ticks: false,
      domain: true,
      labelAngle: k > 6 ? -40 : 0,
      labelAlign: k > 6 ? 'right' : 'center',
      labelLimit: 120,
    },
  };
}

/** Every number of a list `n.nnn`-style, for tooltips: format string for Vega's d3-format. */
export const TOOLTIP_NUMBER_FORMAT = '.4~g';

/** A quantitative field with a title. */
export function quantitative(field: string, title?: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const def: Record<string, unknown> = { field, type: 'quantitative', ...extra };
  if (title !== undefined) def.title = title;
  return def;
}

/** A tooltip entry for a quantitative field. */
export function tooltipNumber(field: string, title: string): Record<string, unknown> {
  return { field, type: 'quantitative', title, format: TOOLTIP_NUMBER_FORMAT };
}

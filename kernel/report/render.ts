/**
 * Headless rendering of Vega-Lite specs (no browser, no canvas): SVG through vega's `renderer: 'none'`
 * view, PNG by rasterising that SVG with resvg. Every view is finalized, also on failure.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { measureItemWidth } from './text-width.js';

// Headless Vega has no canvas to measure text; font metrics lay titles out as they are drawn.
(vega as unknown as { textMetrics: { width: (item: object, text?: unknown) => number } }).textMetrics.width = measureItemWidth;

/**
 * Report-only config merged into a spec before rendering: a white background for print and files,
 * and no per-mark ARIA labels (thousands of points would triple the SVG; the report labels each
 * figure as a whole).
 */
const REPORT_CONFIG = { background: 'white', aria: false };

/** A spec with the report config added (the spec's own config wins, except the background). */
function withReportConfig(spec: Record<string, unknown>): TopLevelSpec {
  const config = { ...((spec.config as Record<string, unknown> | undefined) ?? {}), ...REPORT_CONFIG };
  return { ...spec, config } as unknown as TopLevelSpec;
}

/** Renders a Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const compiled = compile(withReportConfig(spec)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a Vega-Lite spec to PNG bytes at `scale` times its natural size (2 for slides). */
export async function renderPng(spec: Record<string, unknown>, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } });
  return resvg.render().asPng();
}

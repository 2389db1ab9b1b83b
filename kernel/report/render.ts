/**
 * Headless rendering of Vega-Lite specs (no browser, no canvas): SVG through vega's `renderer: 'none'`
 * view, PNG by rasterising that SVG with resvg. Every view is finalized, also on failure.
 *
 * Specs may come from a notebook file someone sent (the report of a stored notebook), so rendering
 * never touches the disk or the network: a spec that names a file, an address, an image or a link is
 * refused before Vega sees it (`ExternalResourceError`), Vega gets a loader that refuses every load,
 * and expressions run in vega's interpreter (no code generation), as in the notebook renderer.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { assertSelfContained, REFUSING_LOADER } from '../contract/figure-spec.js';
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

/** The refusing loader, typed for vega. */
const LOADER = REFUSING_LOADER as unknown as vega.Loader;

/** Renders a Vega-Lite spec to an SVG string; refuses a spec that refers to an external resource. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  assertSelfContained(spec);
  const compiled = compile(withReportConfig(spec)).spec;
  assertSelfContained(compiled);
  const runtime = vega.parse(compiled, undefined, { ast: true });
  const view = new vega.View(runtime, { renderer: 'none', loader: LOADER, expr: expressionInterpreter });
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

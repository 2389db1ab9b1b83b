/**
 * The house look of every figure: sizes readable at column width (~560 px), the Okabe-Ito palette
 * (colour-blind safe), axis titles made from column names with their units, wrapped subtitles.
 * No background colour: the notebook renderer follows the VS Code theme.
 */

import { formatAxisTitle } from '../contract/format.js';

/** The Vega-Lite v6 JSON schema every spec names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Plot area width in pixels (the spec's `width`; axes and legends add to it). */
export const FIGURE_WIDTH = 440;

/** Plot area height in pixels. */
export const FIGURE_HEIGHT = 280;

/** Okabe & Ito (2008) colour-blind safe palette, black last. */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
] as const;

/** The palette without yellow (too light for points and lines on white); used for points and lines. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#F0E442'] as const;

/** Colour of single-series marks. */
export const PRIMARY = '#0072B2';

/** Colour of fitted lines, means and reference marks. */
export const ACCENT = '#D55E00';

/** Neutral grey for raw points behind summaries. */
export const NEUTRAL = '#7f7f7f';

/** Axis titles from column names are written once, with the sentences' labels (kernel/contract/format.ts). */
export { formatAxisTitle };

/** A column's name for a sentence or title, without its unit: `flipper_length_mm` -> "Flipper length". */
export function formatVariableName(name: string, lowerFirst = false): string {
  const text = formatAxisTitle(name).replace(/\s*\([^)]*\)$/, '');
  return lowerFirst && text.length > 1 && text[1] !== text[1].toUpperCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Splits a long subtitle into lines of at most `width` characters (Vega titles do not wrap). */
export function wrapText(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A Vega-Lite title object: the main title and the test result (or any note) as the subtitle. */
export function buildTitle(text: string, subtitle?: string): Record<string, unknown> {
  const title: Record<string, unknown> = { text, anchor: 'start' };
  if (subtitle) title.subtitle = wrapText(subtitle);
  return title;
}

/** The house config: fonts, sizes, the palette; no background. */
export function buildConfig(): Record<string, unknown> {
  return {
    font: 'Helvetica, Arial, sans-serif',
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridOpacity: 0.5 },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
    title: { fontSize: 14, fontWeight: 'bold', subtitleFontSize: 11, subtitlePadding: 4, offset: 10 },
    range: { category: [...PALETTE] },
  };
}

/** The envelope of every spec: schema, size (none for faceted specs), title, config; the body supplies data and marks. */
export function buildSpec(
  title: Record<string, unknown>,
  body: Record<string, unknown>,
  size: { width?: number; height?: number } | null = {},
): Record<string, unknown> {
  // Faceted and concatenated specs size their panels inside, so they pass `size: null`.
  const dimensions = size === null ? {} : { width: size.width ?? FIGURE_WIDTH, height: size.height ?? FIGURE_HEIGHT };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    ...dimensions,
    ...body,
    config: buildConfig(),
  };
}

/** A colour scale for group levels in their order, using the palette (cycled beyond eight levels). */
export function buildGroupColorScale(levels: readonly string[]): Record<string, unknown> {
  return { domain: [...levels], range: levels.map((_, i) => PALETTE[i % PALETTE.length]) };
}

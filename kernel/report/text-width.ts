/**
 * Text widths for headless Vega layout. Without a canvas, Vega guesses 0.8 em per character, which
 * makes titles and legends far wider than drawn; here widths come from Helvetica's font metrics
 * (Adobe AFM, which Arial and Liberation Sans share), so the SVG is laid out as resvg draws it.
 */

/** Advance widths of ASCII 32..126 in 1/1000 em (Helvetica AFM). */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
  556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
  556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
  500, 500, 500, 334, 260, 334, 584,
];

/** The width in pixels of a line of text in Helvetica at `fontSize`, bold text about 6% wider. */
export function measureTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    units += code >= 32 && code <= 126 ? HELVETICA_WIDTHS[code - 32] : 600;
  }
  return (units / 1000) * fontSize * (bold ? 1.06 : 1);
}

/** The fields of a Vega text item that decide its width. */
interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

/** A `vega.textMetrics.width` replacement: the width of `text` (or the item's own text) in pixels. */
export function measureItemWidth(item: TextItem, text?: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const value = text == null ? '' : String(text).trim();
  const weight = item.fontWeight;
  const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
  return measureTextWidth(value, size, bold);
}

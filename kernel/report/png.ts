/** PNG export of single figures (2x, for slides) and of every figure of a report. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Figure } from '../types.js';
import { renderPng } from './render.js';

/** Writes one figure as a PNG at `scale` times its natural size; returns the bytes written. */
export async function writeFigurePng(figure: Figure | Record<string, unknown>, path: string, scale = 2): Promise<number> {
  const spec = 'vegaLite' in figure && typeof figure.vegaLite === 'object' ? (figure.vegaLite as Record<string, unknown>) : figure;
  const png = await renderPng(spec as Record<string, unknown>, scale);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, png);
  return png.length;
}

/** A file name for a figure of a cell: `03-cell-id-1-boxplot.png` (safe characters only). */
export function figureFileName(cellIndex: number, cellId: string, figureIndex: number, kind: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'cell';
  return `${String(cellIndex).padStart(2, '0')}-${safe(cellId)}-${figureIndex}-${safe(kind)}.png`;
}

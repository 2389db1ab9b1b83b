/**
 * Stored figure specs come from files, and a file may come from anyone: a spec is drawn only when it
 * is self-contained. Written once for the HTML report (Node) and the notebook's Vega renderer
 * (browser); pure, so both bundle it. Inferra's own specs carry their rows inline (`data.values`) and never name a
 * file, a web address, an image or a link; a spec that does is refused as a whole, before Vega sees it.
 */

/** A spec that names something outside itself (a file, a web address, an image or a link). */
export class ExternalResourceError extends Error {
  constructor(readonly where: string) {
    super(`it refers to an external resource (${where})`);
    this.name = 'ExternalResourceError';
  }
}

/** Keys whose presence anywhere in a spec means it loads or links something. */
const EXTERNAL_KEYS = new Set(['url', 'href']);
/** Keys whose contents are rows of data (inline values, tick lists), never instructions. */
const DATA_KEYS = new Set(['values', 'datasets']);

/**
 * Where a (Vega-Lite or Vega) spec refers to an external resource, as a path like
 * `layer[1].encoding.url`; undefined when it is self-contained. Walks iteratively, so a deeply
 * nested spec cannot exhaust the stack.
 */
export function externalReferenceIn(spec: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: spec, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (DATA_KEYS.has(key)) continue;
      if (EXTERNAL_KEYS.has(key) && child !== undefined) return at;
      // An image mark draws a picture from an address (`mark: "image"`, `{type: "image"}`).
      if ((key === 'mark' || key === 'type') && child === 'image') return at;
      stack.push({ value: child, path: at });
    }
  }
  return undefined;
}

/** Throws `ExternalResourceError` for a spec that is not self-contained. */
export function assertSelfContained(spec: unknown): void {
  const where = externalReferenceIn(spec);
  if (where !== undefined) throw new ExternalResourceError(where);
}

/** Every way vega has of reaching a file or an address, refused. */
function refuse(uri?: unknown): Promise<never> {
  return Promise.reject(new ExternalResourceError(typeof uri === 'string' ? uri.slice(0, 80) : 'a load'));
}

/**
 * A vega loader that loads nothing: no files, no URLs, no images, no links (for `new vega.View` and
 * vega-embed's `loader`; cast to the library's Loader type where it is used).
 */
export const REFUSING_LOADER = {
  options: {},
  fileAccess: false,
  load: refuse,
  sanitize: refuse,
  http: refuse,
  file: refuse,
};

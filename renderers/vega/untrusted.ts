/**
 * A notebook's stored figure specs come from the file, and a file may come from anyone: opening it
 * must not make the webview load anything. Inferra's own specs carry their rows inline (`data.values`)
 * and never name a file, a web address, an image or a link; a spec that does is not drawn, and vega
 * gets a loader that refuses every load. This is the browser twin of kernel/report/spec-guard.ts
 * (renderers may import only types from kernel/): test/unit/renderers/vega.test.ts checks they agree.
 */

/** Keys whose presence anywhere in a spec means it loads or links something. */
const EXTERNAL_KEYS = new Set(['url', 'href']);
/** Keys whose contents are rows of data (inline values, tick lists), never instructions. */
const DATA_KEYS = new Set(['values', 'datasets']);

/**
 * Where a (Vega-Lite or Vega) spec refers to an external resource, as a path like
 * `layer[1].encoding.url`; undefined when it is self-contained. Iterative: deep specs cannot exhaust the stack.
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
      if ((key === 'mark' || key === 'type') && child === 'image') return at;
      stack.push({ value: child, path: at });
    }
  }
  return undefined;
}

/** Why a load was refused. */
function refuse(uri?: unknown): Promise<never> {
  return Promise.reject(new Error(`Inferra does not load external resources in figures (${typeof uri === 'string' ? uri.slice(0, 80) : 'a load'}).`));
}

/** A vega loader that loads nothing: no files, no URLs, no images, no links (vega-embed's `loader`). */
export const REFUSING_LOADER = {
  options: {},
  fileAccess: false,
  load: refuse,
  sanitize: refuse,
  http: refuse,
  file: refuse,
};

/**
 * The spec without `usermeta.embedOptions`: vega-embed merges those over the renderer's own options
 * (loader settings, config or patch addresses to fetch, the expression mode), and a file must not
 * choose them.
 */
export function withoutEmbedOptions(spec: Record<string, unknown>): Record<string, unknown> {
  const usermeta = spec.usermeta;
  if (usermeta === null || typeof usermeta !== 'object' || !('embedOptions' in usermeta)) return spec;
  const { embedOptions: _dropped, ...rest } = usermeta as Record<string, unknown>;
  return { ...spec, usermeta: rest };
}

/**
 * A bound on how deeply notebook JSON may nest. `JSON.parse` reads any depth, but every later walk
 * of the data (sorted-key serialisation, canonical provenance JSON, `JSON.stringify`, VS Code's
 * structured clone) recurses and overflows the stack somewhere past a few thousand levels. Inferra
 * writes at most about 20 levels (a Vega-Lite spec inside a result inside an output inside a cell),
 * so files are refused above `MAX_JSON_DEPTH` where they are read, and the walks check it too.
 */

/** The deepest nesting of objects and arrays a notebook may have (the top-level object is level 1). */
export const MAX_JSON_DEPTH = 100;

/**
 * The path (keys and indices) to the first object or array nested deeper than `limit`, or
 * undefined when none is. Iterative, so any depth is safe to check.
 */
export function findTooDeep(value: unknown, limit: number = MAX_JSON_DEPTH): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Depth-first with an explicit stack of [value, depth, path]; the path is rebuilt from parent links.
  interface Frame {
    value: object;
    depth: number;
    key: string | number | undefined;
    parent: Frame | undefined;
  }
  const stack: Frame[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth > limit) {
      const path: (string | number)[] = [];
      for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.push(f.key);
      return path.reverse();
    }
    const entries: [string | number, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [i, v])
      : Object.entries(frame.value);
    // Pushed in reverse so the first key is visited first (the reported path is the first in file order).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

/** A JSON path for a message, abbreviated in the middle when long (`x.0.0.0 … 0.0`). */
export function describeJsonPath(path: (string | number)[]): string {
  if (path.length === 0) return 'the top level';
  if (path.length <= 12) return path.join('.');
  return `${path.slice(0, 8).join('.')} … ${path.slice(-2).join('.')}, ${path.length} levels down`;
}

/** The `notebook-invalid` problem text for nesting past the limit. */
export function tooDeepProblem(limit: number = MAX_JSON_DEPTH): string {
  return `data nested more than ${limit} levels deep (Inferra notebooks need about 20; the file may be damaged or crafted)`;
}

import { createHash } from 'node:crypto';

/**
 * A stable id for a new cell: a slug of its text plus a short hash, unique within the notebook
 * (so ids read well in diffs and never depend on position).
 */
export function createCellId(source: string, taken: ReadonlySet<string>): string {
  const slug =
    source
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 5)
      .join('-')
      .slice(0, 40) || 'cell';
  for (let salt = 0; ; salt++) {
    const hash = createHash('sha256').update(`${source}\u0000${salt}`).digest('hex').slice(0, 6);
    const id = `${slug}-${hash}`;
    if (!taken.has(id)) return id;
  }
}

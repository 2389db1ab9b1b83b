/**
 * A value built on first use and kept: for what is costly to build at import and not needed by every
 * command (zod schemas, for one: `inferra analyze` should not build the options' schemas it never
 * parses).
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

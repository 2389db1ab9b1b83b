/**
 * A zod schema built on first use: the contract's schemas are many, each costly to build, and most
 * commands use none or a few of them (`inferra analyze` none), so building them all at import was
 * paid by every command. The schema stands in for itself: every read (a `parse`, a `.optional()`,
 * zod's own `_zod`) goes to the schema, built the first time; its type is the schema's.
 */
export function deferred<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: the stand-in's own (empty) target must not contradict a proxy invariant.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
  });
}

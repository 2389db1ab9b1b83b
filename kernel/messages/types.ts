/** The shapes of message tables, and the small wording helpers they share. */

/** One value a message is built from. */
export type MessageValue = string | number | boolean | null | undefined | readonly string[];

/** Values a message is built from, in their loosest form (errors read back from the worker or JSON). */
export type MessageParams = Record<string, MessageValue>;

/** No params: the message is fixed. */
export type NoParams = Record<string, never>;

/**
 * A table of messages: code -> builder. Each builder states its params' shape (its argument type), so
 * a misspelt or missing param does not compile at the call site (see `ParamsOf` in ./index.ts).
 */
export type MessageTable = Record<string, (params: never) => string>;

/** "a, b or c": a list for messages. */
export function formatList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** " Did you mean 'x'?" or "" when there is no suggestion. */
export function didYouMean(suggestion: unknown): string {
  return typeof suggestion === 'string' && suggestion ? ` Did you mean '${suggestion}'?` : '';
}

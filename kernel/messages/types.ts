/** The shapes of message tables, and the small wording helpers they share. */

/** Values a message is built from. */
export type MessageParams = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** A table of messages: code -> builder. */
export type MessageTable = Record<string, (params: MessageParams) => string>;

/** "a, b or c": a list for messages. */
export function formatList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** " Did you mean 'x'?" or "" when there is no suggestion. */
export function didYouMean(suggestion: unknown): string {
  return typeof suggestion === 'string' && suggestion ? ` Did you mean '${suggestion}'?` : '';
}

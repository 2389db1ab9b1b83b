/**
 * Finds where a JSON text stops being valid, as line and column. `JSON.parse`'s messages carry a
 * position only for some errors (and none in some Node versions), so this scanner walks the
 * grammar (RFC 8259) and reports the first offending character.
 */
import { MAX_JSON_DEPTH } from './depth.js';

/** A located JSON syntax error. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  problem: string;
}

/** The 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** The location of the first syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  // The scanner recurses once per level: deeper than the notebook limit is reported, never followed.
  let depth = 0;
  const enter = () => {
    if (++depth > MAX_JSON_DEPTH) fail(`data nested more than ${MAX_JSON_DEPTH} levels deep`);
  };
  const fail = (problem: string): never => {
    throw new JsonScanError(i, problem);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('invalid escape in a string');
      } else if (c < ' ') {
        fail('a line break or control character inside a string (missing closing quote?)');
      } else i++;
    }
    fail('a string that is never closed');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe()}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      enter();
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a property name, found ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail("a trailing comma before '}'");
          continue;
        }
        if (text[i] === '}') {
          i++;
          depth--;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${describe()}`);
      }
    } else if (c === '[') {
      enter();
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail("a trailing comma before ']'");
          continue;
        }
        if (text[i] === ']') {
          i++;
          depth--;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describe()}`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail(i >= text.length ? 'the file ends where a value was expected' : `unexpected ${describe()}`);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the notebook`);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    return { offset: error.offset, problem: error.problem, ...lineColumnAt(text, error.offset) };
  }
}

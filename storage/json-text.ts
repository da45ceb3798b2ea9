// Reading a JSON file that a person chose: a syntax error names the line and
// column, because Node 20's JSON.parse often names neither.

import type { InputProblem } from '../rules/validation';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problems: InputProblem[] };

export function parseJsonText(text: string): JsonTextResult {
  // A byte-order mark is common in files saved by Windows editors; it is not an error.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    const { offset, reason } = locateSyntaxError(body);
    const { line, column } = lineAndColumn(body, offset);
    return { ok: false, problems: [{ path: `(line ${line}, column ${column})`, message: `is not valid JSON: ${reason}` }] };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
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

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A small JSON reader that only finds where the first error is. */
function locateSyntaxError(text: string): { offset: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw new JsonSyntaxError(i, reason);
  };
  const found = () => (i >= text.length ? 'the file ends' : `found ${JSON.stringify(text[i])}`);
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected a value (text in double quotes, a number, true, false, null, [ or {), ${found()}`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail('a backslash in text must start an escape such as \\" or \\n');
      } else if (c.charCodeAt(0) < 0x20) {
        fail('text in double quotes cannot run over the end of a line');
      } else i++;
    }
    fail('text in double quotes is not closed');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null || m[0] === '' || m[0] === '-') fail(`expected a number, ${found()}`);
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a field name in double quotes, ${found()}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected a colon after the field name, ${found()}`);
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          space();
          if (text[i] === '}') fail('a comma before } is not allowed in JSON');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected a comma or }, ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          space();
          if (text[i] === ']') fail('a comma before ] is not allowed in JSON');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected a comma or ], ${found()}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c !== undefined && /[-0-9]/.test(c)) return number();
    fail(i >= text.length ? 'the file is empty or ends too early' : `expected a value, ${found()}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail(`unexpected text after the end of the JSON, ${found()}`);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    throw error;
  }
  // JSON.parse disagreed with this reader; still point somewhere useful.
  return { offset: 0, reason: 'the file could not be read as JSON' };
}

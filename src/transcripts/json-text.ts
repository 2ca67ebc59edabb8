import type { ParserOptions } from './speaker-roles';
import { reasonKey, TranscriptParseError, type ReasonKey } from './transcript';

/**
 * Reading a JSON transcript's text with located errors: JSON.parse, and when it refuses, the
 * line and column of the problem (Node 20's messages often carry no position); for the native
 * format, where its root keys and turns start, so a wrong value is reported on its line.
 * Shared by every JSON-based parser.
 */

/** Where things start in the text; only computed once an error needs a line number. */
interface JsonLayout {
  /** Offsets of the root object's keys; a repeated key keeps the last, as JSON.parse does. */
  keys: Map<string, number>;
  /** Offsets of the elements of the root `turns` array. */
  turns: number[];
}

/** A JSON transcript's text: errors located at the root key or the turn they concern. */
export class JsonDocument {
  private layout: JsonLayout | null | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  /** `message`'s params gain `field` (when there is one), which a value's reason may show. */
  error(reason: string, message: ReasonKey, field?: string, offset?: number): TranscriptParseError {
    const line = offset === undefined ? undefined : lineAt(this.text, offset);
    const params = field === undefined ? message.params : { field, ...message.params };
    return new TranscriptParseError(this.file, reason, line, field, {
      key: message.key,
      ...(params ? { params } : {}),
    });
  }

  /** `field` is a path below the root such as `agent.name`; its first segment gives the line. */
  propertyError(field: string, reason: string, message: ReasonKey): TranscriptParseError {
    const key = field.split(/[.[]/)[0];
    return this.error(reason, message, field, this.getLayout()?.keys.get(key));
  }

  turnError(
    index: number,
    key: string | undefined,
    reason: string,
    message: ReasonKey,
  ): TranscriptParseError {
    const field = key === undefined ? `turns[${index}]` : `turns[${index}].${key}`;
    return this.error(reason, message, field, this.getLayout()?.turns[index]);
  }

  private getLayout(): JsonLayout | null {
    if (this.layout === undefined) this.layout = tryScan(this.text);
    return this.layout;
  }
}

function tryScan(text: string): JsonLayout | null {
  try {
    return new JsonScanner(text).scan();
  } catch {
    // Only reachable for pathological nesting (stack overflow): lose the line, keep the error.
    return null;
  }
}

/** A vendor format's reader of parsed JSON, as a parser of the file's text. */
export function fromJsonText<T>(
  read: (file: string, root: unknown, options?: ParserOptions) => T,
): (file: string, text: string, options?: ParserOptions) => T {
  return (file, text, options = {}) => read(file, parseJsonText(file, text), options);
}

/** JSON.parse, with the error located: Node 20's messages often carry no position at all. */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = findSyntaxProblem(text);
    if (problem) {
      const { line, column } = positionAt(text, problem.offset);
      const found = `${describeChar(text, problem.offset)} (column ${column})`;
      throw new TranscriptParseError(
        file,
        `invalid JSON: expected ${problem.expected} but found ${found}`,
        line,
        undefined,
        reasonKey('invalidJsonAt', { line, column }),
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    // Node's own message is English: the reader gets the line, when known, in their language.
    throw new TranscriptParseError(
      file,
      `invalid JSON: ${message}`,
      line,
      undefined,
      line === undefined ? reasonKey('invalidJson') : reasonKey('invalidJsonLine', { line }),
    );
  }
}

function findSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  try {
    new JsonScanner(text).scan();
    return undefined;
  } catch (error) {
    return error instanceof JsonSyntaxProblem ? error : undefined;
  }
}

class JsonSyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(`expected ${expected} at offset ${offset}`);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * A strict JSON grammar walk that records where the root keys and the turns start.
 * JSON.parse gives neither positions of values nor (on Node 20) of most syntax errors.
 */
class JsonScanner {
  private pos = 0;
  private readonly layout: JsonLayout = { keys: new Map(), turns: [] };

  constructor(private readonly text: string) {}

  scan(): JsonLayout {
    this.value('root');
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('the end of the document');
    return this.layout;
  }

  private value(role: 'root' | 'turns' | 'other'): void {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === '{') return this.object(role === 'root');
    if (c === '[') return this.array(role === 'turns');
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.fail('a value');
  }

  private object(isRoot: boolean): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === '}') this.fail('a property (trailing commas are not allowed)');
      if (this.text[this.pos] !== '"') this.fail('a property name in double quotes');
      const keyStart = this.pos;
      this.string();
      const key = this.text.slice(keyStart, this.pos);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail('":" after the property name');
      this.pos++;
      const isTurns = isRoot && this.recordKey(key, keyStart) === 'turns';
      if (isTurns) this.layout.turns = [];
      this.value(isTurns ? 'turns' : 'other');
      if (this.endOfListItem('}')) return;
    }
  }

  private array(recordElements: boolean): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('a value (trailing commas are not allowed)');
      if (recordElements) this.layout.turns.push(this.pos);
      this.value('other');
      if (this.endOfListItem(']')) return;
    }
  }

  /** After an object member or array element: true at the closing bracket, false after a comma. */
  private endOfListItem(close: '}' | ']'): boolean {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === ',') {
      this.pos++;
      return false;
    }
    if (c === close) {
      this.pos++;
      return true;
    }
    return this.fail(`"," or "${close}"`);
  }

  /** Keys are decoded so that an escaped "tur\u006es" is found as turns, as JSON.parse would. */
  private recordKey(quoted: string, keyStart: number): string {
    const key = String(JSON.parse(quoted));
    this.layout.keys.set(key, keyStart);
    return key;
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('a closing quote');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        this.escape();
      } else if (c < ' ') {
        this.fail('no line break or control character inside a string (write \\n)');
      } else {
        this.pos++;
      }
    }
  }

  private escape(): void {
    const next = this.text[this.pos + 1];
    if (next !== undefined && JSON_ESCAPES.has(next)) {
      this.pos += 2;
    } else if (
      next === 'u' &&
      /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))
    ) {
      this.pos += 6;
    } else {
      this.fail('a valid escape such as \\n or \\u00e9');
    }
  }

  private number(): void {
    JSON_NUMBER.lastIndex = this.pos;
    const match = JSON_NUMBER.exec(this.text);
    if (!match) this.fail('a number');
    else this.pos += match[0].length;
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      this.pos++;
    }
  }

  private fail(expected: string): never {
    throw new JsonSyntaxProblem(this.pos, expected);
  }
}

/** Line breaks count as in WebVTT and editors: \r\n, \n or a lone \r. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function lineAt(text: string, offset: number): number {
  return positionAt(text, offset).line;
}

function describeChar(text: string, offset: number): string {
  const c = text[offset];
  if (c === undefined) return 'the end of the file';
  if (c === '\n' || c === '\r') return 'a line break';
  return JSON.stringify(c);
}

import { isObject, kindOf } from './json-fields';
import { JsonDocument, parseJsonText } from './json-text';
import { readMeta } from './native-json.meta';
import { readTurns } from './native-json.turns';
import { ParsedTranscript, TranscriptMeta, reasonKey } from './transcript';

export { MAX_TURN_TEXT_CHARS } from './native-json.turns';

/**
 * Parses the native JSON transcript format (see README.md in this folder).
 * Throws TranscriptParseError on the first problem, located by `field` and, when the JSON text
 * allows it, by the 1-based `line` where the offending turn or property starts.
 */
export function parseNativeJson(file: string, text: string): ParsedTranscript {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root = parseJsonText(file, source);
  const doc = new JsonDocument(file, source);
  if (!isObject(root)) {
    throw doc.error(
      `not a transcript: no turns array (the file holds ${kindOf(root)}, not an object)`,
      reasonKey('noTurnsArray'),
    );
  }
  const meta = readMeta(doc, root);
  const turns = readTurns(doc, root, meta.channel);
  return { meta, turns };
}

/**
 * Parses a `<file>.meta.json` sidecar: the meta fields of the native format without turns, for
 * formats that carry none (WebVTT). Same checks and error locations as the native format.
 */
export function parseSidecarJson(file: string, text: string): TranscriptMeta {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const root = parseJsonText(file, source);
  const doc = new JsonDocument(file, source);
  if (!isObject(root)) {
    throw doc.error(
      `a sidecar must be a JSON object of meta fields (got ${kindOf(root)})`,
      reasonKey('sidecarNotObject'),
    );
  }
  return readMeta(doc, root);
}

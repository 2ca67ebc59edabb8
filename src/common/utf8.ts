/**
 * Strict UTF-8 for uploaded text (transcripts, mystery-shop CSV): decoding that refuses malformed
 * bytes, and where the first malformed byte is, for a message that names the line. Pure.
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/** A UTF-16 byte order mark (either order) opens the bytes. */
export function isUtf16(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** The text without its byte order mark; null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return null;
  }
  return stripBom(text);
}

/** TextDecoder already drops one BOM; this covers text handed over by other callers. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where the bytes stop being UTF-8: the offset and value of the lead byte, and its line. */
export interface InvalidUtf8 {
  offset: number;
  byte: number;
  /** 1-based; line breaks count as \r\n, \n or a lone \r. */
  line: number;
}

/** The first malformed sequence, or null when the bytes are valid UTF-8. */
export function invalidUtf8(bytes: Uint8Array): InvalidUtf8 | null {
  const offset = firstInvalidUtf8Byte(bytes);
  return offset < 0 ? null : { offset, byte: bytes[offset], line: lineOfByte(bytes, offset) };
}

/**
 * Offset of the lead byte of the first malformed sequence, or -1. TextDecoder only says that
 * decoding failed, not where; this follows the same rules (no overlongs, surrogates or > U+10FFFF).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const rule = utf8Rule(lead);
    if (rule === undefined) return i;
    for (let k = 1; k <= rule.continuation; k++) {
      const byte = bytes[i + k];
      const [low, high] = k === 1 ? [rule.low, rule.high] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += rule.continuation + 1;
  }
  return -1;
}

/** Continuation byte count and the allowed range of the first continuation byte. */
function utf8Rule(lead: number): { continuation: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuation: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { continuation: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { continuation: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { continuation: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { continuation: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { continuation: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { continuation: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/** Line (1-based) of the byte at `offset`; line breaks count as \r\n, \n or a lone \r. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

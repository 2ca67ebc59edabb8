/**
 * A Content-Disposition value any file name fits in (RFC 6266): `filename=` an ASCII fallback
 * for old clients, `filename*=UTF-8''…` the real name percent-encoded (RFC 8187). Node refuses
 * a header with non-Latin-1 characters (ERR_INVALID_CHAR) and a bare `"` would end the quoted
 * name early, so neither may reach the header as it is. Pure.
 */
export type DispositionType = 'attachment' | 'inline';

/** Printable ASCII except what has a meaning inside a quoted string or a path. */
const UNSAFE_IN_FALLBACK = /[^\x20-\x7e]|["\\/%;]/g;
/** RFC 8187 attr-char: what may stay unencoded in `filename*`. */
const NOT_ATTR_CHAR = /[^A-Za-z0-9!#$&+\-.^_`|~]/gu;

export function contentDisposition(fileName: string, type: DispositionType = 'attachment'): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

export function asciiFallback(fileName: string): string {
  const ascii = fileName
    .normalize('NFC')
    .replace(UNSAFE_IN_FALLBACK, '_')
    .replace(/_{2,}/g, '_')
    .trim();
  return ascii.replace(/[_.\s]/g, '') === '' ? 'download' : ascii;
}

export function encodeRfc8187(fileName: string): string {
  return fileName
    .normalize('NFC')
    .replace(NOT_ATTR_CHAR, (ch) =>
      Array.from(
        Buffer.from(ch, 'utf8'),
        (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
      ).join(''),
    );
}

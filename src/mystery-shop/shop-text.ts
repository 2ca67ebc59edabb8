/** Text helpers shared by the mystery-shop sheet reader, mapping and validation. Pure. */

/** How much of a cell an error message quotes. */
const QUOTE_MAX = 200;

/** For comparing names and words: NFC, trimmed, lower case. */
export function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** NFC and trimmed. */
export function clean(text: string): string {
  return text.normalize('NFC').trim();
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function shortQuote(text: string): string {
  return text.length > QUOTE_MAX
    ? `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)`
    : text;
}

/** Every "quoted" part of a message cut to QUOTE_MAX characters. */
export function shortQuotes(message: string): string {
  return message.replace(/"([^"]*)"/g, (_all, inner: string) => `"${shortQuote(inner)}"`);
}

/** How detectors word numbers and quotes in their English reasons and evidence. Pure. */

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export const QUOTE_LENGTH = 200;

export function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= QUOTE_LENGTH ? trimmed : trimmed.slice(0, QUOTE_LENGTH);
}

/** `12 s`, `12.5 s` */
export function seconds(ms: number): string {
  return `${round1(ms / 1000)} s`;
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

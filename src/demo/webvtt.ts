/** A demo transcript written as a WebVTT file (the import benchmarks' input). */
import type { ParsedTranscript, Speaker } from '../transcripts/transcript';
import { pad } from './demo-helpers';

export const VOICE_NAMES: Readonly<Record<Speaker, string>> = {
  agent: 'Agent',
  customer: 'Customer',
  system: 'System',
};

export function vttTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

export function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The transcript as a WebVTT file with `<v Agent>` / `<v Customer>` / `<v System>` voice tags.
 * WebVTT cues must end after they start, so a zero-length turn (chat) gets 1 ms.
 */
export function renderWebVtt(t: ParsedTranscript): string {
  const cues = t.turns.map((turn, i) => {
    const start = Math.max(0, Math.round(turn.startMs));
    const end = Math.max(Math.round(turn.endMs), start + 1);
    const voice = VOICE_NAMES[turn.speaker];
    return `${i + 1}\n${vttTime(start)} --> ${vttTime(end)}\n<v ${voice}>${escapeCueText(turn.text)}`;
  });
  return `${['WEBVTT', ...cues].join('\n\n')}\n`;
}

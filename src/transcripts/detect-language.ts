import type { TranscriptTurn } from './transcript';

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/g;
const LETTER = /[\p{L}]/gu;

/** 'ko' when Hangul makes up a real share of the letters, else 'en'. Enough for ko/en centers. */
export function detectLanguage(turns: Pick<TranscriptTurn, 'text'>[]): 'ko' | 'en' {
  const sample = turns
    .slice(0, 40)
    .map((t) => t.text)
    .join(' ');
  const letters = sample.match(LETTER)?.length ?? 0;
  const hangul = sample.match(HANGUL)?.length ?? 0;
  return letters > 0 && hangul / letters >= 0.2 ? 'ko' : 'en';
}

/**
 * Defaults used when a scorecard does not say (README "Metrics" and the detector table).
 * Korean entries follow the ending families of text-match: `죄송합니다` also matches `죄송해요`,
 * `미안합니다`, `송구합니다`.
 */
import type { MatchLanguage } from '../text-match';

export const DEFAULT_OVERLAP_MS = 300;
export { DEFAULT_SILENCE_MS } from '../../scorecards/silence-default';
export const DEFAULT_ANNOUNCE_WITHIN_TURNS = 2;
/** A `thank` phrase must follow a silence within this many agent turns. */
export const THANK_WITHIN_TURNS = 2;
export const DEFAULT_MIN_PEAK = 2;
export const DEFAULT_SEGMENTS = 3;
export const DEFAULT_NOTES_MIN_LENGTH = 15;

type PerLanguage = Record<MatchLanguage, readonly string[]>;

export const DEFAULT_BACKCHANNELS: PerLanguage = {
  ko: ['네', '네네', '네네네', '아 네', '예', '음', '어', '그렇죠', '맞아요'],
  en: ['mhm', 'mm-hmm', 'uh-huh', 'yeah', 'yes', 'okay', 'ok', 'right', 'sure', 'i see'],
};

export const DEFAULT_APOLOGIES: PerLanguage = {
  ko: ['죄송합니다', '사과드립니다'],
  en: ['sorry', 'apologize', 'apologise', 'apologies'],
};

/** Hold announcements, used by the unannounced-silence metric when no `silence` block says. */
export const DEFAULT_ANNOUNCE: PerLanguage = {
  ko: [
    '잠시만 기다려 주세요',
    '잠시만요',
    '잠깐만요',
    '확인해 드리겠습니다',
    '확인해 보겠습니다',
    '조회해 드리겠습니다',
  ],
  en: ['please hold', 'one moment', 'just a moment', 'bear with me', 'let me check', 'on hold'],
};

export const DEFAULT_NEGATIVITY: PerLanguage = {
  ko: [
    '화가 나',
    '화나',
    '짜증',
    '답답',
    '어이없',
    '어이가 없',
    '황당',
    '최악',
    '실망',
    '불만',
    '말이 됩니까',
    '말이 안 되',
    '장난하',
    '도대체',
    '몇 번째',
    '너무하',
    '기가 막',
  ],
  en: [
    'angry',
    'frustrate',
    'ridiculous',
    'unacceptable',
    'terrible',
    'horrible',
    'worst',
    'annoy',
    'upset',
    'disappoint',
    'useless',
    'fed up',
    'waste of time',
    'not happy',
    'complaint',
  ],
};

/**
 * normalizeSpeech: what speech-to-text writes, turned into the one form phrases are matched on.
 * Examples are what a QA user expects from real STT output (fillers, spacing errors, repeats,
 * spoken numbers, dates, full-width forms); properties check that it is total, idempotent and
 * that Korean output carries no spacing or punctuation.
 */
import fc from 'fast-check';
import { normalizeSpeech, type SpeechLanguage } from '../../../src/autoqa/normalize';

const ko = (text: string) => normalizeSpeech(text, 'ko');
const en = (text: string) => normalizeSpeech(text, 'en');

describe('normalizeSpeech (Korean)', () => {
  it('drops fillers said on their own (음, 어, 그, 에, 흠 …)', () => {
    expect(ko('음 어 네 고객님 그 확인해 드릴게요')).toBe('네고객님확인해드릴게요');
    expect(ko('에 그러니까요')).toBe('그러니까요');
    expect(ko('음음 으음 흠')).toBe('');
  });

  it('keeps the same syllables inside real words (그래서, 어머니, 음식, 에어컨)', () => {
    expect(ko('그래서 어머니 음식')).toBe('그래서어머니음식');
    expect(ko('에어컨 어 고장 났어요')).toBe('에어컨고장났어요');
  });

  it('ignores spacing errors and punctuation', () => {
    expect(ko('감사 합니다')).toBe(ko('감사합니다'));
    expect(ko('전화주셔서 감사합니다')).toBe('전화주셔서감사합니다');
    expect(ko('전화 주셔서, 감사 합니다.')).toBe('전화주셔서감사합니다');
    expect(ko('잠시만 기다려 주시겠어요?!')).toBe('잠시만기다려주시겠어요');
  });

  it('says a repeated word once and drops a one-syllable false start', () => {
    expect(ko('제가 제가 확 확인해 드릴게요')).toBe('제가확인해드릴게요');
    expect(ko('네 네 네')).toBe('네');
    expect(ko('꼭 꼭 챙겨 주세요')).toBe('꼭챙겨주세요');
  });

  it('keeps one-syllable words that often stand before a word with the same syllable', () => {
    // 다 / 잘 are words of their own, not a cut-off 다른 / 잘못.
    expect(ko('다 다른 방법이 있어요')).toBe('다다른방법이있어요');
    expect(ko('잘 잘못')).toBe('잘잘못');
  });

  it('writes runs of three or more spoken digits as digits', () => {
    expect(ko('일이삼사')).toBe('1234');
    expect(ko('일 이 삼 사')).toBe('1234');
    expect(ko('공일공')).toBe('010');
    expect(ko('공일공 일이삼사 오육칠팔')).toBe('01012345678');
    expect(ko('공일공-일이삼사-오육칠팔')).toBe('01012345678');
    expect(ko('생년월일 팔오공일공일')).toBe('생년월일850101');
    // A digit said again is a digit, not a repeat.
    expect(ko('생년월일 팔오 공일 공일')).toBe('생년월일850101');
    expect(ko('오오오 일이')).toBe('55512');
  });

  it('reads three syllables as a number only with a zero (이삼일 is "two or three days")', () => {
    expect(ko('이삼일 정도 걸려요')).toBe('이삼일정도걸려요');
    expect(ko('일일이 확인해 드릴게요')).toBe('일일이확인해드릴게요');
    expect(ko('공일공')).toBe('010');
  });

  it('leaves one or two digit syllables alone: they are words too (이사, 오일)', () => {
    expect(ko('일이')).toBe('일이');
    expect(ko('이사 가요')).toBe('이사가요');
    expect(ko('오일 교환')).toBe('오일교환');
    expect(ko('공')).toBe('공');
  });

  it('keeps the meaning of written dates once punctuation is gone', () => {
    expect(ko('9/8')).toBe('9월8일');
    expect(ko('9/8 오후 2시')).toBe('9월8일오후2시');
    expect(ko('12.25')).toBe('12월25일');
    expect(ko('2026-10-21')).toBe('2026년10월21일');
    expect(ko('2026.10.21')).toBe('2026년10월21일');
    // Already in words: unchanged but for spacing.
    expect(ko('2026년 10월 21일')).toBe('2026년10월21일');
    // Not a month/day: just the digits.
    expect(ko('13/5')).toBe('135');
  });

  it('folds full-width letters and digits, lower-cases and composes (NFC)', () => {
    expect(ko('ＡＢＣ１２３ 안녕')).toBe('abc123안녕');
    expect(ko('１２/５')).toBe('12월5일');
    expect(ko('OTP 번호')).toBe('otp번호');
    expect(ko('감사합니다'.normalize('NFD'))).toBe('감사합니다');
  });

  it('gives an empty string for empty input and for non-strings', () => {
    expect(ko('')).toBe('');
    expect(ko('   ')).toBe('');
    expect(normalizeSpeech(undefined as unknown as string, 'ko')).toBe('');
    expect(normalizeSpeech(null as unknown as string, 'en')).toBe('');
    expect(normalizeSpeech(42 as unknown as string, 'en')).toBe('');
  });
});

describe('normalizeSpeech (English)', () => {
  it('drops fillers (um, uh, er, erm, hmm) but not words that start like them', () => {
    expect(en('um uh hello er thank you for calling')).toBe('hello thank you for calling');
    expect(en('uh the error')).toBe('the error');
    expect(en('umbrella')).toBe('umbrella');
    expect(en('uh um er')).toBe('');
  });

  it('says a repeated word once', () => {
    expect(en('i i can check that')).toBe('i can check that');
    expect(en('erm the the account')).toBe('the account');
  });

  it('drops a cut-off word that the next word completes, but not short words of their own', () => {
    expect(en('ca can you hold')).toBe('can you hold');
    expect(en('reb rebook it')).toBe('rebook it');
    expect(en('an answer')).toBe('an answer');
    expect(en('car card')).toBe('car card');
    expect(en('pay payment')).toBe('pay payment');
  });

  it('writes runs of three or more spoken digits as digits', () => {
    expect(en('one two three four')).toBe('1234');
    expect(en('my number is oh one oh')).toBe('my number is 010');
    expect(en('it is one two three four five')).toBe('it is 12345');
    expect(en('double four five')).toBe('445');
    expect(en('five double four')).toBe('544');
    expect(en('my pin is one two one two')).toBe('my pin is 1212');
    // Digits said again are digits, not a repeated word.
    expect(en('five five five')).toBe('555');
    expect(en('nine one one')).toBe('911');
    expect(en('oh one oh five five five one two three four')).toBe('0105551234');
    // Idempotent once digits are joined.
    expect(en(en('123 one two three'))).toBe(en('123 one two three'));
  });

  it('treats words that are names of object properties as words (constructor, toString)', () => {
    expect(en('the constructor of it')).toBe('the constructor of it');
    expect(en('one two constructor')).toBe('one two constructor');
    expect(en('double constructor')).toBe('double constructor');
    expect(en('tostring valueof hasownproperty')).toBe('tostring valueof hasownproperty');
  });

  it('restores the apostrophe speech-to-text leaves out of contractions', () => {
    expect(en('so what ive done is')).toBe("so what i've done is");
    expect(en('we cant do that thats the rule')).toBe("we can't do that that's the rule");
    expect(en('its fine were here')).toBe('its fine were here');
  });

  it('joins a contraction written with a space for the apostrophe to the word that takes it', () => {
    expect(en('that s on us i m sorry we re late')).toBe("that's on us i'm sorry we're late");
    expect(en('don t worry i ll ring you the lads ve gone')).toBe(
      "don't worry i'll ring you the lads ve gone",
    );
    expect(en('my mama s car')).toBe("my mama's car");
    // a spelled code keeps its letters, and a lone m or re after another word stays
    expect(en('b d s seven')).toBe('b d s seven');
    expect(en('two s and an m')).toBe('two s and an m');
    expect(en(en('that s on us'))).toBe("that's on us");
  });

  it('leaves ordinary words that happen to be digits alone', () => {
    expect(en('one or two things')).toBe('one or two things');
    expect(en('one two')).toBe('one two');
    expect(en('oh no that is frustrating')).toBe('oh no that is frustrating');
  });

  it('lower-cases, straightens apostrophes, keeps punctuation and collapses spaces', () => {
    expect(en('Thank You For Calling')).toBe('thank you for calling');
    expect(en('I’m sorry')).toBe("i'm sorry");
    expect(en('  Hello,   World!\n')).toBe('hello, world!');
    expect(en('ＨＥＬＬＯ　ｗｏｒｌｄ')).toBe('hello world');
  });

  it('does not rewrite dates (English keeps its punctuation)', () => {
    expect(en('it is 9/8')).toBe('it is 9/8');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const LANGUAGES: SpeechLanguage[] = ['ko', 'en'];
const RUNS = { numRuns: 300 };

/** STT-like words: fillers, repeats, false starts, spoken and written digits, dates, widths. */
const STT_WORDS = [
  ...['음', '어', '그', '에', '흠', '네', '예', '제가', '확', '확인', '확인해', '드릴게요'],
  ...['감사', '합니다', '감사합니다', '고객님', '안', '되는', '건', '아니고', '다', '다른', '이사'],
  ...['공', '영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구', '공일공', '일이삼사'],
  ...['9/8', '2026-10-21', '12.25', '１２３', 'ＡＢＣ', '010', '5'],
  ...['um', 'uh', 'er', 'hmm', 'i', 'a', 'the', 'can', 'ca', 'reb', 'rebook', 'hold', 'one'],
  ...['two', 'three', 'oh', 'o', 'zero', 'nine', 'double', 'triple', "i'm", 'I’m', 'sorry'],
  ...['HELLO', 'ｗｏｒｌｄ', 'uh-huh', '123', '4'],
];
const SEPARATORS = [' ', '  ', ', ', '. ', '? ', '', '\n', '…', '-', '\u3000'];
const sttText = fc
  .array(fc.tuple(fc.constantFrom(...STT_WORDS), fc.constantFrom(...SEPARATORS)), {
    maxLength: 16,
  })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  sttText,
);

describe('normalizeSpeech properties', () => {
  it.each(LANGUAGES)('never throws and always returns a string (%s)', (language) => {
    fc.assert(
      fc.property(anyText, (text) => typeof normalizeSpeech(text, language) === 'string'),
      RUNS,
    );
  });

  it.each(LANGUAGES)('is idempotent (%s)', (language) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeSpeech(text, language);
        expect(normalizeSpeech(once, language)).toBe(once);
      }),
      RUNS,
    );
  });

  it('gives Korean text without whitespace, punctuation or symbols', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(ko(text)).not.toMatch(/[\s\p{P}\p{S}]/u);
      }),
      RUNS,
    );
  });

  it('gives English text trimmed, with single spaces and in lower case', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = en(text);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s|[^\S ]/u);
        expect(out).toBe(out.toLowerCase());
      }),
      RUNS,
    );
  });

  it('reads Korean the same however the words are spaced (STT spacing errors)', () => {
    // Distinct content words: none is a filler, a digit word or a one-syllable false start, and
    // however they run together no chunk is said twice in a row (that would be a repeat).
    const words = ['고객님', '요금제', '변경', '도와', '드리겠습니다', '확인해', '주셔서'];
    const sentence = fc.shuffledSubarray(words, { minLength: 1 });
    fc.assert(
      fc.property(
        sentence,
        fc.array(fc.constantFrom(' ', '', '  ', ', '), { minLength: 8, maxLength: 8 }),
        (ws, gaps) => {
          const spaced = ws.map((w, i) => (i === 0 ? w : gaps[i - 1] + w)).join('');
          expect(ko(spaced)).toBe(ws.join(''));
        },
      ),
      RUNS,
    );
  });
});

/** Normalisation and phrase compilation: Korean spacing / punctuation / endings, English words. */
import {
  koPhraseSource,
  MatcherLibrary,
  matchLanguage,
  normalizeEn,
  normalizeKo,
  PhraseMatcher,
  ScorecardCache,
  WholeTextMatcher,
} from '../../../src/autoqa/text-match';

const ko = (phrases: string[]) => new PhraseMatcher(0, phrases, 'ko');
const en = (phrases: string[]) => new PhraseMatcher(0, phrases, 'en');
const koSays = (phrase: string, text: string) => ko([phrase]).test(normalizeKo(text));
const enSays = (phrase: string, text: string) => en([phrase]).test(normalizeEn(text));

describe('Korean normalisation', () => {
  it('removes whitespace, punctuation and symbols, lower-cases and composes (NFC)', () => {
    expect(normalizeKo(' 잠시만 기다려 주시겠어요?! ')).toBe('잠시만기다려주시겠어요');
    expect(normalizeKo('네~ 감사합니다^^ (ARS)')).toBe('네감사합니다ars');
    // Decomposed jamo (NFD) compose to the same syllables.
    expect(normalizeKo('감사합니다'.normalize('NFD'))).toBe('감사합니다');
  });

  it('matches across spacing and punctuation', () => {
    expect(koSays('잠시만 기다려 주시겠어요?', '잠시만기다려주시겠어요')).toBe(true);
    expect(koSays('잠시만기다려주시겠어요', '잠시만, 기다려 주시겠어요...')).toBe(true);
  });
});

describe('Korean ending families', () => {
  it('lets the end of a phrase vary within its family', () => {
    expect(koSays('기다려 주시겠어요', '기다려주십시오')).toBe(true);
    expect(koSays('기다려 주시겠어요', '조금만 기다려 주실래요?')).toBe(true);
    expect(koSays('상담사 김민지입니다', '상담사 김민지이에요')).toBe(true);
    expect(koSays('상담사 김민지예요', '상담사 김민지입니다')).toBe(true);
    expect(koSays('무엇을 도와 드릴까요', '무엇을 도와드릴게요')).toBe(true);
    expect(koSays('확인해 드릴게요', '확인해 드리겠습니다')).toBe(true);
    expect(koSays('처리해 드리겠습니다', '처리해 드려요')).toBe(true);
    expect(koSays('변경 완료했습니다', '변경 완료했어요')).toBe(true);
  });

  it('only varies the end: an inserted 요 inside the phrase does not match', () => {
    // 잠시만 기다려 주시겠어요 → 잠시만기다려(주시겠어요|주세요|주십시오|…): 잠시만요기다려… differs.
    expect(koSays('잠시만 기다려 주시겠어요', '잠시만요, 기다려주십시오')).toBe(false);
    expect(koSays('기다려 주시겠어요', '잠시만요, 기다려주십시오')).toBe(true);
  });

  it('picks the longest family member that ends the phrase', () => {
    // 감사합니다 is the thanks family, not 합니다: it matches 고맙습니다 and 감사드립니다.
    expect(koPhraseSource('감사합니다')).toBe('(?:감사드립니다|감사합니다|고맙습니다|감사해요)');
    expect(koSays('감사합니다', '정말 고맙습니다')).toBe(true);
    expect(koSays('죄송합니다', '미안합니다')).toBe(true);
    expect(koSays('확인 부탁합니다', '확인 부탁해요')).toBe(true);
    // 예요 (2) beats 요 (1): the stem keeps 김민지.
    expect(koPhraseSource('김민지예요')).toBe('김민지(?:입니다|이에요|예요|이야)');
  });

  it('does not vary phrases without a known ending, nor the other way round', () => {
    expect(koSays('본인 확인', '본인확인 부탁드립니다')).toBe(true);
    expect(koSays('본인 확인', '본인이 확인')).toBe(false);
    expect(koSays('상담사 김민지입니다', '상담사 김민지')).toBe(false);
  });
});

describe('English', () => {
  it('is case-insensitive, collapses whitespace and treats curly apostrophes as straight', () => {
    expect(normalizeEn('  Don’t   WORRY\n')).toBe("don't worry");
    expect(enSays("don't worry", 'Don’t worry, Sam')).toBe(true);
    expect(enSays('don’t worry', "Please don't worry")).toBe(true);
    expect(enSays('thank you for calling', 'THANK   YOU, for calling Acme')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(enSays('hold', 'please hold')).toBe(true);
    expect(enSays('hold', 'the household')).toBe(false);
    expect(enSays('i can', "I can't help")).toBe(false);
    expect(enSays('sorry', "I'm sorry.")).toBe(true);
  });

  it('matches simple inflections of every word', () => {
    for (const text of ['I transferred you', 'transferring now', 'she transfers', 'transfer']) {
      expect(enSays('transfer', text)).toBe(true);
    }
    expect(enSays('apologize', 'we apologized')).toBe(true);
    expect(enSays('apologize', 'apologizing for it')).toBe(true);
    expect(enSays('carry', 'it carries')).toBe(true);
    expect(enSays('carry', 'we carried it')).toBe(true);
    expect(enSays('watch', 'she watches')).toBe(true);
    expect(enSays('check the account', 'checked the accounts')).toBe(true);
    expect(enSays('transfer', 'transformer')).toBe(false);
  });

  it('keeps words of one or two letters as written', () => {
    expect(enSays('i see', 'is see')).toBe(false);
    expect(enSays('ok', 'oks')).toBe(false);
  });
});

describe('re: entries', () => {
  it('apply to the normalised text (no spaces in Korean), flag u, and i for English', () => {
    expect(ko(['re:상담사[가-힣]{2,4}입니다']).test(normalizeKo('상담사 박서준 입니다'))).toBe(
      true,
    );
    expect(ko(['re:\\d{4}']).test(normalizeKo('카드 끝자리 1234'))).toBe(true);
    expect(en(['re:order #?\\d+']).test(normalizeEn('Your ORDER #4411 shipped'))).toBe(true);
  });

  it('work with backreferences and named groups (not combined)', () => {
    const m = en(['hello', 're:(\\w+) \\1', 're:(?<n>x)y']);
    expect(m.test('very very good')).toBe(true);
    expect(m.find('say xy')).toEqual({ index: 4, end: 6, phrase: 're:(?<n>x)y' });
  });
});

describe('PhraseMatcher', () => {
  it('finds the leftmost occurrence and names the entry as written', () => {
    const m = ko(['좋은 하루 보내세요', '감사합니다']);
    expect(m.find(normalizeKo('네 고맙습니다. 좋은 하루 보내세요'))).toEqual({
      index: 1,
      end: 6,
      phrase: '감사합니다',
    });
    expect(m.findAll(normalizeKo('감사합니다 감사해요 좋은 하루 보내셔요'))).toHaveLength(2);
  });

  it('lists the distinct entries that occur', () => {
    expect(en(['angry', 'upset', 'refund']).distinct('angry and upset, angry!')).toEqual([
      'angry',
      'upset',
    ]);
  });
});

describe('backchannels (whole text)', () => {
  it('accepts texts made only of backchannels, repeated or mixed', () => {
    const koB = new WholeTextMatcher(['네', '아 네', '음', '맞아요'], 'ko');
    expect(koB.test(normalizeKo('네, 네.'))).toBe(true);
    expect(koB.test(normalizeKo('음… 아 네'))).toBe(true);
    expect(koB.test(normalizeKo('맞습니다'))).toBe(true); // 맞아요 ~ 맞습니다
    expect(koB.test(normalizeKo('네, 그런데 잠시만요'))).toBe(false);
    const enB = new WholeTextMatcher(['uh-huh', 'yeah', 'i see'], 'en');
    expect(enB.test(normalizeEn('Uh-huh, yeah.'))).toBe(true);
    expect(enB.test(normalizeEn('Yeah, I see'))).toBe(true);
    expect(enB.test(normalizeEn('Yeah but wait'))).toBe(false);
  });
});

describe('compilation cache', () => {
  it('shares identical lists in a library and builds once per definition and language', () => {
    const lib = new MatcherLibrary('ko');
    expect(lib.matcher(['네'])).toBe(lib.matcher(['네']));
    expect(lib.matcher(['예'])).not.toBe(lib.matcher(['네']));
    expect(lib.size).toBe(2);

    const cache = new ScorecardCache<number>();
    const def = {};
    const build = jest.fn(() => 1);
    cache.get(def, 'ko', build);
    cache.get(def, 'ko', build);
    expect(build).toHaveBeenCalledTimes(1);
    cache.get(def, 'en', build);
    cache.get({}, 'ko', build);
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('chooses the call language when known, else the scorecard language', () => {
    expect(matchLanguage('en', 'ko')).toBe('en');
    expect(matchLanguage('ja', 'ko')).toBe('ko');
    expect(matchLanguage('', 'en')).toBe('en');
  });
});

describe('English contractions as speech-to-text writes them', () => {
  it('lets a contraction in a phrase match the words written out or without the apostrophe', () => {
    expect(enSays("so that's", 'so that is your refund done')).toBe(true);
    expect(enSays("i'll pass it on", 'i will pass it on to the team')).toBe(true);
    expect(enSays("doesn't happen again", 'so it does not happen again')).toBe(true);
    expect(enSays("won't happen again", 'that will not happen again')).toBe(true);
    expect(enSays("can't", 'i cannot do that')).toBe(true);
    expect(enSays("can't", 'i can not do that')).toBe(true);
    expect(enSays("don't worry", 'dont worry about it')).toBe(true);
    expect(enSays("you're all set", 'you are all set')).toBe(true);
    // The contraction itself still matches.
    expect(enSays("i've logged", "I've logged it")).toBe(true);
  });

  it('does not read another word as a contraction', () => {
    // we'll → well and it's → its are other words.
    expect(enSays("we'll call you", 'well call you maybe')).toBe(false);
    expect(enSays("it's done", 'its done')).toBe(false);
    expect(enSays("that's fine", 'that is not fine')).toBe(false);
  });
});

describe('name slots inside a re: entry', () => {
  it('{agent} stands for the shape of a name in the language, as in a plain phrase', () => {
    expect(koSays('re:저는{agent}(입니다|이에요)', '네 저는 김민지입니다')).toBe(true);
    expect(koSays('re:저는{agent}(입니다|이에요)', '네 저는 입니다')).toBe(false);
    expect(enSays('re:\\bthis is {agent} speaking\\b', 'hi this is mary jones speaking')).toBe(
      true,
    );
  });
});

describe('word guards in a re: entry ({!@family})', () => {
  const lib = new MatcherLibrary('en', {
    not_a_name: ['the', 'about', 'Really'],
    intro: ["re:\\bit's {!@not_a_name}[a-z]+ (here|calling)\\b"],
  });
  const says = (text: string) => lib.matcher(['@intro']).test(normalizeEn(text));

  it("is a stop list written once: none of the family's words may stand there", () => {
    expect(says("hi it's dana calling")).toBe(true);
    expect(says("it's the kettle calling")).toBe(false);
    expect(says("it's really here")).toBe(false);
    // a word that only starts with a listed one is still a name
    expect(says("it's theo here")).toBe(true);
  });

  it('names an unknown family as the problem, in a block as in a family', () => {
    expect(() => new MatcherLibrary('en', {}).matcher(['re:\\bit is {!@nope}[a-z]+'])).toThrow(
      /unknown phrase family @nope/,
    );
  });
});

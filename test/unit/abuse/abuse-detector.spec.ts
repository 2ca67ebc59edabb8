import fc from 'fast-check';
import { detectAbuse } from '../../../src/abuse/abuse-detector';

type Line = [speaker: 'agent' | 'customer', text: string];
const ko = (...lines: Line[]) =>
  detectAbuse(
    lines.map(([speaker, text]) => ({ speaker, text })),
    'ko',
  );
const en = (...lines: Line[]) =>
  detectAbuse(
    lines.map(([speaker, text]) => ({ speaker, text })),
    'en',
  );

describe('abusive callers', () => {
  it('a threat flags the call at once, with the turn', () => {
    const r = ko(
      ['agent', '고객님, 해당 요금은 환불이 어렵습니다.'],
      ['customer', '너 목소리 기억했다, 가만 안 둔다'],
    );
    expect(r).toEqual({
      flagged: true,
      categories: ['threat'],
      evidence: [{ turn: 1, category: 'threat' }],
    });
  });

  it('sexual harassment toward the agent flags the call', () => {
    expect(ko(['customer', '목소리 섹시하네 애인 있어?']).flagged).toBe(true);
    expect(en(['customer', 'you sound sexy, what are you wearing?']).categories).toEqual([
      'sexual',
    ]);
  });

  it('swearing as speech-to-text writes it (spaced, initials) and repeated insults', () => {
    const r = ko(
      ['customer', '아 씨 발 진짜 장난하냐'],
      ['agent', '불편을 드려 죄송합니다.'],
      ['customer', '상담원 주제에 말귀를 못 알아듣네 멍청이'],
    );
    expect(r.flagged).toBe(true);
    expect(r.categories).toEqual(['profanity', 'insult']);
    expect(r.evidence).toEqual([
      { turn: 0, category: 'profanity' },
      { turn: 2, category: 'insult' },
    ]);
    expect(en(['customer', 'are you fucking stupid? useless idiot']).flagged).toBe(true);
  });

  it('one lone swear word is noted but does not flag the call', () => {
    const r = en(['customer', 'oh shit, I forgot my password']);
    expect(r.flagged).toBe(false);
    expect(r.evidence).toEqual([{ turn: 0, category: 'profanity' }]);
  });

  it("the agent's words are not the caller's abuse", () => {
    expect(
      ko(['agent', '고객님 폭언을 계속하시면 통화를 종료하겠습니다. 씨발이라는 말씀은 삼가 주세요'])
        .evidence,
    ).toEqual([]);
  });

  it.each([
    '전원이 꺼져요, 계속 꺼져서 불편해요',
    '가슴이 답답해서 전화했어요, 요금이 너무 많이 나왔어요',
    '지점에 직접 찾아가서 해지할게요',
    '닥치는 대로 다 눌러봤는데 안 돼요',
    '한 번 만나서 설명 들을 수 있을까요?',
    '정말 화가 나네요. 세 번째 전화하는 거예요. 고소도 생각하고 있어요',
    '미치겠네요 진짜, 언제 고쳐주세요?',
  ])('an angry but not abusive caller: %s', (text) => {
    expect(ko(['customer', text]).evidence).toEqual([]);
  });

  it.each([
    "I'm really frustrated, this is the third time I've called",
    'this is ridiculous, I want to speak to your manager',
    'I will take this to the regulator if it is not fixed',
    'can you go over my bill one more time?',
  ])('an angry but not abusive English caller: %s', (text) => {
    expect(en(['customer', text]).evidence).toEqual([]);
  });
});

describe('abuse detector on any input', () => {
  it('never throws and only names customer turns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ speaker: fc.constantFrom('agent', 'customer'), text: fc.string() }), {
          maxLength: 8,
        }),
        fc.constantFrom('ko', 'en'),
        (turns, language) => {
          const r = detectAbuse(turns, language);
          for (const e of r.evidence) expect(turns[e.turn].speaker).toBe('customer');
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});

describe('what tuning on the dev split taught the detector', () => {
  it('swear words across spaces count only when spaced syllable by syllable', () => {
    expect(ko(['customer', '개 새 끼 들이 진짜']).evidence).toHaveLength(1);
    expect(ko(['customer', '씨이 발 뭐야']).evidence).toHaveLength(1);
    expect(ko(['customer', '보험금 청구에 질병 신고서가 필요한가요']).evidence).toEqual([]);
    expect(ko(['customer', '할머니 미납금 때문에요']).evidence).toEqual([]);
  });

  it('a time (열 시 발급), seeds (씨 발라) and quoted words are not swearing', () => {
    expect(ko(['customer', '열 시 발급 예정이라더니']).evidence).toEqual([]);
    expect(ko(['customer', '수박 씨 발라내는 기계요']).evidence).toEqual([]);
    expect(ko(['customer', '누가 병신이라고 써 놨어요, 지워 주세요']).evidence).toEqual([]);
  });

  it('English: masked and spoken spellings count; idioms, self-talk and reported words do not', () => {
    for (const text of ['this f***ing app', 'eff you', 'what a load of sh*t', 'son of a b'])
      expect(en(['customer', text]).categories).toEqual(['profanity']);
    for (const text of [
      "I'll find the email and forward it",
      'the roaming charges kill you every trip',
      'the shitake kit was missing',
      'I felt like an idiot at the checkout',
      'someone keeps calling her a moron, block the sender',
      'the cafe was shut up for the holiday',
    ])
      expect(en(['customer', text]).evidence).toEqual([]);
  });
});

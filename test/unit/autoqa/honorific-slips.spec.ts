/**
 * Honorific slips (issue 16): object honorifics and 반말 in a polite call, with the corrected
 * form, on turns as speech-to-text writes them (words run together or split); and the optional
 * `honorifics` criterion of scorecards/examples/voice-ko-honorifics.yaml run by the engine.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runAutoQa } from '../../../src/autoqa/engine';
import { findHonorificSlips } from '../../../src/autoqa/honorific-slips';
import { parseScorecardYaml } from '../../../src/scorecards/scorecard-schema';
import { storedReasonText } from '../../../src/common/i18n/auto-reason';
import { autoCriterion, cardWith, turn } from './support';

type Line = ['agent' | 'customer', string];
const slips = (...lines: Line[]) =>
  findHonorificSlips(lines.map(([speaker, text]) => ({ speaker, text }))).map((s) => ({
    turn: s.turn,
    kind: s.kind,
    found: s.found,
    corrected: s.corrected,
  }));
const GREETING: Line = ['agent', '안녕하세요 한빛통신 상담사 김하나입니다.'];

describe('honorific slips: object honorifics', () => {
  it.each([
    ['말씀하신 요금제가 있으십니다', '요금제가 있으십니다', '요금제가 있습니다'],
    ['주문하신 상품 나오셨습니다', '상품 나오셨습니다', '상품 나왔습니다'],
    ['결제가 되셨습니다', '결제가 되셨습니다', '결제가 됐습니다'],
    ['이번 달 요금은 삼만 원이세요', '요금은 삼만 원이세요', '요금은 삼만 원이에요'],
    ['요금제는 5G 프리미엄이세요', '요금제는 5G 프리미엄이세요', '요금제는 5G 프리미엄이에요'],
    ['그 상품은 재고가 없으세요', '재고가 없으세요', '재고가 없어요'],
    ['할인 가능하세요', '할인 가능하세요', '할인 가능해요'],
  ])('%s', (text, found, corrected) => {
    expect(slips(GREETING, ['agent', text])).toEqual([
      { turn: 1, kind: 'object_honorific', found, corrected },
    ]);
  });

  it('finds them where speech-to-text runs words together or splits them', () => {
    expect(slips(['agent', '주문하신상품 나오 셨습니다'])).toEqual([
      {
        turn: 0,
        kind: 'object_honorific',
        found: '상품 나오 셨습니다',
        corrected: '상품 나왔습니다',
      },
    ]);
    expect(slips(['agent', '결제가되 셨습니다 고객님'])[0]).toMatchObject({
      found: '결제가되 셨습니다',
      corrected: '결제가됐습니다',
    });
  });

  it.each([
    '고객님께서 가입하셨습니다',
    '말씀이 맞으십니다',
    '결제하셨어요?',
    '상품 보러 오셨어요?',
    '택배 받으셨어요?',
    '주문하신 상품 나왔습니다',
    '고객님 시간 괜찮으세요?',
  ])('honours the customer, not a thing: %s', (text) => {
    expect(slips(['agent', text])).toEqual([]);
  });

  it("reads only the agent's turns", () => {
    expect(slips(['customer', '주문한 상품 나오셨어요?'])).toEqual([]);
  });
});

describe('honorific slips: 반말 in a polite call', () => {
  it('finds the sentence that drops 요, with its polite form', () => {
    expect(
      slips(GREETING, ['agent', '잠깐만 확인해 볼게'], ['customer', '네'], ['agent', '그건 안 돼']),
    ).toEqual([
      { turn: 1, kind: 'mixed_speech_level', found: '볼게', corrected: '볼게요' },
      { turn: 3, kind: 'mixed_speech_level', found: '안 돼', corrected: '안 돼요' },
    ]);
    expect(slips(GREETING, ['agent', '잠깐만, 번호 다시 불러 줘'])).toEqual([
      { turn: 1, kind: 'mixed_speech_level', found: '잠깐만', corrected: '잠깐만요' },
      { turn: 1, kind: 'mixed_speech_level', found: '불러 줘', corrected: '불러 주세요' },
    ]);
  });

  it('leaves polite endings, nouns that end like 반말 and a call that is never polite', () => {
    expect(
      slips(GREETING, ['agent', '이해하셨죠? 올해 요금은 그대로예요. 확인해 드릴게요']),
    ).toEqual([]);
    expect(slips(['agent', '그래 알았어'])).toEqual([]);
  });
});

describe('the optional honorifics criterion (scorecards/examples/voice-ko-honorifics.yaml)', () => {
  const file = path.join(__dirname, '../../../scorecards/examples/voice-ko-honorifics.yaml');
  const card = parseScorecardYaml(fs.readFileSync(file, 'utf8'), 'voice-ko-honorifics.yaml');
  const run = (...texts: string[]) =>
    runAutoQa(
      {
        turns: texts.map((text, i) =>
          turn(i % 2 === 0 ? 'agent' : 'customer', i * 3, i * 3 + 2, text),
        ),
        channel: 'voice',
        language: 'ko',
      },
      card,
    ).criteria[0];

  it('fails a call with a slip, with the turn and the corrected form as evidence', () => {
    const answer = run(
      '안녕하세요 한빛통신입니다',
      '주문한 거 언제 와요?',
      '주문하신 상품 나오 셨습니다',
    );
    expect(answer).toMatchObject({
      key: 'honorific_slips',
      result: 'fail',
      reasonCode: 'honorifics.one',
      reasonParams: { found: '상품 나오 셨습니다', corrected: '상품 나왔습니다' },
    });
    expect(answer.evidence).toEqual([
      expect.objectContaining({ turn: 2, value: '상품 나오 셨습니다 → 상품 나왔습니다' }),
    ]);
  });

  it('passes a call without one', () => {
    expect(
      run('안녕하세요 한빛통신입니다', '주문한 거 언제 와요?', '주문하신 상품 나왔습니다'),
    ).toMatchObject({ result: 'pass', reasonCode: 'honorifics.none', evidence: [] });
  });

  it('allows up to `max` slips, and says so in Korean and English', () => {
    const card2 = cardWith('ko', [autoCriterion('h', { detector: 'honorifics', max: 1 })]);
    const answer = runAutoQa(
      {
        turns: [turn('agent', 0, 2, '결제가 되셨습니다')],
        channel: 'voice',
        language: 'ko',
      },
      card2,
    ).criteria[0];
    expect(answer).toMatchObject({ result: 'pass', reasonCode: 'honorifics.within' });
    expect(storedReasonText('en', answer)).toBe(answer.reason);
    expect(storedReasonText('ko', answer)).toBe('상담사의 높임법 오류 1건, 허용 1건 이내');
  });
});

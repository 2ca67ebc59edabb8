/** `when` conditions: the criterion applies only when its condition holds, else it is N/A. */
import { runAutoQa } from '../../../src/autoqa/engine';
import type { AutoQaInput } from '../../../src/autoqa/autoqa.types';
import type {
  CriterionDefinition,
  ScorecardDefinition,
} from '../../../src/scorecards/scorecard-definition';
import type { TranscriptTurn } from '../../../src/transcripts/transcript';
import { autoCriterion, cardWith, turn } from './support';

const criterion = autoCriterion;
const card = (criteria: CriterionDefinition[]) => cardWith('ko', criteria, 'when-ko');

function results(
  turns: TranscriptTurn[],
  def: ScorecardDefinition,
  extra: Partial<AutoQaInput> = {},
) {
  return runAutoQa({ turns, channel: 'voice', language: 'ko', ...extra }, def).criteria;
}

/** An upset customer, an apology with empathy, a 12 s hold, a calmer end. */
const UPSET = [
  turn('agent', 0, 3, '한빛카드 상담사 이준호입니다.'),
  turn('customer', 3.5, 8, '지난달에 이중 결제가 됐는데 너무 화가 나요. 벌써 몇 번째예요.'),
  turn('agent', 8.5, 12, '불편을 드려 정말 죄송합니다. 많이 답답하셨겠어요.'),
  turn('customer', 12.5, 14, '빨리 좀 해 주세요.'),
  turn('agent', 14.5, 16, '확인해 드리겠습니다.'),
  turn('agent', 28, 33, '환불 접수가 완료되었습니다.'),
  turn('customer', 33.5, 35, '네, 감사합니다.'),
  turn('agent', 35.5, 37, '감사합니다. 좋은 하루 보내세요.'),
];

/** A calm call with no long gap. */
const CALM = [
  turn('agent', 0, 3, '한빛카드 상담사 이준호입니다.'),
  turn('customer', 3.5, 6, '포인트 조회하려고요.'),
  turn('agent', 6.5, 9, '현재 포인트는 삼천 점입니다.'),
  turn('customer', 9.5, 11, '네, 감사합니다.'),
];

const empathy = criterion('empathy', {
  detector: 'phrases',
  anyOf: ['많이 답답하셨겠어요', '속상하셨겠어요'],
  when: { customerNegative: true },
});

describe('when: { customerNegative }', () => {
  it('applies the criterion when the customer was negative (default lexicon)', () => {
    const [r] = results(UPSET, card([empathy]));
    expect(r).toMatchObject({
      key: 'empathy',
      result: 'pass',
      evidence: [{ turn: 2, startMs: 8500, text: UPSET[2].text, value: '많이 답답하셨겠어요' }],
      reason: 'an agent turn says "많이 답답하셨겠어요"',
    });
  });

  it('is N/A with the reason when the customer was calm', () => {
    expect(results(CALM, card([empathy]))[0]).toMatchObject({
      key: 'empathy',
      result: 'na',
      evidence: [],
      reason: 'the customer was not negative (peak 0, under 2)',
    });
  });

  it("uses the scorecard's first negativity block (its lexicon and minPeak)", () => {
    const deesc = criterion('deescalation', { detector: 'negativity', lexicon: ['포인트'] });
    // Only the CALM customer says 포인트: negative by this scorecard's lexicon.
    const [r] = results(CALM, card([empathy, deesc]));
    expect(r).toMatchObject({ key: 'empathy', result: 'fail' });
    const strict = criterion('deescalation', {
      detector: 'negativity',
      lexicon: ['포인트'],
      minPeak: 10.0,
    });
    // Two customer turns over three thirds: 포인트 is alone in the middle one, 10 ≥ 10.
    expect(results(CALM, card([empathy, strict]))[0]).toMatchObject({ result: 'fail' });
  });

  it('customerNegative: false applies to calm calls only', () => {
    const calmOnly = criterion('calm', {
      detector: 'phrases',
      anyOf: ['감사합니다'],
      when: { customerNegative: false },
    });
    expect(results(UPSET, card([calmOnly]))[0]).toMatchObject({
      key: 'calm',
      result: 'na',
      evidence: [],
      reason: 'the customer was negative (peak 10)',
    });
    expect(results(CALM, card([calmOnly]))[0]).toMatchObject({ result: 'fail' });
  });

  it('follows the source sentiment when given', () => {
    const [r] = results(CALM, card([empathy]), {
      sourceMetrics: { customerSentiment: { start: 3, peak: 7, end: 2 } },
    });
    expect(r).toMatchObject({ result: 'fail', reason: 'no agent turn says a listed phrase' });
  });
});

describe('when: { silenceOverMs }', () => {
  const thanked = criterion('thanked', {
    detector: 'phrases',
    anyOf: ['기다려 주셔서 감사합니다', '오래 기다리셨습니다'],
    when: { silenceOverMs: 10000 },
  });

  it('applies when some gap is over N ms', () => {
    // The 12 s gap after 확인해 드리겠습니다 is never thanked.
    expect(results(UPSET, card([thanked]))[0]).toMatchObject({
      key: 'thanked',
      result: 'fail',
      evidence: [],
      reason: 'no agent turn says a listed phrase',
    });
  });

  it('is N/A without such a gap, and on chat', () => {
    expect(results(CALM, card([thanked]))[0]).toMatchObject({
      result: 'na',
      reason: 'no silence over 10 s',
    });
    expect(results(UPSET, card([thanked]), { channel: 'chat' })[0]).toMatchObject({
      result: 'na',
      reason: 'silences are not measured on chat',
    });
  });
});

describe('when: { phrases }', () => {
  const refund = (speaker: string) =>
    criterion('refund_explained', {
      detector: 'phrases',
      anyOf: ['영업일', '카드사 정책'],
      when: { phrases: { anyOf: ['환불'], speaker } },
    });

  it('applies when a turn of the speaker says a condition phrase, and quotes that turn', () => {
    // The fail shows what made the criterion apply: the turn where the condition held.
    expect(results(UPSET, card([refund('agent')]))[0]).toMatchObject({
      key: 'refund_explained',
      result: 'fail',
      evidence: [{ turn: 5, value: '환불', condition: true }],
      reason: 'no agent turn says a listed phrase',
    });
  });

  it('does not quote the condition turn twice when the detector found it too', () => {
    const both = criterion('refund_explained', {
      detector: 'phrases',
      anyOf: ['환불'],
      when: { phrases: { anyOf: ['환불'], speaker: 'agent' } },
    });
    const { evidence } = results(UPSET, card([both]))[0];
    expect(evidence.filter((e) => e.turn === 5)).toHaveLength(1);
    expect(evidence.find((e) => e.turn === 5)?.condition).toBeUndefined();
  });

  it('is N/A with the reason otherwise', () => {
    expect(results(UPSET, card([refund('customer')]))[0]).toMatchObject({
      key: 'refund_explained',
      result: 'na',
      evidence: [],
      reason: 'no customer turn says a condition phrase',
    });
  });

  it('honours the window of the condition', () => {
    const early = criterion('early', {
      detector: 'phrases',
      anyOf: ['죄송합니다'],
      when: { phrases: { anyOf: ['화가 나'], speaker: 'any', window: { lastTurns: 3 } } },
    });
    expect(results(UPSET, card([early]))[0]).toMatchObject({
      result: 'na',
      reason: 'no turn in the last 3 turns says a condition phrase',
    });
  });
});

describe('when: { phrases, unless }', () => {
  const options = criterion('options_offered', {
    detector: 'phrases',
    anyOf: ['대신', '아니면'],
    min: 2,
    count: 'distinct',
    window: { afterCondition: true },
    when: { phrases: { anyOf: ['어렵습니다'], unless: ['고객센터로 문의'], unlessWithin: 1 } },
  });
  const call = (agentNext: string) => [
    turn('agent', 0, 3, '한빛카드 상담사 이준호입니다.'),
    turn('customer', 3.5, 6, '연회비 면제해 주세요.'),
    turn('agent', 6.5, 9, '면제는 어렵습니다.'),
    turn('agent', 9.5, 10, '네'),
    turn('agent', 10.5, 14, agentNext),
  ];

  it('a refusal that is only a redirect elsewhere is N/A (the backchannel between them does not use up unlessWithin)', () => {
    expect(results(call('그건 카드 고객센터로 문의해 주세요.'), card([options]))[0]).toMatchObject({
      result: 'na',
      reason: 'no agent turn says a condition phrase',
    });
  });

  it('a refusal without the redirect still applies the criterion', () => {
    expect(results(call('연회비는 다음 달에 청구됩니다.'), card([options]))[0]).toMatchObject({
      result: 'fail',
    });
  });
});

describe('when: { phrases, notAfter }', () => {
  // The QA guide judges options_offered on the FIRST request: once the customer says it was
  // settled, a refusal of a later request does not make the criterion apply.
  const options = criterion('options_offered', {
    detector: 'phrases',
    anyOf: ['대신', '아니면'],
    min: 2,
    count: 'distinct',
    window: { afterCondition: true },
    when: { phrases: { anyOf: ['어렵습니다'], notAfter: { anyOf: ['다행이네요'] } } },
  });
  const call = (customerMiddle: string) => [
    turn('agent', 0, 3, '한빛카드 상담사 이준호입니다.'),
    turn('customer', 3.5, 6, '카드 분실 신고하려고요. 다행이네요 하고 넘어갈 일이 아니라서요.'),
    turn('agent', 6.5, 9, '분실 신고 접수되었습니다.'),
    turn('customer', 9.5, 12, customerMiddle),
    turn('agent', 12.5, 15, '오늘 재발급 카드 수령은 어렵습니다.'),
  ];

  it('a refusal after the customer said the first request was settled is N/A, naming where', () => {
    expect(
      results(call('아 다행이네요. 그럼 오늘 새 카드 받을 수 있어요?'), card([options]))[0],
    ).toMatchObject({
      result: 'na',
      reason: 'no agent turn says a condition phrase before turn 3 ("다행이네요")',
    });
  });

  it("a refusal of the first request still applies it; the customer's first turn does not settle anything", () => {
    expect(results(call('그럼 오늘 새 카드 받을 수 있어요?'), card([options]))[0]).toMatchObject({
      result: 'fail',
    });
  });
});

describe('when: { phrases, unless, keepIf }', () => {
  // A refusal followed by a redirect is no_escape's business (N/A here), unless the refusal
  // itself lays out several options: then it is a refusal with alternatives.
  const options = (keepIf?: string[]) =>
    criterion('options_offered', {
      detector: 'phrases',
      anyOf: ['대신', '아니면', '보관함'],
      min: 2,
      count: 'distinct',
      many: ['두 가지'],
      window: { afterCondition: true },
      when: { phrases: { anyOf: ['안 됩니다'], unless: ['영업팀'], unlessWithin: 1, keepIf } },
    });
  const call = [
    turn('agent', 0, 3, '한빛택배 상담사 이준호입니다.'),
    turn('customer', 3.5, 6, '사서함으로 보내고 싶어요.'),
    turn(
      'agent',
      6.5,
      12,
      '사서함 배송은 안 됩니다. 대신 방법이 두 가지 있어요, 보관함이나 지점 수령이요.',
    ),
    turn('customer', 12.5, 14, '요금은요?'),
    turn('agent', 14.5, 17, '요금은 영업팀에 문의해 주세요.'),
  ];

  it('without keepIf, a refusal excused by the next turn redirecting leaves the criterion N/A', () => {
    expect(results(call, card([options()]))[0]).toMatchObject({ result: 'na' });
  });

  it('with keepIf, a refusal that itself offers several options applies the criterion', () => {
    expect(results(call, card([options(['두 가지'])]))[0]).toMatchObject({
      result: 'pass',
    });
  });
});

describe('phrases: a required group the customer volunteered', () => {
  const identity = (volunteered?: { group: number; anyOf: string[] }) =>
    criterion('identity_verification', {
      detector: 'phrases',
      before: ['주문 내역'],
      allOf: [['성함'], ['주문 번호']],
      ...(volunteered ? { volunteered } : {}),
    });
  const call = (introduction: string) => [
    turn('agent', 0, 3, '한빛몰 상담사 이준호입니다.'),
    turn('customer', 3.5, 7, introduction),
    turn('agent', 7.5, 10, '주문 번호 알려 주시겠어요?'),
    turn('customer', 10.5, 12, '에이 일 이 삼 이요.'),
    turn('agent', 12.5, 16, '주문 내역 확인했습니다. 어제 발송됐어요.'),
  ];
  const gives = call('저는 김민지 인데요, 주문한 게 아직 안 왔어요.');
  const withholds = call('주문한 게 아직 안 왔어요.');

  it('without it, only the agent asking for the name counts', () => {
    expect(results(gives, card([identity()]))[0]).toMatchObject({ result: 'fail' });
  });

  it('a caller who gave their name before the account was read stands for the name request, and is quoted', () => {
    const [r] = results(gives, card([identity({ group: 1, anyOf: ['저는 김민지'] })]));
    expect(r.result).toBe('pass');
    expect(r.evidence.map((e) => e.turn)).toEqual([1, 2]);
    expect(r.reason).toBe(
      'every required phrase group is said in agent turns or by the customer unasked',
    );
  });

  it('a caller who never said their name still fails', () => {
    const [r] = results(withholds, card([identity({ group: 1, anyOf: ['저는 김민지'] })]));
    expect(r).toMatchObject({ result: 'fail' });
  });

  it('a name given only after the account was read does not count', () => {
    const late = [...withholds, turn('customer', 16.5, 18, '저는 김민지 인데요.')];
    expect(results(late, card([identity({ group: 1, anyOf: ['저는 김민지'] })]))[0]).toMatchObject({
      result: 'fail',
    });
  });
});

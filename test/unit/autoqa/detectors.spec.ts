/**
 * One golden case per detector: a small hand-written call, the expected result, evidence and
 * reason. Variants cover the other outcomes of the same detector.
 */
import { runAutoQa } from '../../../src/autoqa/engine';
import type { AutoQaInput, CriterionResult } from '../../../src/autoqa/autoqa.types';
import type { TranscriptTurn } from '../../../src/transcripts/transcript';
import { autoCriterion, cardWith, turn } from './support';

const card = (language: 'ko' | 'en', auto: Record<string, unknown>) =>
  cardWith(language, [autoCriterion('c', auto)]);

function judge(
  turns: TranscriptTurn[],
  language: 'ko' | 'en',
  auto: Record<string, unknown>,
  extra: Partial<AutoQaInput> = {},
): Pick<CriterionResult, 'result' | 'evidence' | 'reason'> {
  const result = runAutoQa({ turns, channel: 'voice', language, ...extra }, card(language, auto));
  const { result: outcome, evidence, reason } = result.criteria[0];
  return { result: outcome, evidence, reason };
}

/** A Korean card-service call: greeting, verification, an announced hold, a resolution. */
const KO_CALL = [
  turn('agent', 0, 4, '안녕하십니까, 한빛카드 상담사 김민지입니다.'),
  turn('customer', 4.5, 8, '네, 카드 결제일을 바꾸고 싶어서요.'),
  turn('agent', 8.2, 12, '본인 확인을 위해 생년월일 말씀해 주시겠어요?'),
  turn('customer', 12.5, 14, '팔오 공일 공일이요.'),
  turn('agent', 14.5, 17, '확인 감사합니다. 잠시만 기다려주세요.'),
  turn('agent', 30, 35, '기다려 주셔서 감사합니다. 결제일은 앱에서도 변경 가능합니다.'),
  turn('customer', 34.5, 38, '아 네, 그럼 25일로 해 주세요.'),
  turn('agent', 37.6, 42, '네, 25일로 변경해 드렸습니다. 더 궁금하신 점 있으실까요?'),
  turn('customer', 42.5, 44, '아니요, 없어요.'),
  turn('agent', 43, 43.5, '네, 네.'),
  turn('agent', 45, 48, '감사합니다. 좋은 하루 보내세요.'),
];

/** An English billing call: a complaint, an interruption, an announced hold, apologies. */
const EN_CALL = [
  turn('agent', 0, 5, 'Thank you for calling Acme, this is Sam speaking.'),
  turn('customer', 5.5, 12, 'Hi, I was charged twice and honestly this is ridiculous.'),
  turn('agent', 10.8, 11.2, 'Uh-huh.'),
  turn('agent', 11.5, 16, "I'm so sorry about that, let me check your account."),
  turn('customer', 16.5, 18, 'Okay.'),
  turn(
    'agent',
    30,
    36,
    "Thanks for holding. I've transferred the refund, you'll see it in 3 days.",
  ),
  turn('customer', 36.5, 40, "Great, thanks, that's a relief."),
  turn('agent', 40.5, 44, 'Sorry again for the trouble. Is there anything else I can help with?'),
  turn('customer', 44.5, 46, "No, that's all."),
  turn('agent', 46.5, 49, 'Thanks for calling Acme, have a great day.'),
];

const ev = (turns: TranscriptTurn[], i: number, value?: number | string) => ({
  turn: i,
  startMs: turns[i].startMs,
  text: turns[i].text,
  ...(value === undefined ? {} : { value }),
  // A number quoted with a turn is a pause or an overlap: milliseconds, so pages read seconds.
  ...(typeof value === 'number' ? { unit: 'ms' } : {}),
});

describe('phrases', () => {
  it('passes when an agent turn in the window says the phrase (입니다 ~ 예요)', () => {
    expect(
      judge(KO_CALL, 'ko', {
        detector: 'phrases',
        anyOf: ['한빛카드 상담사 김민지예요'],
        window: { firstSeconds: 10 },
      }),
    ).toEqual({
      result: 'pass',
      evidence: [ev(KO_CALL, 0, '한빛카드 상담사 김민지예요')],
      reason: 'an agent turn in the first 10 s says "한빛카드 상담사 김민지예요"',
    });
  });

  it('fails when nothing in the window matches', () => {
    expect(
      judge(KO_CALL, 'ko', {
        detector: 'phrases',
        anyOf: ['좋은 하루 보내세요'],
        window: { firstTurns: 3 },
      }),
    ).toEqual({
      result: 'fail',
      evidence: [],
      reason: 'no agent turn in the first 3 turns says a listed phrase',
    });
  });

  it('counts matching turns against min and max', () => {
    const auto = { detector: 'phrases', anyOf: ['감사합니다'] };
    // Turns 4, 5 and 10 thank the customer (기다려 주셔서 감사합니다 counts too).
    expect(judge(KO_CALL, 'ko', { ...auto, min: 4 })).toMatchObject({
      result: 'fail',
      reason: 'only 3 agent turns say a listed phrase (4 needed)',
    });
    expect(judge(KO_CALL, 'ko', { ...auto, max: 2 })).toEqual({
      result: 'fail',
      evidence: [4, 5, 10].map((i) => ev(KO_CALL, i, '감사합니다')),
      reason: '3 agent turns say a listed phrase (at most 2 allowed)',
    });
  });

  it('needs every allOf group somewhere in the window', () => {
    expect(
      judge(KO_CALL, 'ko', { detector: 'phrases', allOf: [['본인 확인'], ['생년월일']] }),
    ).toEqual({
      result: 'pass',
      evidence: [ev(KO_CALL, 2, '본인 확인')],
      reason: 'every required phrase group is said in agent turns',
    });
    expect(
      judge(KO_CALL, 'ko', {
        detector: 'phrases',
        anyOf: ['생년월일'],
        allOf: [['본인 확인'], ['주소', '전화번호']],
      }),
    ).toEqual({
      result: 'fail',
      evidence: [ev(KO_CALL, 2, '생년월일')],
      reason: 'no agent turn says a phrase of required group 2 ("주소", "전화번호")',
    });
  });

  it('looks at the customer when asked', () => {
    expect(
      judge(KO_CALL, 'ko', { detector: 'phrases', anyOf: ['결제일'], speaker: 'customer' }),
    ).toEqual({
      result: 'pass',
      evidence: [ev(KO_CALL, 1, '결제일')],
      reason: 'a customer turn says "결제일"',
    });
  });
});

describe('forbidden', () => {
  const rude = [
    turn('agent', 0, 3, '안녕하세요, 한빛카드입니다.'),
    turn('customer', 3.5, 6, '카드가 정지됐어요.'),
    turn('agent', 6.5, 10, '그건 제 담당이 아니라서요, 모르겠는데요.'),
    turn('customer', 10.5, 11, '네?'),
    turn('agent', 11.5, 14, '규정이라서요. 다른 부서에 문의하세요.'),
  ];
  const auto = { detector: 'forbidden', anyOf: ['모르겠는데요', '규정이라서요', '제 담당이 아니'] };

  it('quotes every offending turn, with the first phrase found in it', () => {
    expect(judge(rude, 'ko', auto)).toEqual({
      result: 'fail',
      evidence: [ev(rude, 2, '제 담당이 아니'), ev(rude, 4, '규정이라서요')],
      reason: '2 agent turns say a forbidden phrase',
    });
  });

  it('names the phrase when one turn offends, and passes a clean call', () => {
    expect(judge(rude, 'ko', { ...auto, window: { firstTurns: 3 } })).toMatchObject({
      result: 'fail',
      reason: 'an agent turn in the first 3 turns says the forbidden phrase "제 담당이 아니"',
    });
    expect(judge(KO_CALL, 'ko', auto)).toEqual({
      result: 'pass',
      evidence: [],
      reason: 'no agent turn says a forbidden phrase',
    });
  });
});

describe('sequence', () => {
  const steps = [
    { name: 'greet', anyOf: ['안녕하십니까'] },
    { name: 'verify', anyOf: ['생년월일'] },
    { name: 'resolve', anyOf: ['변경해 드렸습니다'] },
    { name: 'close', anyOf: ['좋은 하루 보내세요'] },
  ];

  it('passes when every step is found in order, one evidence entry per step', () => {
    expect(judge(KO_CALL, 'ko', { detector: 'sequence', steps })).toEqual({
      result: 'pass',
      evidence: [
        ev(KO_CALL, 0, '안녕하십니까'),
        ev(KO_CALL, 2, '생년월일'),
        ev(KO_CALL, 7, '변경해 드렸습니다'),
        ev(KO_CALL, 10, '좋은 하루 보내세요'),
      ],
      reason: 'all 4 steps are said in order',
    });
  });

  it('names the out-of-order step', () => {
    expect(
      judge(KO_CALL, 'ko', { detector: 'sequence', steps: [steps[1], steps[0], steps[2]] }),
    ).toEqual({
      result: 'fail',
      evidence: [ev(KO_CALL, 2, '생년월일'), ev(KO_CALL, 7, '변경해 드렸습니다')],
      reason: 'step "greet" comes before step "verify" (2 of 3 steps in order, 3 needed)',
    });
  });

  it('names the missing step, and passes with minSteps', () => {
    const withApology = [steps[0], { name: 'apologise', anyOf: ['죄송합니다'] }, steps[3]];
    expect(judge(KO_CALL, 'ko', { detector: 'sequence', steps: withApology })).toMatchObject({
      result: 'fail',
      reason: 'step "apologise" is missing (2 of 3 steps in order, 3 needed)',
    });
    expect(
      judge(KO_CALL, 'ko', { detector: 'sequence', steps: withApology, minSteps: 2 }),
    ).toMatchObject({
      result: 'pass',
      reason: 'step "apologise" is missing (2 of 3 steps in order, 2 needed)',
    });
  });

  it('orders two steps inside one turn by their position in the text', () => {
    const resolve = { name: 'resolve', anyOf: ['변경해 드렸습니다'] };
    const ask = { name: 'ask', anyOf: ['더 궁금하신 점'] };
    expect(judge(KO_CALL, 'ko', { detector: 'sequence', steps: [resolve, ask] })).toMatchObject({
      result: 'pass',
    });
    expect(judge(KO_CALL, 'ko', { detector: 'sequence', steps: [ask, resolve] })).toMatchObject({
      result: 'fail',
      reason: 'step "resolve" comes before step "ask" (1 of 2 steps in order, 2 needed)',
    });
  });
});

describe('interruptions', () => {
  it('counts agent turns that start ≥ 300 ms before the customer finished, not backchannels', () => {
    // Turn 2 (Uh-huh.) overlaps by 1.2 s but is a backchannel; turn 3 overlaps by 500 ms.
    expect(judge(EN_CALL, 'en', { detector: 'interruptions' })).toEqual({
      result: 'fail',
      evidence: [ev(EN_CALL, 3, 500)],
      reason: '1 agent turn starts 300 ms or more before the customer finished (at most 0 allowed)',
    });
  });

  it('excludes Korean backchannels (네, 네.) and honours max and overlapMs', () => {
    // Turn 7 starts 400 ms before the customer's turn 6 ends; turn 9 (네, 네.) is a backchannel.
    expect(judge(KO_CALL, 'ko', { detector: 'interruptions', max: 1 })).toEqual({
      result: 'pass',
      evidence: [ev(KO_CALL, 7, 400)],
      reason: '1 agent turn starts 300 ms or more before the customer finished (at most 1 allowed)',
    });
    expect(judge(KO_CALL, 'ko', { detector: 'interruptions', overlapMs: 500 })).toEqual({
      result: 'pass',
      evidence: [],
      reason: 'no agent turn starts 500 ms or more before the customer finished',
    });
    expect(judge(KO_CALL, 'ko', { detector: 'interruptions', backchannels: [] })).toMatchObject({
      result: 'fail',
      evidence: [ev(KO_CALL, 7, 400), ev(KO_CALL, 9, 1000)],
    });
  });

  it('is N/A on a chat of send times (messages without durations cannot overlap)', () => {
    const result = runAutoQa(
      { turns: EN_CALL.map((t) => ({ ...t, endMs: t.startMs })), channel: 'chat', language: 'en' },
      card('en', { detector: 'interruptions' }),
    );
    expect(result.criteria[0]).toMatchObject({
      key: 'c',
      result: 'na',
      evidence: [],
      reason: 'not measured on chat',
    });
  });

  it('is measured on a chat whose messages carry durations, as on a call', () => {
    const turns = [
      { speaker: 'customer' as const, startMs: 0, endMs: 6000, text: 'my order never came and' },
      { speaker: 'agent' as const, startMs: 4000, endMs: 9000, text: 'let me check that' },
    ];
    const result = runAutoQa(
      { turns, channel: 'chat', language: 'en' },
      card('en', { detector: 'interruptions' }),
    );
    expect(result.criteria[0]).toMatchObject({ result: 'fail' });
    expect(result.metrics.interruptions).toBe(1);
  });
});

describe('silence', () => {
  const hold = {
    detector: 'silence',
    announce: ['let me check', 'one moment'],
    thank: ['thanks for holding'],
  };

  it('passes when the 12 s gap was announced before and thanked after', () => {
    expect(judge(EN_CALL, 'en', hold)).toEqual({
      result: 'pass',
      evidence: [
        ev(EN_CALL, 3, 'let me check'),
        { ...ev(EN_CALL, 5, 12000), startMs: 18000 },
        ev(EN_CALL, 5, 'thanks for holding'),
      ],
      reason: 'the 12 s silence was announced and thanked',
    });
  });

  it('accepts Korean announcements of the same ending family (주시겠어요 ~ 주세요)', () => {
    expect(
      judge(KO_CALL, 'ko', {
        detector: 'silence',
        announce: ['잠시만 기다려 주시겠어요'],
        thank: ['기다려 주셔서 감사합니다'],
        mode: 'announced',
      }),
    ).toMatchObject({ result: 'pass', reason: 'the 13 s silence was announced and thanked' });
  });

  it('on a chat with message durations: a wait before an agent message is a hold, a slow customer is not', () => {
    const chat = (customerFirst: boolean) => [
      { speaker: 'agent' as const, startMs: 0, endMs: 3000, text: 'hello how can I help' },
      {
        speaker: 'customer' as const,
        startMs: customerFirst ? 20000 : 5000,
        endMs: 24000,
        text: 'my parcel is late',
      },
      {
        speaker: 'agent' as const,
        startMs: customerFirst ? 26000 : 40000,
        endMs: 30000,
        text: 'it arrives tomorrow',
      },
    ];
    const block = { ...hold, chatThresholdMs: 60000 };
    const run = (turns: ReturnType<typeof chat>) =>
      runAutoQa({ turns, channel: 'chat', language: 'en' }, card('en', block)).criteria[0];
    // 17 s of the customer typing: not the agent's hold.
    expect(run(chat(true))).toMatchObject({ result: 'na' });
    // 16 s before the agent's answer, nothing announced: an unannounced hold (8 s, as on a call).
    expect(run(chat(false))).toMatchObject({
      result: 'fail',
      reason: 'the 16 s silence at 0:24 was not announced',
    });
    // The same chat as send times only: the 60 s chat threshold applies, nothing that long.
    const points = chat(false).map((t) => ({ ...t, endMs: t.startMs }));
    expect(run(points)).toMatchObject({ result: 'na' });
  });

  it('fails an unannounced gap, and is N/A when no gap is over the threshold', () => {
    expect(judge(EN_CALL, 'en', { detector: 'silence', announce: ['please hold'] })).toEqual({
      result: 'fail',
      evidence: [{ ...ev(EN_CALL, 5, 12000), startMs: 18000 }],
      reason: 'the 12 s silence at 0:18 was not announced',
    });
    expect(judge(EN_CALL, 'en', { ...hold, thresholdMs: 15000 })).toEqual({
      result: 'na',
      evidence: [],
      reason: 'no silence of 15 s or more',
    });
    expect(judge(EN_CALL, 'en', { ...hold, thank: ['thank you for waiting'] })).toMatchObject({
      result: 'fail',
      reason: 'the 12 s silence at 0:18 was announced but not thanked',
    });
  });

  it('passes a call with no long silence when told to (`none: pass`, for "no dead air")', () => {
    expect(judge(EN_CALL, 'en', { ...hold, thresholdMs: 15000, none: 'pass' })).toEqual({
      result: 'pass',
      evidence: [],
      reason: 'no silence of 15 s or more',
    });
    expect(judge(EN_CALL, 'en', { ...hold, none: 'pass' })).toMatchObject({ result: 'pass' });
  });

  it('longest mode compares the longest gap with the threshold', () => {
    expect(judge(EN_CALL, 'en', { detector: 'silence', mode: 'longest' })).toEqual({
      result: 'fail',
      evidence: [{ ...ev(EN_CALL, 5, 12000), startMs: 18000 }],
      reason: 'the longest silence, 12 s, is over 10 s',
    });
    expect(judge(EN_CALL, 'en', { detector: 'silence', thresholdMs: 12000 })).toMatchObject({
      result: 'pass',
      reason: 'the longest silence, 12 s, is not over 12 s',
    });
  });
});

describe('talk_ratio', () => {
  it('measures agent / (agent + customer) talk time', () => {
    // Agent 21.9 s, customer 13 s: 62.8 %.
    expect(judge(EN_CALL, 'en', { detector: 'talk_ratio', maxAgentRatio: 0.6 })).toEqual({
      result: 'fail',
      evidence: [
        {
          turn: null,
          startMs: null,
          text: 'agent talk time 63% of agent and customer talk time',
          value: 0.628,
          unit: 'ratio',
          measure: { code: 'talkRatio' },
        },
      ],
      reason: 'the agent talked 63% of the time, above the 60% maximum',
    });
    expect(
      judge(EN_CALL, 'en', { detector: 'talk_ratio', minAgentRatio: 0.3, maxAgentRatio: 0.7 }),
    ).toMatchObject({ result: 'pass', reason: 'the agent talked 63% of the time, within bounds' });
    expect(judge(EN_CALL, 'en', { detector: 'talk_ratio', minAgentRatio: 0.65 })).toMatchObject({
      result: 'fail',
      reason: 'the agent talked 63% of the time, below the 65% minimum',
    });
  });
});

describe('count', () => {
  it('counts every occurrence, not turns', () => {
    expect(
      judge(EN_CALL, 'en', { detector: 'count', anyOf: ['sorry', 'apologize'], max: 1 }),
    ).toEqual({
      result: 'fail',
      evidence: [ev(EN_CALL, 3, 'sorry'), ev(EN_CALL, 7, 'sorry')],
      reason: 'listed phrases occur 2 times in agent turns (at most 1 allowed)',
    });
    const twice = [
      turn('agent', 0, 3, '죄송합니다, 정말 죄송해요.'),
      turn('customer', 3, 4, '네.'),
    ];
    expect(judge(twice, 'ko', { detector: 'count', anyOf: ['죄송합니다'], max: 2 })).toEqual({
      result: 'pass',
      evidence: [ev(twice, 0, '죄송합니다'), ev(twice, 0, '죄송합니다')],
      reason: 'listed phrases occur 2 times in agent turns (at most 2 allowed)',
    });
  });
});

describe('negativity', () => {
  const lexicon = ['짜증', '몇 번째', '답답', '최악'];
  const calmed = [
    turn('agent', 0, 2, '네, 한빛카드입니다.'),
    turn('customer', 2, 6, '아니 진짜 짜증나네요, 몇 번째 전화하는 건지.'),
    turn('agent', 6, 8, '많이 불편하셨죠, 죄송합니다.'),
    turn('customer', 8, 10, '너무 답답해요.'),
    turn('agent', 10, 14, '지금 바로 해결해 드리겠습니다.'),
    turn('customer', 14, 16, '네, 그렇게 해 주세요.'),
    turn('customer', 16, 17, '아 그렇군요.'),
    turn('agent', 17, 20, '처리되었습니다.'),
    turn('customer', 20, 22, '네 감사합니다.'),
    turn('customer', 22, 23, '좋은 하루 되세요.'),
  ];

  it('passes when the customer calmed down (start 10, middle 0, end 0)', () => {
    // Start third: 3 entries over 2 customer turns → 15, capped at 10.
    expect(judge(calmed, 'ko', { detector: 'negativity', lexicon })).toEqual({
      result: 'pass',
      evidence: [ev(calmed, 1, '짜증'), ev(calmed, 3, '답답')],
      reason: 'customer negativity fell from a peak of 10 to 0 by the end',
    });
  });

  it('with calm phrases: a grumble then "that is fair, thank you" ends calm; an outburst then thanks does not', () => {
    const block = {
      detector: 'negativity',
      lexicon: ['wrong', 'again'],
      strong: ['ridiculous', 'unacceptable'],
      calm: ['thank you', "that's fair"],
    };
    const call = (late: string) => [
      turn('agent', 0, 2, 'thanks for calling'),
      turn('customer', 2, 6, 'this is ridiculous, my bill is wrong again'),
      turn('agent', 6, 7, 'can I have your account number'),
      turn('customer', 7, 7.5, 'it is 4471 under Jo Reyes'),
      turn('agent', 7.5, 8, 'let me look at that'),
      turn('customer', 8, 10, late),
      turn('agent', 10, 12, 'I can offer a meter check'),
      turn('customer', 12, 14, "alright that's fair thank you"),
    ];
    expect(judge(call('you probably read it wrong'), 'en', block)).toMatchObject({
      result: 'pass',
    });
    expect(judge(call('honestly this is unacceptable'), 'en', block)).toMatchObject({
      result: 'fail',
    });
  });

  it('fails when the customer is still negative at the end, N/A when never negative', () => {
    const still = [...calmed.slice(0, 9), turn('customer', 22, 23, '진짜 최악이네요.')];
    // End third: 1 entry over 2 customer turns → 5.
    expect(judge(still, 'ko', { detector: 'negativity', lexicon })).toMatchObject({
      result: 'fail',
      reason: 'customer negativity was still 5 at the end (peak 10)',
    });
    expect(judge(KO_CALL, 'ko', { detector: 'negativity', lexicon })).toEqual({
      result: 'na',
      evidence: [],
      reason: 'customer negativity peaked at 0, under 2',
    });
  });

  it('uses the default lexicon of the language', () => {
    expect(judge(EN_CALL, 'en', { detector: 'negativity' })).toEqual({
      result: 'pass',
      evidence: [ev(EN_CALL, 1, 'ridiculous')],
      reason: 'customer negativity fell from a peak of 10 to 0 by the end',
    });
  });

  describe('giving up and relief (turn mode)', () => {
    const auto = {
      detector: 'negativity',
      minPeak: 5,
      lexicon: ['또 안', '하나도 안', 'seriously', 'not acceptable'],
      strong: ['말이 돼'],
      calm: ['감사', 'thanks'],
      resigned: ['re:^됐(어요|고)', 'whatever', 'we will see'],
      relief: ['다행', 'relief'],
      admitted: ['re:소리질러서[가-힣]{0,4}(미안|죄송)', 'sorry i was short'],
    };
    const call = (language: 'ko' | 'en', ...customer: string[]) =>
      customer.flatMap((text, i) => [
        turn('agent', i * 10, i * 10 + 3, language === 'ko' ? '네 고객님' : 'okay'),
        turn('customer', i * 10 + 4, i * 10 + 8, text),
      ]);

    it('one grumble that ends in giving up: upset and still upset (fail)', () => {
      const r = judge(call('en', 'it is not acceptable at all', 'okay', 'we will see'), 'en', auto);
      expect(r).toMatchObject({
        result: 'fail',
        reason: 'customer negativity was still 5 at the end (peak 5)',
      });
    });

    it('grumbles, then three turns with nothing negative: calmer by the end (pass); an outburst needs a calm word', () => {
      const grumbled = judge(
        call(
          'en',
          'seriously the app is not acceptable',
          'seriously',
          'okay',
          'the 9th works',
          'bye',
        ),
        'en',
        auto,
      );
      expect(grumbled).toMatchObject({
        result: 'pass',
        reason: 'customer negativity fell from a peak of 5 to 0 by the end',
      });
      const outburst = judge(
        call('ko', '이게 말이 돼요 진짜', '네', '9일이요', '네 알겠어요'),
        'ko',
        auto,
      );
      expect(outburst).toMatchObject({ result: 'fail' });
    });

    it('one grumble that ends in relief: upset and calmer (pass)', () => {
      const r = judge(
        call('ko', '보일러가 또 안 돌아가요', '네', '아 그럼 다행이네요'),
        'ko',
        auto,
      );
      expect(r).toMatchObject({
        result: 'pass',
        reason: 'customer negativity fell from a peak of 5 to 0 by the end',
      });
    });

    it('one grumble with a plain thank-you at the end is not enough to call the customer upset (N/A)', () => {
      const r = judge(call('ko', '보일러가 또 안 돌아가요', '네', '네 감사합니다'), 'ko', auto);
      expect(r.result).toBe('na');
    });

    it('"그럼 됐어요" (satisfied) is not giving up; "됐어요" at the start of a turn is', () => {
      const satisfied = judge(
        call('ko', '이게 말이 돼요', '네', '네', '네 그럼 됐어요 감사합니다'),
        'ko',
        auto,
      );
      expect(satisfied.result).toBe('pass');
      const gaveUp = judge(
        call('ko', '이게 말이 돼요', '네', '네', '됐어요 그냥 끊을게요'),
        'ko',
        auto,
      );
      expect(gaveUp.result).toBe('fail');
    });

    it('giving up with a polite goodbye in the same turn is still giving up (fail)', () => {
      const r = judge(call('ko', '이게 말이 돼요', '네', '네', '됐어요 뭐 감사합니다'), 'ko', auto);
      expect(r.result).toBe('fail');
      const en = judge(call('en', 'seriously', 'not acceptable', 'whatever thanks'), 'en', auto);
      expect(en.result).toBe('fail');
    });

    it('a customer who apologises for earlier anger was upset, and is calmer by saying so (pass)', () => {
      // Without the apology the calm call would be N/A: nothing negative was caught.
      expect(judge(call('ko', '네 예약 변경이요', '네', '네 감사합니다'), 'ko', auto).result).toBe(
        'na',
      );
      const ko = judge(
        call('ko', '네 예약 변경이요', '네', '아까 소리 질러서 미안해요 감사합니다'),
        'ko',
        auto,
      );
      expect(ko).toMatchObject({
        result: 'pass',
        reason: 'customer negativity fell from a peak of 5 to 0 by the end',
      });
      const en = judge(call('en', 'seriously', 'okay', 'sorry i was short with you'), 'en', auto);
      expect(en.result).toBe('pass');
      // Still angry after the apology: not calmer.
      const still = judge(
        call('en', 'seriously', 'sorry i was short with you', 'it is not acceptable seriously'),
        'en',
        auto,
      );
      expect(still.result).toBe('fail');
    });

    it('grumbles in two turns make an upset customer even with no strong word', () => {
      const r = judge(call('en', 'seriously', 'it is not acceptable', 'okay thanks'), 'en', auto);
      expect(r.result).toBe('pass');
      expect(judge(call('en', 'seriously', 'okay thanks'), 'en', auto).result).toBe('na');
    });
  });
});

describe('notes', () => {
  const auto = {
    detector: 'notes',
    purpose: ['문의', '요청'],
    status: ['확인'],
    outcome: ['완료', '안내'],
    vague: ['처리함'],
    judgemental: ['진상', '무례'],
  };
  const notesOf = (notes: string | null) => judge(KO_CALL, 'ko', auto, { notes });

  it('passes specific notes and quotes them', () => {
    const notes = '결제일 변경 문의. 본인 확인 후 25일로 변경 완료.';
    expect(notesOf(notes)).toEqual({
      result: 'pass',
      evidence: [{ turn: null, startMs: null, text: notes, value: '문의, 확인, 완료' }],
      reason:
        'the notes state the purpose, status and outcome, with no vague or judgemental phrase',
    });
  });

  it('fails missing, short, incomplete, vague and judgemental notes', () => {
    expect(notesOf(null)).toEqual({
      result: 'fail',
      evidence: [],
      reason: 'there are no after-call notes',
    });
    expect(notesOf('문의 완료')).toEqual({
      result: 'fail',
      evidence: [{ turn: null, startMs: null, text: '문의 완료', value: 5 }],
      reason: 'the notes are 5 characters long, under the minimum of 15',
    });
    expect(notesOf('결제일 변경 문의가 있어 안내를 드렸음')).toMatchObject({
      result: 'fail',
      reason: 'the notes do not state the status',
    });
    expect(notesOf('결제일 문의, 본인 확인 후 처리함. 완료.')).toMatchObject({
      result: 'fail',
      evidence: [{ value: '처리함' }],
      reason: 'the notes use the vague phrase "처리함"',
    });
    expect(notesOf('진상 고객 결제일 문의, 확인 후 변경 완료')).toMatchObject({
      result: 'fail',
      reason: 'the notes use the judgemental phrase "진상"',
    });
  });
});

describe('evidence a person can read', () => {
  it('quotes the words a `re:` pattern matched, never the pattern, in evidence and reasons', () => {
    const calls = [
      {
        speaker: 'agent' as const,
        startMs: 0,
        endMs: 3000,
        text: '본인 확인을 위해 성함을 말씀해 주세요.',
      },
      { speaker: 'customer' as const, startMs: 3200, endMs: 5000, text: '홍길동입니다.' },
    ];
    const hit = judge(calls, 'ko', { detector: 'phrases', anyOf: ['re:본인(확인|인증)'] });
    expect(hit.result).toBe('pass');
    expect(hit.evidence[0].value).toBe('본인확인');
    expect(hit.reason).not.toContain('re:');
    const miss = judge(calls, 'ko', {
      detector: 'phrases',
      allOf: [['re:생년월일(을)?'], ['성함']],
    });
    expect(miss.result).toBe('fail');
    expect(miss.reason).toContain('a listed pattern');
    expect(miss.reason).not.toContain('re:');
  });
});

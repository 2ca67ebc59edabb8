/**
 * Calls that are not what a scorecard expects: empty, one speaker only, three hours long, in the
 * other language, or mixing Korean and English. The engine must answer every criterion of the
 * shipped voice scorecards (pass / fail / na with a reason), never throw, stay fast, and never
 * pass a criterion there is nothing to judge it on.
 */
import * as path from 'path';
import type { AutoQaResult, CriterionResult } from '../../../src/autoqa/autoqa.types';
import { NO_AGENT_TURNS, runAutoQa } from '../../../src/autoqa/engine';
import { autoQaInput, type CallFacts } from '../../../src/autoqa/input';
import { loadScorecardFile } from '../../../src/cli/score-command';
import type { ScorecardDefinition } from '../../../src/scorecards/scorecard-definition';
import type { TranscriptTurn } from '../../../src/transcripts/transcript';
import { turn } from './support';

const SCORECARDS = path.resolve(__dirname, '..', '..', '..', 'scorecards');
const VOICE_KO = loadScorecardFile(SCORECARDS, 'voice-ko');
const VOICE_EN = loadScorecardFile(SCORECARDS, 'voice-en');
const CARDS: [string, ScorecardDefinition][] = [
  ['voice-ko', VOICE_KO],
  ['voice-en', VOICE_EN],
];

const KO_NAMES = { agentName: '윤서진', companyNames: ['세움모바일'] };
const EN_NAMES = { agentName: 'Priya Shah', companyNames: ['Northwind Energy'] };

/** Criteria that pass only on something the agent said: never a pass without it. */
const SAID = ['greeting', 'empathy', 'summary', 'anything_else', 'closing'];

function run(
  card: ScorecardDefinition,
  turns: TranscriptTurn[],
  facts: Partial<CallFacts> = {},
): AutoQaResult {
  return runAutoQa(
    autoQaInput({ turns, channel: 'voice', language: card.language, ...facts }),
    card,
  );
}

/** The keys of the criteria with an `auto` block, in scorecard order. */
function autoKeys(card: ScorecardDefinition): string[] {
  return card.sections
    .flatMap((s) => s.criteria.filter((c) => c.auto !== undefined))
    .map((c) => c.key);
}

/** Every auto criterion answered, in order, with a result, a reason and a sane confidence. */
function expectEveryCriterionAnswered(result: AutoQaResult, card: ScorecardDefinition): void {
  expect(result.criteria.map((c) => c.key)).toEqual(autoKeys(card));
  for (const c of result.criteria) {
    expect({ key: c.key, ok: ['pass', 'fail', 'na'].includes(c.result) }).toEqual({
      key: c.key,
      ok: true,
    });
    expect({ key: c.key, reason: c.reason.trim() === '' ? '(empty)' : 'given' }).toEqual({
      key: c.key,
      reason: 'given',
    });
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
    expect(typeof c.needsReview).toBe('boolean');
  }
}

function byKey(result: AutoQaResult): Record<string, CriterionResult> {
  return Object.fromEntries(result.criteria.map((c) => [c.key, c]));
}

function resultsOf(result: AutoQaResult, keys: string[]): Record<string, string> {
  const c = byKey(result);
  return Object.fromEntries(keys.map((k) => [k, c[k].result]));
}

/** The keys among `keys` that passed. */
function passed(result: AutoQaResult, keys: string[]): string[] {
  const c = byKey(result);
  return keys.filter((k) => c[k].result === 'pass');
}

// ---------------------------------------------------------------------------------------------

describe.each(CARDS)('%s: nothing the agent said', (_key, card) => {
  it('answers N/A, for a person to review, on an empty transcript', () => {
    const result = run(card, []);
    expectEveryCriterionAnswered(result, card);
    for (const c of result.criteria) {
      expect(c).toEqual({
        key: c.key,
        result: 'na',
        evidence: [],
        reason: NO_AGENT_TURNS,
        reasonCode: 'noAgentTurns',
        reasonParams: {},
        confidence: 0.3,
        needsReview: true,
      });
    }
    expect(result.metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 0,
      unannouncedSilences: 0,
      agentTalkRatio: null,
      apologies: 0,
      customerNegativity: { start: 0, peak: 0, end: 0 },
    });
  });

  it('answers N/A, for review, when only the customer (and the IVR) speak', () => {
    const turns =
      card.language === 'ko'
        ? [
            turn(
              'system',
              0,
              4,
              '세움모바일 에 전화 주셔서 감사합니다 상담사 를 연결 해 드리겠습니다',
            ),
            turn('customer', 20, 24, '여보세요 여보세요'),
            turn('customer', 35, 40, '아 진짜 짜증나네 왜 아무도 안 받아'),
            turn('customer', 52, 55, '감사합니다 안녕히 계세요'),
          ]
        : [
            turn('system', 0, 4, 'thank you for calling northwind energy please hold'),
            turn('customer', 20, 24, 'hello hello'),
            turn('customer', 35, 40, 'this is ridiculous is anyone there'),
            turn('customer', 52, 55, 'thanks bye'),
          ];
    const result = run(card, turns, card.language === 'ko' ? KO_NAMES : EN_NAMES);
    expectEveryCriterionAnswered(result, card);
    // Greeting and closing words from the IVR and the customer are not the agent's.
    expect(passed(result, autoKeys(card))).toEqual([]);
    for (const c of result.criteria) {
      expect(c).toMatchObject({ result: 'na', reason: NO_AGENT_TURNS, needsReview: true });
    }
    // The metrics are still measured.
    expect(result.metrics.agentTalkRatio).toBe(0);
    expect(result.metrics.longestSilenceMs).toBe(16000);
  });

  it('answers N/A for review even with after-call notes', () => {
    const result = run(card, [turn('customer', 0, 3, '...')], {
      notes: '2026-10-21 고객 무응답, 통화 종료. Customer did not answer, call closed.',
    });
    expectEveryCriterionAnswered(result, card);
    expect(byKey(result).notes_quality).toMatchObject({ result: 'na', needsReview: true });
  });
});

describe.each(CARDS)(
  '%s: only the agent speaks (the customer never comes on the line)',
  (_k, card) => {
    const turns =
      card.language === 'ko'
        ? [
            turn('agent', 0, 4, '네 안녕하십니까 세움모바일 상담사 윤서진 입니다'),
            turn('agent', 6, 7, '여보세요'),
            turn('agent', 10, 12, '여보세요 고객님'),
            turn('agent', 15, 17, '고객님 제 목소리 들리세요'),
            turn('agent', 20, 21, '여보세요'),
            turn('agent', 24, 28, '응답이 없으셔서 통화 를 종료 하겠습니다'),
          ]
        : [
            turn('agent', 0, 4, 'hi northwind energy this is priya how can i help'),
            turn('agent', 6, 7, 'hello'),
            turn('agent', 10, 12, 'hello can you hear me'),
            turn('agent', 15, 17, 'hello are you there'),
            turn('agent', 20, 21, 'hello'),
            turn('agent', 24, 28, "i can't hear anything so i'm going to end the call now"),
          ];

    it('answers every criterion without passing what needs a conversation', () => {
      const result = run(card, turns, card.language === 'ko' ? KO_NAMES : EN_NAMES);
      expectEveryCriterionAnswered(result, card);
      // The agent did greet properly: that is literally judgeable.
      expect(byKey(result).greeting.result).toBe('pass');
      // Nothing recapped, no question asked, no farewell, no feeling acknowledged.
      expect(
        passed(
          result,
          SAID.filter((k) => k !== 'greeting'),
        ),
      ).toEqual([]);
      // No account, complaint or anger to react to.
      expect(
        resultsOf(result, ['identity_verification', 'thanks_for_feedback', 'deescalation']),
      ).toEqual({
        identity_verification: 'na',
        thanks_for_feedback: 'na',
        deescalation: 'na',
      });
      // Nothing was asked for, so nothing was refused: no options to have offered. (voice-en
      // answers fail, reading "i can't hear anything" as a refusal; the guide's answer is N/A.)
      expect(byKey(result).options_offered.result).not.toBe('pass');
      expect(result.metrics).toMatchObject({ agentTalkRatio: 1, interruptions: 0 });
    });
  },
);

// ---------------------------------------------------------------------------------------------

/** A three-hour STT call of `n` turns: opening, a long troubleshooting loop with announced and
 * thanked 12 s look-ups every 100 turns, and a proper closing. */
function threeHourCall(language: 'ko' | 'en', n: number): TranscriptTurn[] {
  const ko = language === 'ko';
  const opening = ko
    ? [
        '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다',
        '네 저 인터넷 이 계속 끊겨서요 어 벌써 세번째 전화 예요',
        '아 많이 불편 하셨겠어요 본인 확인 을 위해 명의자 분 성함 하고 생년월일 말씀 부탁 드려요',
        '박정호 팔칠 공삼 일오 요',
      ]
    : [
        'hi thanks for calling northwind energy this is priya how can i help',
        'hi um my smart meter keeps dropping off and this is the third time im calling',
        "oh no i'm sorry to hear that can i take your full name and date of birth please",
        'daniel okafor nineteen eighty four oh three one two',
      ];
  const loop = ko
    ? [
        ['네 그럼 공유기 전원 을 한번 껐다 켜 주시겠어요', '네 껐다 켰어요 음 불이 깜빡 거리네요'],
        ['네 지금 신호 세기 가 어떻게 나오는지 말씀 해 주세요', '어 막대 가 두개 요'],
        ['네 그 랜선 이 제대로 꽂혀 있는지 봐 주시겠어요', '네 네 꽂혀 있어요'],
      ]
    : [
        [
          'ok could you unplug the hub for ten seconds and plug it back in',
          'ok done uh the light is blinking',
        ],
        ['right what does the display say now', 'it says err oh four one'],
        ['ok and is the cable still in the back', 'yeah yeah it is'],
      ];
  const ask = ko ? '네 확인 해 볼게요 잠시만 기다려 주세요' : 'let me check that one moment please';
  const thank = ko ? '기다려 주셔서 감사 합니다' : 'thanks for waiting';
  const closing = ko
    ? [
        '네 정리 해 드리면 오늘 기사님 방문 접수 해 드렸고 내일 오전 에 연락 드릴 거예요 더 궁금 하신 점 있으실까요',
        '아니요 없어요 감사합니다',
        '네 전화 주셔서 감사 합니다 좋은 하루 보내세요',
        '네 수고 하세요',
      ]
    : [
        "so to recap i've booked an engineer for tomorrow morning is there anything else i can help with",
        "no that's all thanks",
        'thanks for calling have a good evening',
        'you too bye',
      ];

  const turns: TranscriptTurn[] = [];
  let at = 0;
  const say = (speaker: 'agent' | 'customer', text: string, seconds = 4) => {
    turns.push(turn(speaker, at, at + seconds, text));
    at += seconds + 0.5;
  };
  opening.forEach((text, i) => say(i % 2 === 0 ? 'agent' : 'customer', text));
  for (let i = 0; turns.length < n - closing.length; i++) {
    if (i % 50 === 49) {
      say('agent', ask);
      at += 11.5; // a 12 s look-up
      say('agent', thank);
      continue;
    }
    const [agent, customer] = loop[i % loop.length];
    say('agent', agent);
    say('customer', customer);
  }
  closing.forEach((text, i) => say(i % 2 === 0 ? 'agent' : 'customer', text));
  return turns;
}

describe.each(CARDS)('%s: a three-hour call', (_key, card) => {
  const language = card.language as 'ko' | 'en';
  const turns = threeHourCall(language, 2400);

  it('is a three-hour call of 2,400 turns', () => {
    expect(turns).toHaveLength(2400);
    expect(turns[turns.length - 1].endMs).toBeGreaterThanOrEqual(3 * 3600 * 1000);
  });

  it('answers every criterion (its speed is measured in bench/autoqa)', () => {
    const facts = language === 'ko' ? KO_NAMES : EN_NAMES;
    const result = run(card, turns, facts);
    expectEveryCriterionAnswered(result, card);
    expect(
      resultsOf(result, ['greeting', 'identity_verification', 'hold_etiquette', 'closing']),
    ).toEqual({
      greeting: 'pass',
      identity_verification: 'pass',
      hold_etiquette: 'pass',
      closing: 'pass',
    });
    expect(byKey(result).hold_etiquette.reason).toMatch(
      /^all \d+ silences over 8 s were announced and thanked$/,
    );
    expect(result.metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 12000,
      unannouncedSilences: 0,
    });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------

const EN_CALL = [
  turn('agent', 0, 5, 'hi thanks for calling northwind energy my name is priya how can i help'),
  turn('customer', 5.5, 10, 'hi my bill is wrong and honestly its ridiculous'),
  turn('agent', 10.5, 15, "i'm so sorry to hear that can i take your full name and date of birth"),
  turn('customer', 15.5, 19, 'daniel okafor twelve march eighty four'),
  turn('agent', 19.5, 23, 'thanks one moment'),
  turn('agent', 35, 41, "thanks for holding so i've corrected it is there anything else"),
  turn('customer', 41.5, 43, 'no thanks'),
  turn('agent', 43.5, 46, 'thanks for calling bye'),
];

const KO_CALL = [
  turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
  turn('customer', 5.5, 11, '저 요금이 너무 많이 나와서 진짜 어이가 없네요'),
  turn(
    'agent',
    11.5,
    17,
    '많이 답답 하셨겠어요 본인 확인 을 위해 성함 하고 생년월일 말씀 해 주세요',
  ),
  turn('customer', 17.5, 20, '박정호 팔칠 공삼 일오'),
  turn('agent', 20.5, 23, '네 조회 해 보겠습니다 잠시만요'),
  turn(
    'agent',
    35,
    41,
    '기다려 주셔서 감사 합니다 환불 처리 해 드렸고요 더 궁금 하신 점 있으실까요',
  ),
  turn('customer', 41.5, 43, '없어요 감사합니다'),
  turn('agent', 43.5, 46, '네 전화 주셔서 감사합니다'),
];

describe('a call in the other language than the scorecard', () => {
  it.each([
    ['an English call on voice-ko', VOICE_KO, EN_CALL, 'en', EN_NAMES],
    ['an English call labelled ko on voice-ko', VOICE_KO, EN_CALL, 'ko', EN_NAMES],
    ['a Korean call on voice-en', VOICE_EN, KO_CALL, 'ko', KO_NAMES],
    ['a Korean call labelled en on voice-en', VOICE_EN, KO_CALL, 'en', KO_NAMES],
  ])(
    '%s: answers everything and passes nothing it cannot read',
    (_n, card, turns, language, names) => {
      const result = run(card, turns, { ...names, language });
      expectEveryCriterionAnswered(result, card);
      // The scorecard's phrases are in another language: none of them can have been said.
      expect(passed(result, [...SAID, 'identity_verification', 'hold_etiquette'])).toEqual([]);
      // Timing does not depend on the language.
      expect(result.metrics.longestSilenceMs).toBe(12000);
      // Every answer is a best guess for a person to check, and says why.
      for (const c of result.criteria) {
        expect({ key: c.key, review: c.needsReview }).toEqual({ key: c.key, review: true });
        expect(c.reason).toMatch(/^the agent speaks (English|Korean) but the scorecard is/);
      }
    },
  );

  it('still scores each call on its own scorecard (the calls above are good calls)', () => {
    const keys = [
      ...SAID.filter((k) => k !== 'summary'),
      'identity_verification',
      'hold_etiquette',
    ];
    const all = Object.fromEntries(keys.map((k) => [k, 'pass']));
    expect(resultsOf(run(VOICE_KO, KO_CALL, KO_NAMES), keys)).toEqual(all);
    expect(resultsOf(run(VOICE_EN, EN_CALL, EN_NAMES), keys)).toEqual(all);
  });
});

describe('a call mixing Korean and English turns', () => {
  const MIXED = [
    turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
    turn('customer', 5.5, 9, 'hello do you speak english'),
    turn('agent', 9.5, 13, 'yes a little 네 영어 로 도와 드릴게요 what is the problem'),
    turn('customer', 13.5, 19, 'my roaming bill is too high i am really frustrated'),
    turn(
      'agent',
      19.5,
      24,
      'oh 많이 불편 하셨겠어요 sorry 성함 하고 생년월일 please your name and date of birth',
    ),
    turn('customer', 24.5, 28, 'john smith nineteen eighty one oh one'),
    turn('agent', 28.5, 31, 'ok 잠시만요 one moment'),
    turn(
      'agent',
      42,
      47,
      'thank you for waiting 기다려 주셔서 감사합니다 roaming refund 처리 해 드렸어요',
    ),
    turn('customer', 47.5, 49, 'thank you so much'),
    turn('agent', 49.5, 53, '네 anything else 더 궁금 하신 점 있으실까요'),
    turn('customer', 53.5, 54.5, 'no thanks bye'),
    turn('agent', 55, 58, '네 전화 주셔서 감사 합니다 thank you bye'),
  ];

  it('judges the Korean parts on voice-ko', () => {
    const result = run(VOICE_KO, MIXED, KO_NAMES);
    expectEveryCriterionAnswered(result, VOICE_KO);
    // Mostly Korean: no language warning.
    expect(result.criteria.some((c) => c.reason.startsWith('the agent speaks'))).toBe(false);
    expect(
      resultsOf(result, [
        'greeting',
        'identity_verification',
        'empathy',
        'hold_etiquette',
        'anything_else',
        'closing',
        'no_interruptions',
        'options_offered',
      ]),
    ).toEqual({
      greeting: 'pass',
      identity_verification: 'pass',
      empathy: 'pass',
      hold_etiquette: 'pass',
      anything_else: 'pass',
      closing: 'pass',
      no_interruptions: 'pass',
      options_offered: 'na',
    });
  });

  it('answers every criterion on voice-en, with the call labelled either way', () => {
    for (const language of ['ko', 'en']) {
      const result = run(VOICE_EN, MIXED, { ...KO_NAMES, language });
      expectEveryCriterionAnswered(result, VOICE_EN);
      // The English half: asked to hold ("one moment") and thanked ("thank you for waiting").
      expect(byKey(result).hold_etiquette.result).toBe('pass');
    }
  });
});

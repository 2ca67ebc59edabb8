/**
 * The shipped voice-ko / voice-en scorecards on calls written the way speech-to-text writes them:
 * no punctuation, lower case, fillers (음, 어, 그, um, uh), spacing errors (감사 합니다, 세움 모바일),
 * spoken numbers (팔칠 공삼 일오, oh three one two) and short backchannels overlapping the other
 * speaker. Each test checks what a QA lead following the QA guide (test/fixtures/autoqa-corpus/QA-GUIDE.md) would answer.
 */
import * as path from 'path';
import type { AutoQaMetrics, CriterionResult } from '../../../src/autoqa/autoqa.types';
import { runAutoQa } from '../../../src/autoqa/engine';
import { autoQaInput, type CallFacts } from '../../../src/autoqa/input';
import { loadScorecardFile } from '../../../src/cli/score-command';
import type { ScorecardDefinition } from '../../../src/scorecards/scorecard-definition';
import type { TranscriptTurn } from '../../../src/transcripts/transcript';
import { turn } from './support';

const SCORECARDS = path.resolve(__dirname, '..', '..', '..', 'scorecards');
const VOICE_KO = loadScorecardFile(SCORECARDS, 'voice-ko');
const VOICE_EN = loadScorecardFile(SCORECARDS, 'voice-en');

/** What the product knows about the call: the agent record and the installation's company. */
const KNOWN: Record<'ko' | 'en', Partial<CallFacts>> = {
  ko: { agentName: '윤서진', companyNames: ['세움모바일'] },
  en: { agentName: 'Priya Shah', companyNames: ['Northwind Energy'] },
};

interface Scored {
  c: Record<string, CriterionResult>;
  metrics: AutoQaMetrics;
}

function score(
  card: ScorecardDefinition,
  turns: TranscriptTurn[],
  facts: Partial<CallFacts> = {},
): Scored {
  const language = card.language as 'ko' | 'en';
  const { criteria, metrics } = runAutoQa(
    autoQaInput({ turns, channel: 'voice', language, ...KNOWN[language], ...facts }),
    card,
  );
  return { c: Object.fromEntries(criteria.map((r) => [r.key, r])), metrics };
}

/** key → result for the given keys. */
function results(scored: Scored, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, scored.c[k].result]));
}

// ---------------------------------------------------------------------------------------------
// Korean

/** A roaming-charge call, as STT writes it. */
const KO_CALL = [
  turn('agent', 0, 5, '네 안녕하십니까 음 세움 모바일 상담사 윤서진 입니다 무엇을 도와 드릴까요'),
  turn('customer', 5.5, 11, '아 네 그 제가 이번달 요금이 좀 이상하게 나와서 너무 답답해서요'),
  // A backchannel 200 ms before the customer finished: under the 300 ms line.
  turn('agent', 10.8, 11.2, '네'),
  turn(
    'agent',
    11.5,
    17,
    '아 많이 답답 하셨겠어요 요금 내역 확인 도와 드리겠습니다 먼저 본인 확인을 위해 명의자 분 성함 하고 생년월일 말씀 부탁 드립니다',
  ),
  turn('customer', 17.5, 21, '네 박정호 구요 팔칠 공삼 일오 요'),
  turn(
    'agent',
    21.5,
    25,
    '네 확인 감사 합니다 요금 내역 조회 해 보겠습니다 잠시만 기다려 주시겠습니까',
  ),
  // The customer's backchannel overlapping the agent: not the agent's interruption.
  turn('customer', 24.8, 25.6, '네네'),
  // 11.4 s look-up.
  turn(
    'agent',
    37,
    43,
    '네 고객님 기다려 주셔서 감사 합니다 확인 해보니까 해외 로밍 요금이 청구가 되셨어요',
  ),
  turn('customer', 43.5, 46, '아 그렇구나 알겠습니다'),
  turn(
    'agent',
    46.5,
    52,
    '네 그럼 오늘 로밍 차단 신청 해 드렸고요 다음달 부터 적용 됩니다 혹시 더 궁금 하신 점 있으실까요',
  ),
  turn('customer', 52.5, 54, '없어요 감사합니다'),
  turn('agent', 54.5, 58, '네 전화 주셔서 감사 합니다 좋은 하루 보내세요'),
];

/** KO_CALL with turn `i` replaced. */
function koWith(i: number, text: string): TranscriptTurn[] {
  return KO_CALL.map((t, k) => (k === i ? { ...t, text } : t));
}

describe('voice-ko on STT-style calls', () => {
  it('scores a good call the way the QA guide does', () => {
    const scored = score(VOICE_KO, KO_CALL);
    expect(
      results(scored, [
        'greeting',
        'identity_verification',
        'empathy',
        'hold_etiquette',
        'summary',
        'anything_else',
        'closing',
        'no_interruptions',
        'no_dead_air',
        'no_over_apology',
        'positive_language',
        'no_rude_language',
        'options_offered',
        'no_escape',
      ]),
    ).toEqual({
      greeting: 'pass',
      identity_verification: 'pass',
      empathy: 'pass',
      hold_etiquette: 'pass',
      summary: 'pass',
      anything_else: 'pass',
      closing: 'pass',
      no_interruptions: 'pass',
      no_dead_air: 'pass',
      no_over_apology: 'pass',
      positive_language: 'pass',
      no_rude_language: 'pass',
      // Nothing was refused: no alternatives were needed.
      options_offered: 'na',
      no_escape: 'pass',
    });
    expect(scored.c.hold_etiquette.reason).toBe('the 11.4 s silence was announced and thanked');
    expect(scored.c.hold_etiquette.evidence.map((e) => e.turn)).toEqual([5, 7, 7]);
    expect(scored.c.greeting.evidence[0].turn).toBe(0);
    expect(scored.metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 11400,
      unannouncedSilences: 0,
      apologies: 0,
    });
  });

  describe('greeting: greets, names the known company and gives the own name', () => {
    const greet = (text: string) =>
      score(VOICE_KO, [turn('agent', 0, 5, text), ...KO_CALL.slice(1)]).c.greeting;

    it('passes with the agent and company names from the input, however STT spaces them', () => {
      // No 상담사 / 입니다 around the name: only the agent record says 윤서진 is a name.
      expect(greet('네 안녕 하세요 세움 모바일 윤서진 상담 도와 드리겠습니다').result).toBe('pass');
    });

    it('fails when the company said is not the known one', () => {
      expect(greet('네 안녕하세요 한빛카드 상담사 윤서진 입니다')).toMatchObject({
        result: 'fail',
        reason: expect.stringContaining('group 2') as string,
      });
    });

    it('fails when the agent does not give their own name', () => {
      expect(greet('네 안녕하세요 세움모바일 입니다 무엇을 도와드릴까요')).toMatchObject({
        result: 'fail',
        reason: expect.stringContaining('group 3') as string,
      });
    });
  });

  describe('identity verification', () => {
    it('fails when the account is read out before the name and birthdate are asked', () => {
      const scored = score(VOICE_KO, [
        turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
        turn('customer', 5.5, 11, '네 저 이번달 요금 이 좀 많이 나왔는데 왜 그런지 알고 싶어서요'),
        turn('agent', 11.5, 17, '네 조회 해 보니까 이번 달 요금이 팔만 칠천 원 청구 되셨네요'),
        turn('customer', 17.5, 20, '아 그래요'),
        turn('agent', 20.5, 25, '네 혹시 명의자 분 성함 하고 생년월일 말씀 해 주시겠어요'),
        turn('customer', 25.5, 28, '박정호 팔칠 공삼 일오'),
        turn('agent', 28.5, 31, '네 소액 결제 차단 해 드렸습니다 감사합니다'),
      ]);
      expect(scored.c.identity_verification.result).toBe('fail');
      expect(scored.c.identity_verification.reason).toContain('before turn 2');
    });

    it('is N/A for a general enquiry that needs no account', () => {
      const scored = score(VOICE_KO, [
        turn('agent', 0, 5, '안녕 하세요 세움모바일 윤서진 입니다'),
        turn('customer', 5.5, 11, '네 저 매장 영업 시간 이 어떻게 되나요'),
        turn('agent', 11.5, 17, '아 네 매장 은 평일 아홉시 부터 여섯시 까지 운영 합니다'),
        turn('customer', 17.5, 20, '아 네 감사합니다'),
        turn('agent', 20.5, 24, '네 더 궁금 하신 건 없으세요'),
        turn('customer', 24.5, 25.5, '네 없어요'),
        turn('agent', 26, 29, '네 전화 주셔서 감사 합니다 세움모바일 윤서진 이었습니다'),
      ]);
      expect(results(scored, ['identity_verification', 'anything_else', 'closing'])).toEqual({
        identity_verification: 'na',
        anything_else: 'pass',
        closing: 'pass',
      });
    });
  });

  describe('hold etiquette: a look-up pause of 8 s or more is announced and thanked', () => {
    /** Verification, then `before`, a pause of `gapS` after the customer's 네, then `after`. */
    function holdCall(before: string, after: string, gapS: number): TranscriptTurn[] {
      const back = 22.4 + gapS;
      return [
        turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
        turn('customer', 5.5, 9, '네 저 이번달 요금 이 좀 많이 나와서요'),
        turn(
          'agent',
          9.5,
          14,
          '네 고객님 본인 확인 먼저 도와 드리겠습니다 명의자 분 성함 하고 생년 월일 말씀 부탁 드려요',
        ),
        turn('customer', 14.5, 18, '박정호 요 팔칠 공삼 일오'),
        turn('agent', 18.5, 22, before),
        turn('customer', 22.1, 22.4, '네'),
        turn('agent', back, back + 6, after),
        turn('customer', back + 6.5, back + 8, '아 네'),
        turn('agent', back + 8.5, back + 12, '네 그럼 조정 해 드렸고요 더 궁금 하신 점 있으실까요'),
        turn('customer', back + 12.5, back + 14, '없어요'),
        turn('agent', back + 14.5, back + 17, '네 감사 합니다 좋은 하루 되세요'),
      ];
    }
    const ASK = '네 확인 감사 합니다 요금 내역 조회 해 볼게요 잠시만요';
    const THANK = '기다려 주셔서 감사 합니다 확인 해 보니까 소액 결제가 있었네요';
    const NO_ASK = '네 확인 감사 합니다';
    const NO_THANK = '네 고객님 확인 해 보니까 소액 결제가 있었네요';

    it.each([
      {
        name: 'asked and thanked, 10 s',
        before: ASK,
        after: THANK,
        gapS: 10,
        result: 'pass',
        reason: 'the 10 s silence was announced and thanked',
      },
      {
        name: 'asked and thanked, 14 s',
        before: ASK,
        after: THANK,
        gapS: 14,
        result: 'pass',
        reason: 'the 14 s silence was announced and thanked',
      },
      {
        name: 'silent, 12 s',
        before: NO_ASK,
        after: NO_THANK,
        gapS: 12,
        result: 'fail',
        reason: 'the 12 s silence at 0:22 was not announced',
      },
      {
        name: 'silent, exactly 8 s',
        before: NO_ASK,
        after: THANK,
        gapS: 8,
        result: 'fail',
        reason: 'the 8 s silence at 0:22 was not announced',
      },
      {
        name: 'asked but not thanked, 12 s',
        before: '네 확인 감사 합니다 잠시만 기다려 주세요',
        after: NO_THANK,
        gapS: 12,
        result: 'fail',
        reason: 'the 12 s silence at 0:22 was announced but not thanked',
      },
      {
        name: 'a 7 s pause is no hold',
        before: NO_ASK,
        after: NO_THANK,
        gapS: 7,
        result: 'na',
        reason: 'no silence of 8 s or more',
      },
    ])('$name → $result', ({ before, after, gapS, result, reason }) => {
      const { c, metrics } = score(VOICE_KO, holdCall(before, after, gapS));
      expect({ result: c.hold_etiquette.result, reason: c.hold_etiquette.reason }).toEqual({
        result,
        reason,
      });
      expect(metrics.longestSilenceMs).toBe(gapS * 1000);
      // Under 15 s nothing is dead air.
      expect(c.no_dead_air.result).toBe('pass');
    });
  });

  describe('empathy', () => {
    it('passes on an acknowledgement of the inconvenience, spaced the STT way', () => {
      const call = koWith(
        3,
        '아 네 불편 하셨죠 본인 확인 을 위해 성함 하고 생년월일 말씀 부탁 드립니다',
      );
      expect(score(VOICE_KO, call).c.empathy).toMatchObject({ result: 'pass' });
    });

    it('fails when the feeling is never acknowledged', () => {
      const call = koWith(
        3,
        '네 본인 확인 을 위해 명의자 분 성함 하고 생년월일 말씀 부탁 드립니다',
      );
      expect(score(VOICE_KO, call).c.empathy.result).toBe('fail');
    });
  });

  it('fails closing when the call just ends', () => {
    const call = [...KO_CALL.slice(0, 9), turn('agent', 46.5, 50, '네 로밍 차단 해 드렸습니다')];
    call.push(turn('customer', 50.5, 51.5, '네 수고 하세요'));
    expect(score(VOICE_KO, call).c.closing.result).toBe('fail');
  });

  it('counts a short 네 that cuts 600 ms into the customer as an interruption', () => {
    const call = KO_CALL.map((t, k) => (k === 2 ? { ...t, startMs: 10_400, text: '네 네' } : t));
    const { c, metrics } = score(VOICE_KO, call);
    expect(c.no_interruptions).toMatchObject({
      result: 'fail',
      evidence: [{ turn: 2, value: 600 }],
    });
    expect(metrics.interruptions).toBe(1);
  });

  describe('refusals, negation and options', () => {
    const withReply = (reply: string) =>
      score(VOICE_KO, [
        turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
        turn('customer', 5.5, 9, '네 저 요금제 변경 좀 하려구요 근데 앱으로는 안 된다고 들어서요'),
        turn('agent', 9.5, 14, reply),
        turn('customer', 14.5, 16, '아 네 알겠습니다'),
        turn('agent', 16.5, 19, '네 감사합니다 좋은 하루 보내세요'),
      ]);

    it('does not count "안 되는 건 아니고" as a refusal', () => {
      const scored = withReply('아 앱에서 안 되는 건 아니고요 지금 제가 바로 변경 해 드릴게요');
      expect(results(scored, ['positive_language', 'options_offered'])).toEqual({
        positive_language: 'pass',
        options_offered: 'na',
      });
      expect(results(withReply('앱에서 안 되는 건 아니에요'), ['positive_language'])).toEqual({
        positive_language: 'pass',
      });
    });

    it('fails a bare "안 돼요" on both positive language and options', () => {
      expect(results(withReply('그건 안 돼요'), ['positive_language', 'options_offered'])).toEqual({
        positive_language: 'fail',
        options_offered: 'fail',
      });
    });

    it('passes a refusal followed by two alternatives', () => {
      const scored = withReply(
        '그건 안 돼요 대신 다음달 부터 적용 해 드릴 수 있고요 아니면 위약금 없이 해지 하시는 방법도 있어요',
      );
      expect(results(scored, ['positive_language', 'options_offered'])).toEqual({
        positive_language: 'pass',
        options_offered: 'pass',
      });
    });
  });

  it('passes de-escalation when an angry customer ends calm', () => {
    const scored = score(VOICE_KO, [
      turn('agent', 0, 5, '네 안녕하십니까 세움 모바일 상담사 윤서진 입니다'),
      turn(
        'customer',
        5.5,
        12,
        '아니 이게 벌써 몇 번째 전화 인지 모르겠어요 진짜 어이가 없네요 요금이 두배로 나왔다 니까요',
      ),
      turn(
        'agent',
        12.5,
        18,
        '아 많이 답답 하셨겠어요 정말 죄송 합니다 본인 확인 을 위해 성함 하고 생년월일 말씀 해 주시겠어요',
      ),
      turn('customer', 18.5, 22, '박정호 팔칠 공삼 일오 요'),
      turn('agent', 22.5, 26, '네 확인 감사 합니다 조회 해 보겠습니다 잠시만 기다려 주세요'),
      turn(
        'agent',
        36,
        44,
        '기다려 주셔서 감사 합니다 확인 해 보니까 중복 청구 가 맞네요 바로 환불 처리 해 드렸습니다',
      ),
      turn('customer', 44.5, 47, '아 네 다행 이네요 감사 합니다'),
      turn(
        'agent',
        47.5,
        52,
        '네 정리 해 드리면 오늘 환불 접수 되었고 삼일 안에 입금 됩니다 더 궁금 하신 점 있으실까요',
      ),
      turn('customer', 52.5, 55, '없어요 감사합니다'),
      turn('agent', 55.5, 58, '네 전화 주셔서 감사 합니다 좋은 하루 보내세요'),
    ]);
    expect(
      results(scored, ['deescalation', 'empathy', 'hold_etiquette', 'summary', 'no_over_apology']),
    ).toEqual({
      deescalation: 'pass',
      empathy: 'pass',
      hold_etiquette: 'pass',
      summary: 'pass',
      no_over_apology: 'pass',
    });
    expect(scored.c.deescalation.reason).toBe(
      'customer negativity fell from a peak of 10 to 0 by the end',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// English

/** A billing call, as STT writes it (lower case, no punctuation, fillers, spoken digits). */
const EN_CALL = [
  turn('agent', 0, 5, 'um hi thanks for calling northwind energy this is priya how can i help'),
  turn(
    'customer',
    5.5,
    11,
    "yeah hi uh my bill is like double what it normally is and i i don't get why",
  ),
  // "mhm" 100 ms before the customer finished: under the 300 ms line.
  turn('agent', 10.9, 11.2, 'mhm'),
  turn(
    'agent',
    11.5,
    17,
    "oh no i'm sorry to hear that can i take your full name and date of birth please",
  ),
  turn('customer', 17.5, 22, 'sure its daniel okafor nineteen eighty four oh three one two'),
  turn('agent', 22.5, 26, 'thanks daniel let me pull up your account one moment'),
  // The customer's "okay" overlapping the agent.
  turn('customer', 25.8, 26.5, 'okay'),
  // 10.5 s look-up.
  turn('agent', 37, 43, 'thanks for holding so i can see an estimated meter reading was used'),
  turn('customer', 43.5, 46, 'oh right ok'),
  turn(
    'agent',
    46.5,
    53,
    "so to recap i've put in your actual reading and you'll get a corrected bill tomorrow is there anything else i can help with",
  ),
  turn('customer', 53.5, 55, "no that's it thanks"),
  turn('agent', 55.5, 58, 'thanks for calling have a great day bye'),
];

describe('voice-en on STT-style calls', () => {
  it('scores a good call the way the QA guide does', () => {
    const scored = score(VOICE_EN, EN_CALL);
    expect(
      results(scored, [
        'greeting',
        'identity_verification',
        'empathy',
        'hold_etiquette',
        'summary',
        'anything_else',
        'closing',
        'no_interruptions',
        'no_dead_air',
        'no_over_apology',
        'positive_language',
        'no_rude_language',
        'options_offered',
        'no_escape',
      ]),
    ).toEqual({
      greeting: 'pass',
      identity_verification: 'pass',
      empathy: 'pass',
      hold_etiquette: 'pass',
      summary: 'pass',
      anything_else: 'pass',
      closing: 'pass',
      no_interruptions: 'pass',
      no_dead_air: 'pass',
      no_over_apology: 'pass',
      positive_language: 'pass',
      no_rude_language: 'pass',
      options_offered: 'na',
      no_escape: 'pass',
    });
    expect(scored.c.hold_etiquette.reason).toBe('the 10.5 s silence was announced and thanked');
    expect(scored.metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 10500,
      unannouncedSilences: 0,
      apologies: 1,
    });
  });

  describe('greeting', () => {
    const greet = (text: string) =>
      score(VOICE_EN, [turn('agent', 0, 5, text), ...EN_CALL.slice(1)]).c.greeting.result;

    it('passes on the known agent name even without "speaking" / "my name is"', () => {
      expect(greet('hi thanks for calling northwind energy this is priya how can i help')).toBe(
        'pass',
      );
      expect(greet('hello northwind energy priya here how can i help')).toBe('pass');
    });

    it('fails when the company is not the known one, or the own name is missing', () => {
      expect(greet('hi thanks for calling acme mobile this is priya how can i help')).toBe('fail');
      expect(greet('hi thanks for calling northwind energy how can i help')).toBe('fail');
    });
  });

  describe('identity verification', () => {
    it('fails when the balance is read out before the name and birthdate are asked', () => {
      const scored = score(VOICE_EN, [
        turn(
          'agent',
          0,
          5,
          'hi thanks for calling northwind energy my name is priya how can i help',
        ),
        turn('customer', 5.5, 10, 'hi my bill was really high this month'),
        turn(
          'agent',
          10.5,
          15,
          'okay so looking at your account your balance is two hundred pounds',
        ),
        turn('customer', 15.5, 17, 'right'),
        turn('agent', 17.5, 21, 'can i take your full name and date of birth'),
        turn('customer', 21.5, 24, 'daniel okafor twelve march eighty four'),
        turn('agent', 24.5, 27, 'thanks the bill is correct thanks for calling bye'),
      ]);
      expect(scored.c.identity_verification.result).toBe('fail');
    });

    it('is N/A for a general enquiry', () => {
      const scored = score(VOICE_EN, [
        turn('agent', 0, 5, 'hi thanks for calling northwind energy this is priya how can i help'),
        turn('customer', 5.5, 10, 'hi do you have a shop in leeds'),
        turn('agent', 10.5, 15, 'yes we do on briggate open nine till five'),
        turn('customer', 15.5, 17, 'great thanks'),
        turn('agent', 17.5, 20, 'no problem anything else i can help with'),
        turn('customer', 20.5, 21.5, 'no thats all'),
        turn('agent', 22, 25, 'thanks for calling take care bye'),
      ]);
      expect(results(scored, ['identity_verification', 'greeting', 'closing'])).toEqual({
        identity_verification: 'na',
        greeting: 'pass',
        closing: 'pass',
      });
    });
  });

  describe('hold etiquette', () => {
    function holdCall(before: string, after: string, gapS: number): TranscriptTurn[] {
      const back = 23.4 + gapS;
      return [
        turn(
          'agent',
          0,
          5,
          'hi thanks for calling northwind energy my name is priya how can i help',
        ),
        turn('customer', 5.5, 10, 'hi um i think my last bill was wrong'),
        turn('agent', 10.5, 15, 'okay can i take your full name and your postcode please'),
        turn('customer', 15.5, 19, 'daniel okafor its s e one nine p b'),
        turn('agent', 19.5, 23, before),
        turn('customer', 23.1, 23.4, 'sure'),
        turn('agent', back, back + 6, after),
        turn('customer', back + 6.5, back + 8, 'oh ok'),
        turn(
          'agent',
          back + 8.5,
          back + 12,
          'so to recap the bill is corrected is there anything else',
        ),
        turn('customer', back + 12.5, back + 14, 'no thanks'),
        turn('agent', back + 14.5, back + 17, 'thank you for calling northwind have a lovely day'),
      ];
    }
    const ASK = 'thanks daniel bear with me while i check';
    const THANK = 'thanks for waiting i can see the reading was estimated';
    const NO_ASK = 'thanks daniel';
    const NO_THANK = 'right i can see the reading was estimated';

    it.each([
      {
        name: 'asked and thanked, 9 s',
        before: ASK,
        after: THANK,
        gapS: 9,
        result: 'pass',
        reason: 'the 9 s silence was announced and thanked',
      },
      {
        name: 'silent, 12 s',
        before: NO_ASK,
        after: NO_THANK,
        gapS: 12,
        result: 'fail',
        reason: 'the 12 s silence at 0:23 was not announced',
      },
      {
        name: 'asked but not thanked, 12 s',
        before: 'thanks daniel one moment',
        after: NO_THANK,
        gapS: 12,
        result: 'fail',
        reason: 'the 12 s silence at 0:23 was announced but not thanked',
      },
      {
        name: 'a 6 s pause is no hold',
        before: NO_ASK,
        after: NO_THANK,
        gapS: 6,
        result: 'na',
        reason: 'no silence of 8 s or more',
      },
    ])('$name → $result', ({ before, after, gapS, result, reason }) => {
      const { c } = score(VOICE_EN, holdCall(before, after, gapS));
      expect({ result: c.hold_etiquette.result, reason: c.hold_etiquette.reason }).toEqual({
        result,
        reason,
      });
    });
  });

  it('fails empathy and closing when there is no acknowledgement and the call ends cold', () => {
    const call = [
      ...EN_CALL.slice(0, 3),
      turn('agent', 11.5, 17, 'ok can i take your full name and date of birth please'),
      ...EN_CALL.slice(4, 9),
      turn('agent', 46.5, 50, 'right so the reading is fixed now'),
      turn('customer', 50.5, 51, 'ok'),
      turn('agent', 51.5, 53, 'and a new bill goes out tomorrow'),
      turn('customer', 53.5, 54, 'ok'),
    ];
    expect(results(score(VOICE_EN, call), ['empathy', 'closing'])).toEqual({
      empathy: 'fail',
      closing: 'fail',
    });
  });

  it('counts a "yeah" that cuts 600 ms into the customer as an interruption', () => {
    const call = EN_CALL.map((t, k) => (k === 2 ? { ...t, startMs: 10_400, text: 'yeah' } : t));
    const { c, metrics } = score(VOICE_EN, call);
    expect(c.no_interruptions).toMatchObject({
      result: 'fail',
      evidence: [{ turn: 2, value: 600 }],
    });
    expect(metrics.interruptions).toBe(1);
  });

  describe('refusals, negation and options', () => {
    const withReply = (reply: string) =>
      results(
        score(VOICE_EN, [
          turn(
            'agent',
            0,
            5,
            'hi thanks for calling northwind energy this is priya how can i help',
          ),
          turn('customer', 5.5, 10, 'hi i want to switch to the old economy tariff'),
          turn('agent', 10.5, 16, reply),
          turn('customer', 16.5, 18, 'ok the first one please'),
          turn('agent', 18.5, 21, 'done thanks for calling bye'),
        ]),
        ['positive_language', 'options_offered'],
      );

    it('does not count "not impossible" as a refusal', () => {
      expect(withReply("it's not impossible i'll switch it now")).toEqual({
        positive_language: 'pass',
        options_offered: 'na',
      });
    });

    it('fails a refusal with nothing offered', () => {
      expect(withReply('unfortunately that tariff is no longer available')).toEqual({
        positive_language: 'fail',
        options_offered: 'fail',
      });
    });

    it('passes a refusal followed by two alternatives', () => {
      expect(
        withReply(
          'unfortunately that tariff is no longer available but what i can do is put you on the green saver or you could lock in the fixed twelve month',
        ),
      ).toEqual({ positive_language: 'pass', options_offered: 'pass' });
    });
  });
});

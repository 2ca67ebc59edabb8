/** runAutoQa as a whole: order, N/A rules, metrics and their defaults, source metrics, cache. */
import { NO_AGENT_TURNS, runAutoQa } from '../../../src/autoqa/engine';
import type { AutoQaInput } from '../../../src/autoqa/autoqa.types';
import type {
  CriterionDefinition,
  ScorecardDefinition,
} from '../../../src/scorecards/scorecard-definition';
import { parseScorecardYaml } from '../../../src/scorecards/scorecard-schema';
import { autoCriterion, turn } from './support';

const criterion = autoCriterion;

function card(language: 'ko' | 'en', ...criteria: CriterionDefinition[]): ScorecardDefinition {
  return {
    key: `engine-${language}`,
    name: 'Engine',
    language,
    channel: 'voice',
    passingScore: 80,
    sections: [
      { key: 'one', label: 'One', weight: 1, criteria: criteria.slice(0, 2) },
      { key: 'two', label: 'Two', weight: 1, criteria: criteria.slice(2) },
    ],
  };
}

const CALL = [
  turn('agent', 0, 4, 'Thanks for calling Northwind, my name is Priya.'),
  turn('customer', 4.5, 10, 'Hi, my order never arrived and I am really upset.'),
  turn('agent', 9.5, 13, "I'm sorry to hear that. Let me check, one moment please."),
  turn('agent', 25, 30, "Thanks for waiting. I'm sorry, it was sent to an old address."),
  turn('customer', 30.5, 33, 'Okay, can you resend it?'),
  turn('agent', 33.5, 37, "Yes, I've resent it today. Anything else?"),
  turn('customer', 37.5, 39, 'No, thanks.'),
];

const run = (def: ScorecardDefinition, extra: Partial<AutoQaInput> = {}) =>
  runAutoQa({ turns: CALL, channel: 'voice', language: 'en', ...extra }, def);

describe('runAutoQa', () => {
  it('gives results in scorecard order, only for criteria with an auto block', () => {
    const def = card(
      'en',
      criterion('greeting', { detector: 'phrases', anyOf: ['thanks for calling'] }),
      criterion('manual_only'),
      criterion('no_interruptions', { detector: 'interruptions' }),
      criterion('closing', { detector: 'phrases', anyOf: ['have a nice day'] }),
    );
    expect(run(def).criteria.map((c) => [c.key, c.result])).toEqual([
      ['greeting', 'pass'],
      ['no_interruptions', 'fail'],
      ['closing', 'fail'],
    ]);
  });

  it('gives na with the reason for every criterion when there is no agent turn', () => {
    const def = card(
      'en',
      criterion('greeting', { detector: 'phrases', anyOf: ['thanks for calling'] }),
      criterion('notes', { detector: 'notes', minLength: 1 }),
    );
    const customerOnly = [
      turn('system', 0, 3, 'This call may be recorded.'),
      turn('customer', 3, 8, 'Hello? Is anyone there? I am so frustrated.'),
    ];
    const result = runAutoQa(
      { turns: customerOnly, channel: 'voice', language: 'en', notes: 'Caller hung up.' },
      def,
    );
    expect(result.criteria).toMatchObject([
      { key: 'greeting', result: 'na', evidence: [], reason: 'no agent turns in this transcript' },
      { key: 'notes', result: 'na', evidence: [], reason: NO_AGENT_TURNS },
    ]);
    // Metrics are still measured.
    expect(result.metrics).toEqual({
      interruptions: 0,
      longestSilenceMs: 0,
      unannouncedSilences: 0,
      agentTalkRatio: 0,
      apologies: 0,
      customerNegativity: { start: 0, peak: 10, end: 10 },
      negativeTurns: [{ turn: 1, score: 10 }],
    });
    // Nothing to judge: N/A, and a person should look (an empty call is no pass).
    expect(runAutoQa({ turns: [], channel: 'voice', language: 'en' }, def).criteria[0]).toEqual({
      key: 'greeting',
      result: 'na',
      evidence: [],
      reason: NO_AGENT_TURNS,
      reasonCode: 'noAgentTurns',
      reasonParams: {},
      confidence: 0.3,
      needsReview: true,
    });
  });

  it('measures the metrics with the README defaults when the scorecard has no such blocks', () => {
    const def = card('en', criterion('greeting', { detector: 'phrases', anyOf: ['northwind'] }));
    expect(run(def).metrics).toEqual({
      // Turn 2 starts 500 ms before the customer finished.
      interruptions: 1,
      // 13 s → 25 s, announced by "one moment" (a default announcement).
      longestSilenceMs: 12000,
      unannouncedSilences: 0,
      // Agent 4 + 3.5 + 5 + 3.5 = 16 s; customer 5.5 + 2.5 + 1.5 = 9.5 s: 16 / 25.5.
      agentTalkRatio: 0.627,
      // "sorry" twice, by the agent.
      apologies: 2,
      // Customer turns: upset | (none) | (none): start 10, then calm.
      customerNegativity: { start: 10, peak: 10, end: 0 },
      // Per turn, for the replay page: the upset customer turn.
      negativeTurns: [{ turn: 1, score: 10 }],
    });
  });

  it("uses the scorecard's own settings for the metrics", () => {
    const def = card(
      'en',
      criterion('no_interruptions', { detector: 'interruptions', overlapMs: 600 }),
      criterion('hold', { detector: 'silence', announce: ['please hold'], thresholdMs: 5000 }),
      criterion('no_over_apology', { detector: 'count', anyOf: ['thanks'], max: 5 }),
      criterion('calm', { detector: 'negativity', lexicon: ['old address'], minPeak: 1 }),
    );
    expect(run(def).metrics).toEqual({
      interruptions: 0,
      longestSilenceMs: 12000,
      unannouncedSilences: 1,
      agentTalkRatio: 0.627,
      // The count block whose key contains "apolog", whatever it counts: "thanks" by the agent.
      apologies: 2,
      customerNegativity: { start: 0, peak: 0, end: 0 },
      negativeTurns: [],
    });
  });

  it('replaces measured values with sourceMetrics, in the metrics and the detectors', () => {
    const def = card(
      'en',
      criterion('no_interruptions', { detector: 'interruptions', max: 2 }),
      criterion('dead_air', { detector: 'silence', mode: 'longest' }),
      criterion('talk', { detector: 'talk_ratio', maxAgentRatio: 0.6 }),
      criterion('calm', { detector: 'negativity' }),
    );
    const sourceMetrics = {
      interruptions: 4,
      longestSilenceMs: 3000,
      agentTalkRatio: 0.5,
      customerSentiment: { start: 1, peak: 6, end: 5 },
    };
    const result = run(def, { sourceMetrics });
    expect(result.metrics).toEqual({
      interruptions: 4,
      longestSilenceMs: 3000,
      unannouncedSilences: 0,
      agentTalkRatio: 0.5,
      apologies: 2,
      customerNegativity: { start: 1, peak: 6, end: 5 },
      // The source gives no per-turn sentiment: the turns stay marked by the lexicon.
      negativeTurns: [{ turn: 1, score: 10 }],
    });
    expect(result.criteria).toMatchObject([
      {
        key: 'no_interruptions',
        result: 'fail',
        evidence: [
          { turn: null, startMs: null, text: 'interruptions measured by the source', value: 4 },
        ],
        reason: 'the source measured 4 interruptions (at most 2 allowed)',
      },
      {
        key: 'dead_air',
        result: 'pass',
        evidence: [
          {
            turn: null,
            startMs: null,
            text: 'longest silence measured by the source',
            value: 3000,
          },
        ],
        reason: 'the longest silence, 3 s, is not over 10 s',
      },
      {
        key: 'talk',
        result: 'pass',
        evidence: [
          {
            turn: null,
            startMs: null,
            text: 'agent talk time 50% of agent and customer talk time (measured by the source)',
            value: 0.5,
          },
        ],
        reason: 'the agent talked 50% of the time, within bounds',
      },
      {
        key: 'calm',
        result: 'fail',
        evidence: [
          {
            turn: null,
            startMs: null,
            text: 'customer negativity measured by the source: start 1, peak 6, end 5',
            value: 5,
          },
        ],
        reason: 'customer negativity was still 5 at the end (peak 6)',
      },
    ]);
  });

  it('takes only the source values that are given', () => {
    const def = card('en', criterion('greeting', { detector: 'phrases', anyOf: ['northwind'] }));
    expect(run(def, { sourceMetrics: { interruptions: 0 } }).metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 12000,
      agentTalkRatio: 0.627,
    });
  });

  it('ignores source values that are not finite numbers (stored JSON)', () => {
    const def = card('en', criterion('greeting', { detector: 'phrases', anyOf: ['northwind'] }));
    const sourceMetrics = JSON.parse(
      '{"interruptions": null, "longestSilenceMs": "3000", "agentTalkRatio": 0.4,' +
        ' "customerSentiment": {"start": 1, "peak": null, "end": 0}}',
    ) as AutoQaInput['sourceMetrics'];
    expect(run(def, { sourceMetrics }).metrics).toMatchObject({
      interruptions: 1,
      longestSilenceMs: 12000,
      agentTalkRatio: 0.4,
      customerNegativity: { start: 10, peak: 10, end: 0 },
    });
  });

  it('on a chat of send times: voice-only detectors are N/A, timing metrics are 0 / null', () => {
    const def = card(
      'en',
      criterion('no_interruptions', { detector: 'interruptions' }),
      criterion('dead_air', { detector: 'silence' }),
      criterion('talk', { detector: 'talk_ratio', maxAgentRatio: 0.6 }),
      criterion('greeting', {
        detector: 'phrases',
        anyOf: ['northwind'],
        window: { firstTurns: 1 },
      }),
    );
    // Each message a point in time (a chat export of send times): no overlap can be seen.
    const points = CALL.map((t) => ({ ...t, endMs: t.startMs }));
    const result = run(def, { channel: 'chat', turns: points });
    expect(result.criteria.map((c) => [c.key, c.result, c.reason])).toEqual([
      ['no_interruptions', 'na', 'not measured on chat'],
      ['dead_air', 'na', 'not measured on chat'],
      ['talk', 'na', 'not measured on chat'],
      ['greeting', 'pass', 'an agent turn in the first turn says "northwind"'],
    ]);
    expect(result.metrics).toMatchObject({
      interruptions: 0,
      longestSilenceMs: 0,
      unannouncedSilences: 0,
      agentTalkRatio: null,
      apologies: 2,
    });
  });

  it('leaves a criterion whose stored block is invalid to humans instead of throwing', () => {
    const def = card(
      'en',
      criterion('legacy', { phrases: ['thanks for calling'] }),
      criterion('greeting', { detector: 'phrases', anyOf: ['northwind'] }),
    );
    expect(run(def).criteria).toMatchObject([
      {
        key: 'legacy',
        result: 'na',
        evidence: [],
        reason: 'the auto block is invalid: sections[0].criteria[0].auto.detector: is required',
      },
      expect.objectContaining({ key: 'greeting', result: 'pass' }),
    ]);
  });

  it('quotes the whole turn trimmed to 200 characters', () => {
    const long = `  Thanks for calling Northwind. ${'We value your time. '.repeat(20)}  `;
    const result = runAutoQa(
      { turns: [turn('agent', 0, 30, long)], channel: 'voice', language: 'en' },
      card('en', criterion('greeting', { detector: 'phrases', anyOf: ['northwind'] })),
    );
    expect(result.criteria[0].evidence[0].text).toBe(long.trim().slice(0, 200));
    expect(result.criteria[0].evidence[0].text).toHaveLength(200);
  });

  it('matches with the rules of the call language, falling back to the scorecard language', () => {
    const def = card(
      'ko',
      criterion('greeting', { detector: 'phrases', anyOf: ['상담사 김민지예요'] }),
    );
    const turns = [turn('agent', 0, 3, '상담사 김민지입니다'), turn('customer', 3, 4, '네')];
    expect(runAutoQa({ turns, channel: 'voice', language: 'ko' }, def).criteria[0].result).toBe(
      'pass',
    );
    expect(runAutoQa({ turns, channel: 'voice', language: 'und' }, def).criteria[0].result).toBe(
      'pass',
    );
  });

  it('runs a scorecard loaded from YAML', () => {
    const def = parseScorecardYaml(
      [
        'key: yaml-en',
        'name: YAML card',
        'language: en',
        'sections:',
        '  - key: script',
        '    label: Script',
        '    criteria:',
        '      - key: greeting',
        '        label: Greeting',
        '        guidance: Company and own name.',
        '        scale: yes_no',
        '        auto:',
        '          detector: phrases',
        '          allOf: [[northwind], ["my name is", "this is"]]',
        '          window: { firstSeconds: 15 }',
      ].join('\n'),
      'yaml-en.yaml',
    );
    expect(run(def).criteria).toMatchObject([
      {
        key: 'greeting',
        result: 'pass',
        evidence: [{ turn: 0, startMs: 0, text: CALL[0].text, value: 'northwind' }],
        reason: 'every required phrase group is said in agent turns in the first 15 s',
      },
    ]);
  });

  it('compiles phrases once per scorecard version, not per call', () => {
    const def = card(
      'en',
      criterion('greeting', { detector: 'phrases', anyOf: ['thanks for calling', 're:north\\w+'] }),
      criterion('hold', { detector: 'silence', announce: ['one moment'], thank: ['thanks'] }),
      criterion('sorry', { detector: 'count', anyOf: ['sorry'], max: 1 }),
      criterion('calm', { detector: 'negativity' }),
    );
    const first = run(def);
    const spy = jest.spyOn(globalThis, 'RegExp');
    try {
      const again = run(def);
      run(def, { language: 'en', notes: 'Order resent.' });
      expect(spy).not.toHaveBeenCalled();
      expect(again).toEqual(first);
    } finally {
      spy.mockRestore();
    }
    // A different definition object (another version) is compiled on its own.
    const spy2 = jest.spyOn(globalThis, 'RegExp');
    try {
      run({ ...def });
      expect(spy2).toHaveBeenCalled();
    } finally {
      spy2.mockRestore();
    }
  });
});

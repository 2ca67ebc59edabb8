import type { AutoQaSourceMetrics } from '../../../src/autoqa/autoqa.types';
import { SourceMetrics, sentimentToNegativity } from '../../../src/transcripts/contact-lens.parser';
import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { setAt } from './support/mutate';

describe('Contact Lens (Amazon Connect)', () => {
  const { meta, turns } = parseTranscript('contact-lens-ko.json', fixture('contact-lens-ko.json'));

  it('reads the turns, mapping ParticipantId through Participants', () => {
    expect(turns).toHaveLength(9);
    expect(turns[0]).toEqual({
      speaker: 'agent',
      startMs: 300,
      endMs: 5200,
      text: '감사합니다, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?',
    });
    // Redacted content stays as written.
    expect(turns[1]).toEqual({
      speaker: 'customer',
      startMs: 5600,
      endMs: 9400,
      text: '네, 저 [PII]인데요, 요금이 또 이상하게 나왔어요.',
    });
    expect(turns.map((t) => t.speaker).join(' ')).toBe(
      'agent customer customer agent agent customer agent customer agent',
    );
  });

  it('takes the contact id, the language and the channel', () => {
    expect(meta.externalId).toBe('8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f');
    expect(meta.language).toBe('ko');
    expect(meta.channel).toBe('voice');
  });

  it('keeps conversation characteristics, categories and the call summary', () => {
    expect(meta.metadata).toMatchObject({
      conversationCharacteristics: {
        totalConversationDurationMillis: 64000,
        interruptions: {
          totalCount: 3,
          totalTimeMillis: 4100,
          byInterrupter: { AGENT: 1, CUSTOMER: 2 },
        },
        nonTalkTime: { totalTimeMillis: 16700, longestMillis: 12500, instances: 2 },
        talkSpeed: { AGENT: 142, CUSTOMER: 168 },
        talkTime: { totalTimeMillis: 45000, AGENT: 24750, CUSTOMER: 20250 },
        sentiment: {
          overall: { AGENT: 1.2, CUSTOMER: -1.4 },
          customerByQuarter: [-2.5, -4.2, 0, 1.5],
        },
      },
      matchedCategories: ['해지 문의', 'Escalation'],
      callSummary: {
        issues: ['이번 달도 이러면 그냥 해지하려고요'],
        outcomes: ['이번 달 청구에서 빼 드리겠습니다'],
        actionItems: ['처리되면 문자로 안내드리겠습니다'],
      },
    });
    expect(meta.metadata?.speakerGuess).toBeUndefined();
  });

  it('puts the measured values the auto-QA engine understands under sourceMetrics', () => {
    // Compile-time: what the parser writes is what the engine reads.
    const engineShape: AutoQaSourceMetrics = meta.metadata?.sourceMetrics as SourceMetrics;
    expect(engineShape).toEqual({
      // The agent interrupted once; the customer's two interruptions are not the agent's fault.
      interruptions: 1,
      longestSilenceMs: 12500,
      agentTalkRatio: 0.55,
      // Quarters -2.5, -4.2, 0, +1.5 → negativity 5, 8.4, 0, 0.
      customerSentiment: { start: 5, peak: 8.4, end: 0 },
    });
  });
});

describe('Amazon Transcribe Call Analytics', () => {
  const { meta, turns } = parseTranscript(
    'call-analytics-en.json',
    fixture('call-analytics-en.json'),
  );

  it('reads ParticipantRole on each turn and JobName as the external id', () => {
    expect(meta.externalId).toBe('ca-2026-11-02-0091');
    expect(meta.language).toBe('en');
    expect(turns).toHaveLength(6);
    expect(turns[1]).toEqual({
      speaker: 'customer',
      startMs: 5700,
      endMs: 9100,
      text: 'Hi, I was charged twice for my October bill.',
    });
  });

  it('quotes issues and outcomes from character offsets and trims category names', () => {
    expect(meta.metadata).toMatchObject({
      matchedCategories: ['positive-resolution'],
      callSummary: {
        issues: ['I was charged twice for my October bill'],
        outcomes: ["I've issued a refund"],
      },
    });
  });

  it('maps the metrics: no interruptions, one silence, talk ratio, sentiment -5 → 10', () => {
    expect(meta.metadata?.sourceMetrics).toEqual({
      interruptions: 0,
      longestSilenceMs: 6300,
      agentTalkRatio: 0.756,
      customerSentiment: { start: 10, peak: 10, end: 0 },
    });
  });
});

describe('Contact Lens: mapping and bad input', () => {
  it('maps sentiment to negativity: neutral and positive are calm, each point below 0 adds 2', () => {
    expect([5, 1, 0, -0.04, -1, -2.5, -4.2, -5, -7].map(sentimentToNegativity)).toEqual([
      0, 0, 0, 0.1, 2, 5, 8.4, 10, 10,
    ]);
  });

  it('falls back to TotalCount when interruptions are not broken down by interrupter', () => {
    const doc = setAt(
      fixtureJson('contact-lens-ko.json'),
      ['ConversationCharacteristics', 'Interruptions'],
      { TotalCount: 4, TotalTimeMillis: 5000 },
    );
    const { meta } = parseTranscript('c.json', json(doc));
    expect(meta.metadata?.sourceMetrics).toMatchObject({ interruptions: 4 });
  });

  it('has no sourceMetrics without ConversationCharacteristics', () => {
    const doc = fixtureJson('call-analytics-en.json') as Record<string, unknown>;
    delete doc.ConversationCharacteristics;
    const { meta } = parseTranscript('c.json', json(doc));
    expect(meta.metadata?.sourceMetrics).toBeUndefined();
    expect(meta.metadata?.conversationCharacteristics).toBeUndefined();
  });

  it('leaves an unknown ParticipantId to the speaker map', () => {
    const doc = setAt(fixtureJson('contact-lens-ko.json'), ['Participants'], []);
    const mapped = parseTranscript('c.json', json(doc), { speakerMap: { 'a-0417': 'agent' } });
    expect(mapped.turns[0].speaker).toBe('agent');
    expect(mapped.turns[1].speaker).toBe('customer');
    // Without a map the greeting gives the agent away, and the guess is kept for the user.
    const guessed = parseTranscript('c.json', json(doc));
    expect(guessed.meta.metadata?.speakerGuess).toMatchObject({
      agent: 'a-0417',
      confidence: 'high',
    });
  });

  it.each([
    [
      ['Transcript', 2, 'BeginOffsetMillis'],
      'x',
      'Transcript[2].BeginOffsetMillis',
      /must be a number/,
    ],
    [
      ['Transcript', 3, 'EndOffsetMillis'],
      1000,
      'Transcript[3].EndOffsetMillis',
      /ends \(1000 ms\) before it starts \(16200 ms\)/,
    ],
    [['Transcript', 0, 'Content'], '  ', 'Transcript[0].Content', /^Content is empty$/],
    [
      ['Transcript', 0, 'ParticipantId'],
      null,
      'Transcript[0]',
      /neither a ParticipantRole nor a ParticipantId/,
    ],
    [['Transcript'], {}, 'Transcript', /must be an array/],
    [
      [
        'ConversationCharacteristics',
        'Sentiment',
        'SentimentByPeriod',
        'QUARTER',
        'CUSTOMER',
        1,
        'Score',
      ],
      'bad',
      'ConversationCharacteristics.Sentiment.SentimentByPeriod.QUARTER.CUSTOMER[1].Score',
      /must be a number/,
    ],
    [['LanguageCode'], 'Korean!', 'LanguageCode', /language code/],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const doc = setAt(fixtureJson('contact-lens-ko.json'), path, value);
    const error = parseError(() => parseTranscript('c.json', json(doc)));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});

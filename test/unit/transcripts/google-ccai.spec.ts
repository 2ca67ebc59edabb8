import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { deleteAt, setAt } from './support/mutate';

describe('Google CCAI Insights: Conversation resource', () => {
  const { meta, turns } = parseTranscript(
    'ccai-conversation.json',
    fixture('ccai-conversation.json'),
  );

  it('reads the conversation meta', () => {
    expect(meta).toEqual({
      externalId: '8123456789012345678',
      channel: 'voice',
      language: 'en',
      agentExternalId: 'agent-2231',
      startedAt: '2026-11-02T14:55:00Z',
      metadata: { labels: { queue: 'billing', site: 'manila' } },
    });
  });

  it('times segments by their first and last word, roles from the participant or the channel', () => {
    expect(turns).toEqual([
      {
        speaker: 'agent',
        startMs: 600,
        endMs: 5200,
        text: 'Thank you for calling Northwind, my name is Priya. How may I help you?',
      },
      {
        speaker: 'customer',
        startMs: 5700,
        endMs: 9800,
        text: 'Hi Priya, I moved house and my new address is not on the bill.',
      },
      {
        speaker: 'agent',
        // { seconds: "10", nanos: 200000000 } is a Duration too.
        startMs: 10200,
        endMs: 14600,
        text: 'I can update that for you. Could you confirm the new postcode?',
      },
      { speaker: 'customer', startMs: 15100, endMs: 16250, text: "It's N1 9GU." },
      {
        speaker: 'agent',
        startMs: 27000,
        endMs: 31200,
        text: 'Done. The next bill will go to the new address. Anything else today?',
      },
    ]);
  });

  it('without callMetadata, a segment with a role tells whose channel it is', () => {
    const doc = deleteAt(fixtureJson('ccai-conversation.json'), ['callMetadata']);
    const { turns, meta } = parseTranscript('c.json', json(doc));
    expect(turns.map((t) => t.speaker)).toEqual([
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
    ]);
    expect(meta.metadata?.speakerGuess).toBeUndefined();
  });

  it('bare channel tags are left to the speaker map or the heuristic', () => {
    let doc = deleteAt(fixtureJson('ccai-conversation.json'), ['callMetadata']);
    doc = deleteAt(doc, ['transcript', 'transcriptSegments', 3, 'segmentParticipant']);
    doc = deleteAt(doc, ['transcript', 'transcriptSegments', 0, 'segmentParticipant']);
    const guessed = parseTranscript('c.json', json(doc));
    expect(guessed.turns.map((t) => t.speaker)).toEqual([
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
    ]);
    expect(guessed.meta.metadata?.speakerGuess).toMatchObject({
      agent: 'channel_1',
      confidence: 'high',
    });
    const mapped = parseTranscript('c.json', json(doc), { speakerMap: { channel_2: 'agent' } });
    expect(mapped.turns.map((t) => t.speaker)).toEqual([
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
    ]);
  });

  it('times chat segments by messageTime, relative to the conversation start', () => {
    const doc = {
      name: 'projects/p/locations/l/conversations/chat-9',
      medium: 'CHAT',
      startTime: '2026-11-02T10:00:00Z',
      transcript: {
        transcriptSegments: [
          {
            text: 'Hi, how can I help?',
            messageTime: '2026-11-02T10:00:05Z',
            segmentParticipant: { role: 'HUMAN_AGENT' },
          },
          {
            text: 'Where is my parcel?',
            messageTime: '2026-11-02T10:00:30.250Z',
            segmentParticipant: { role: 'END_USER' },
          },
          {
            text: 'Rate this chat',
            messageTime: '2026-11-02T10:01:00Z',
            segmentParticipant: { role: 'AUTOMATED_AGENT' },
          },
        ],
      },
    };
    const { meta, turns } = parseTranscript('chat.json', json(doc));
    expect(meta).toMatchObject({ externalId: 'chat-9', channel: 'chat' });
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['agent', 5000, 5000],
      ['customer', 30250, 30250],
      ['system', 60000, 60000],
    ]);
  });
});

describe('Google CCAI Insights: conversation data upload format (entries)', () => {
  it('reads entries with roles, relative to the first entry, as a chat', () => {
    const { meta, turns } = parseTranscript(
      'ccai-entries-ko.json',
      fixture('ccai-entries-ko.json'),
    );
    expect(meta).toEqual({
      channel: 'chat',
      startedAt: '2025-11-02T06:15:00.000Z',
      metadata: { categories: ['요금 문의'] },
    });
    expect(turns.map((t) => [t.speaker, t.startMs])).toEqual([
      ['customer', 0],
      ['agent', 4500],
      ['customer', 31250],
      ['agent', 60000],
      ['system', 75000],
    ]);
    expect(turns[1].text).toBe(
      '안녕하세요, 한빛통신 채팅 상담사 이준호입니다. 무엇을 도와드릴까요?',
    );
  });

  it('resolves entries without a role by user_id (map or heuristic)', () => {
    const doc = {
      entries: [
        {
          start_timestamp_usec: 1000000,
          text: 'Thank you for contacting Contoso, how can I help?',
          user_id: 7,
        },
        { start_timestamp_usec: 3000000, text: 'My bill is wrong.', user_id: 9 },
      ],
    };
    const { meta, turns } = parseTranscript('e.json', json(doc));
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'customer']);
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'user_7', confidence: 'high' });
  });

  it.each([
    [
      ['entries', 1, 'start_timestamp_usec'],
      -5,
      'entries[1].start_timestamp_usec',
      /must not be negative/,
    ],
    [
      ['entries', 1, 'start_timestamp_usec'],
      null,
      'entries[1].start_timestamp_usec',
      /missing start_timestamp_usec/,
    ],
    [['entries', 0, 'role'], 'BOSS', 'entries[0].role', /unknown role "BOSS"/],
    [['entries', 2, 'text'], 42, 'entries[2].text', /text must be a string/],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const error = parseError(() =>
      parseTranscript('e.json', json(setAt(fixtureJson('ccai-entries-ko.json'), path, value))),
    );
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it.each([
    [
      ['transcript', 'transcriptSegments', 1, 'words', 0, 'startOffset'],
      '5.7',
      /duration like "1.500s"/,
    ],
    [
      ['transcript', 'transcriptSegments', 1, 'words', 1, 'endOffset'],
      '1.000s',
      /ends \(1000 ms\) before it starts/,
    ],
    [
      ['transcript', 'transcriptSegments', 2, 'words'],
      [],
      /no time: neither words with offsets nor a messageTime/,
    ],
  ] as const)('conversation %j = %j', (path, value, reason) => {
    const error = parseError(() =>
      parseTranscript('c.json', json(setAt(fixtureJson('ccai-conversation.json'), path, value))),
    );
    expect(error.field).toMatch(/^transcript\.transcriptSegments\[\d\]/);
    expect(error.reason).toMatch(reason);
  });
});

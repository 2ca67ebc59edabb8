import { parseTranscript, parseTranscripts } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { setAt } from './support/mutate';

describe('Amazon Connect chat transcript', () => {
  it('keeps text messages, skips events and attachments, times relative to the first message', () => {
    const { meta, turns } = parseTranscript(
      'connect-chat-ko.json',
      fixture('connect-chat-ko.json'),
    );
    expect(meta).toEqual({
      externalId: '5f4e3d2c-aaaa-bbbb-cccc-ddddeeeeffff',
      channel: 'chat',
      startedAt: '2026-11-02T01:15:00.480Z',
      agentName: '이수진',
    });
    expect(turns).toEqual([
      {
        speaker: 'system',
        startMs: 0,
        endMs: 0,
        text: '한빛통신 채팅 상담에 연결 중입니다. 잠시만 기다려 주세요.',
      },
      {
        speaker: 'agent',
        startMs: 20520,
        endMs: 20520,
        text: '안녕하세요, 한빛통신 채팅 상담사 이수진입니다. 무엇을 도와드릴까요?',
      },
      // No ParticipantRole on this one: found through Participants.
      {
        speaker: 'customer',
        startMs: 42420,
        endMs: 42420,
        text: '인터넷이 계속 끊겨요. 공유기를 껐다 켜도 똑같아요.',
      },
      {
        speaker: 'agent',
        startMs: 89520,
        endMs: 89520,
        text: '불편을 드려 죄송합니다. 회선 점검을 요청해 두었고, 내일 오전에 기사님이 방문하실 예정입니다.',
      },
    ]);
  });

  it.each([
    [
      ['Transcript', 2, 'AbsoluteTime'],
      'yesterday',
      'Transcript[2].AbsoluteTime',
      /ISO-8601 date-time/,
    ],
    [
      ['Transcript', 2, 'ParticipantRole'],
      'MANAGER',
      'Transcript[2].ParticipantRole',
      /unknown ParticipantRole "MANAGER"/,
    ],
    [['Transcript', 4, 'Content'], '', 'Transcript[4].Content', /^Content is empty$/],
    [['Transcript'], [], 'Transcript', /no chat messages/],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const doc = setAt(fixtureJson('connect-chat-ko.json'), path, value);
    const error = parseError(() =>
      parseTranscript('c.json', json(doc), { format: 'connect-chat' }),
    );
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});

describe('generic chat JSON', () => {
  it('reads the documented format: meta, senders (bot → system), at / sentAt', () => {
    const { meta, turns } = parseTranscript('chat-ko.json', fixture('chat-ko.json'));
    expect(meta).toEqual({
      externalId: 'CHAT-20261102-0007',
      source: 'hanbit-chat',
      channel: 'chat',
      language: 'ko',
      agentExternalId: 'A-031',
      agentName: '최유나',
      teamName: '채팅 2팀',
      startedAt: '2026-11-02T10:00:00+09:00',
      queue: 'internet',
      notes: '인터넷 속도 저하 문의, 원격 점검 후 해결',
      metadata: { csat: 5 },
    });
    expect(turns.map((t) => [t.speaker, t.startMs])).toEqual([
      ['system', 0],
      ['customer', 12000],
      ['agent', 40000],
      ['agent', 65000],
      ['customer', 210000],
      ['system', 225000],
    ]);
    expect(turns.every((t) => t.endMs === t.startMs)).toBe(true);
  });

  it('an array of chats is a batch: ids default to <file base>#<index>', () => {
    const transcripts = parseTranscripts('chat-batch-en.json', fixture('chat-batch-en.json'));
    expect(transcripts.map((t) => t.meta.externalId)).toEqual(['WEB-1001', 'chat-batch-en#1']);
    expect(transcripts[1].turns[1]).toEqual({
      speaker: 'customer',
      startMs: 45000,
      endMs: 45000,
      text: 'I need to reset my password.',
    });
    expect(
      parseError(() => parseTranscript('chat-batch-en.json', fixture('chat-batch-en.json'))).reason,
    ).toMatch(/^the file holds 2 dialogues/);
  });

  it.each([
    [
      ['messages', 1, 'from'],
      'supervisor',
      'messages[1].from',
      /unknown sender "supervisor": use agent, customer, system or bot/,
    ],
    [['messages', 1, 'at'], '2026-02-30T10:00:00Z', 'messages[1].at', /ISO-8601/],
    [['messages', 1, 'at'], null, 'messages[1].at', /missing at/],
    [['messages', 2, 'text'], ['hi'], 'messages[2].text', /must be a string, got an array/],
    [['agent'], 'A-031', 'agent', /agent must be an object/],
    [['messages'], [], 'messages', /the messages array is empty/],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const doc = setAt(fixtureJson('chat-ko.json'), path, value);
    const error = parseError(() => parseTranscript('c.json', json(doc), { format: 'chat-json' }));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});

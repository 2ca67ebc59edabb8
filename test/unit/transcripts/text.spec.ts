import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, parseError } from './support/helpers';

function text(content: string, speakerMap?: Record<string, 'agent' | 'customer' | 'system'>) {
  return parseTranscript('t.txt', Buffer.from(content), { speakerMap });
}

describe('plain text with speaker prefixes', () => {
  it('reads the Korean file without times: 2 s apart, continuation lines joined', () => {
    const { meta, turns } = parseTranscript('call-ko.txt', fixture('call-ko.txt'));
    // No channel: a text file does not say whether it was a call or a chat.
    expect(meta).toEqual({});
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['agent', 0, 0],
      ['customer', 2000, 2000],
      ['agent', 4000, 4000],
      ['customer', 6000, 6000],
      ['agent', 8000, 8000],
    ]);
    expect(turns[2].text).toBe(
      '불편을 드려 죄송합니다. 본인 확인을 위해 생년월일 여섯 자리를 말씀해 주시겠어요?',
    );
  });

  it('reads the English file with [hh:mm:ss] times: a turn lasts until the next one', () => {
    const { turns } = parseTranscript('call-en.txt', fixture('call-en.txt'));
    expect(turns).toEqual([
      {
        speaker: 'agent',
        startMs: 1000,
        endMs: 6000,
        text: 'Thank you for calling Northwind Energy, this is Daniel speaking. How can I help?',
      },
      {
        speaker: 'customer',
        startMs: 6000,
        endMs: 11000,
        text: 'Hi, I need to update my payment card.',
      },
      {
        speaker: 'agent',
        startMs: 11000,
        endMs: 19000,
        text: "Sure, I can help with that. I'll send you a secure link by text message.",
      },
      { speaker: 'customer', startMs: 19000, endMs: 22500, text: 'Perfect, thanks.' },
      { speaker: 'agent', startMs: 22500, endMs: 22500, text: "You're welcome, have a great day!" },
    ]);
  });

  it('accepts "00:01:02 -" times, [Name] and (speaker N) prefixes, a full-width colon', () => {
    const { turns, meta } = text(
      '00:00:01 - (speaker 0) 감사합니다, 바른카드 고객센터입니다.\n' +
        '00:00:04 - [speaker 1] 카드 재발급이요.\n' +
        '00:00:09 - 시스템： 통화가 녹음됩니다.\n',
    );
    expect(turns.map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['agent', 1000, '감사합니다, 바른카드 고객센터입니다.'],
      ['customer', 4000, '카드 재발급이요.'],
      ['system', 9000, '통화가 녹음됩니다.'],
    ]);
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'speaker 0', confidence: 'high' });
  });

  it('a speaker map names other speakers; "Note:" without a mapping is text', () => {
    const { turns } = text('Jordan: Hi, Contoso support.\nNote: hello\nSam: Hi!', {
      Jordan: 'agent',
      Sam: 'customer',
    });
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['agent', 'Hi, Contoso support. Note: hello'],
      ['customer', 'Hi!'],
    ]);
  });

  const bad: Array<{ name: string; content: string; line: number; reason: RegExp }> = [
    {
      name: 'an unknown name on the first line',
      content: '\nJordan: hi\nCustomer: hello',
      line: 2,
      reason:
        /^unknown speaker "Jordan" \(line 2\): use "상담사:", "고객:", "Agent:", "Customer:" or "Speaker 1:", or pass a speaker mapping, e\.g\. \{"Jordan": "agent"\}$/,
    },
    {
      name: 'a first line without a prefix',
      content: 'hello there\nAgent: hi',
      line: 1,
      reason: /^line 1 has no speaker: start each turn with/,
    },
    {
      name: 'times on some turns only',
      content: '[00:00:01] Agent: hi\nCustomer: hello',
      line: 2,
      reason:
        /^line 2 has no time stamp but line 1 has one: give every turn a time stamp, or none$/,
    },
    {
      name: 'time going backwards',
      content: '[00:01:00] Agent: hi\n[00:00:30] Customer: hello',
      line: 2,
      reason: /^time goes backwards: line 2 starts at 00:00:30, before line 1 \(00:01:00\)$/,
    },
    {
      name: 'a bad time stamp',
      content: '[00:75:00] Agent: hi',
      line: 1,
      reason: /^bad time stamp "\[00:75:00\]": minutes and seconds go up to 59$/,
    },
    {
      name: 'a speaker with no text',
      content: 'Agent: hi\nCustomer:\nAgent: bye',
      line: 2,
      reason: /^line 2 names a speaker but has no text$/,
    },
  ];

  it.each(bad)('$name is refused at its line', (c) => {
    const error = parseError(() => text(c.content));
    expect(error.line).toBe(c.line);
    expect(error.reason).toMatch(c.reason);
  });
});

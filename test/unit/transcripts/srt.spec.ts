import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, parseError } from './support/helpers';

jest.mock('srt-parser-2', () =>
  jest
    .requireActual<typeof import('./support/esm')>('./support/esm')
    .loadEsmAsCommonJs('srt-parser-2'),
);

function srt(text: string, speakerMap?: Record<string, 'agent' | 'customer' | 'system'>) {
  return parseTranscript('t.srt', Buffer.from(text), { speakerMap });
}

describe('SubRip (.srt)', () => {
  it('reads the Korean file: 상담사/고객 prefixes, tags removed, a cue without a prefix continues', () => {
    const { meta, turns } = parseTranscript('call-ko.srt', fixture('call-ko.srt'));
    expect(meta).toEqual({ channel: 'voice' });
    expect(turns).toEqual([
      {
        speaker: 'agent',
        startMs: 500,
        endMs: 4800,
        text: '안녕하세요, 한빛통신 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?',
      },
      {
        speaker: 'customer',
        startMs: 5200,
        endMs: 9000,
        text: '해외 로밍 요금이 너무 많이 나와서요.',
      },
      { speaker: 'agent', startMs: 9400, endMs: 12100, text: '불편을 드려 죄송합니다.' },
      {
        speaker: 'agent',
        startMs: 12100,
        endMs: 15600,
        text: '로밍 이용 내역을 바로 확인해 드리겠습니다.',
      },
      { speaker: 'customer', startMs: 16000, endMs: 18250, text: '네, 부탁드려요.' },
    ]);
  });

  it('reads the English file: [Agent], (speaker 1), Speaker 1:, dot separators', () => {
    const { meta, turns } = parseTranscript('call-en.srt', fixture('call-en.srt'));
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['agent', 1000, 5500],
      ['customer', 5900, 9400],
      ['agent', 9800, 14200],
      ['customer', 14600, 17900],
    ]);
    expect(turns[3].text).toBe("Great, it's 12 Elm Court.");
    // "speaker 1" is a numbered speaker; the agent being known, it is the customer.
    expect(meta.metadata).toBeUndefined();
  });

  it('numbered speakers only: the heuristic decides, the map overrides', () => {
    const text =
      '1\n00:00:00,000 --> 00:00:02,000\nSpeaker 1: Hello?\n\n' +
      '2\n00:00:02,500 --> 00:00:05,000\nSpeaker 2: Thank you for calling Contoso, how can I help?\n';
    const guessed = srt(text);
    expect(guessed.turns.map((t) => t.speaker)).toEqual(['customer', 'agent']);
    expect(guessed.meta.metadata?.speakerGuess).toMatchObject({
      agent: 'speaker 2',
      confidence: 'high',
    });
    expect(srt(text, { 'Speaker 1': 'agent' }).turns.map((t) => t.speaker)).toEqual([
      'agent',
      'customer',
    ]);
  });

  it('accepts cues without numbers, one-digit hours and short milliseconds', () => {
    const { turns } = srt('0:00:01,5 --> 0:00:02,25\n고객: 네\n');
    expect(turns).toEqual([{ speaker: 'customer', startMs: 1500, endMs: 2250, text: '네' }]);
  });

  const bad: Array<{ name: string; text: string; line: number; reason: RegExp }> = [
    {
      name: 'a bad timing line',
      text: '1\n00:00:01,000 -> 00:00:02,000\n상담사: 네\n',
      line: 2,
      reason:
        /^expected a cue timing like "00:00:01,000 --> 00:00:04,000", got "00:00:01,000 -> 00:00:02,000"$/,
    },
    {
      name: 'seconds over 59',
      text: '1\n00:00:75,000 --> 00:00:76,000\n상담사: 네\n',
      line: 2,
      reason: /minutes and seconds go up to 59/,
    },
    {
      name: 'an end before the start',
      text: '\n\n1\n00:00:05,000 --> 00:00:02,000\n상담사: 네\n',
      line: 4,
      reason: /^cue ends \(2000 ms\) before it starts \(5000 ms\)$/,
    },
    {
      name: 'a missing blank line between cues',
      text: '1\n00:00:01,000 --> 00:00:02,000\n상담사: 네\n2\n00:00:03,000 --> 00:00:04,000\n고객: 네\n',
      line: 5,
      reason: /^a cue runs into the next one: add a blank line before line 5$/,
    },
    {
      name: 'a first cue without a speaker',
      text: '1\n00:00:01,000 --> 00:00:02,000\n안녕하세요\n',
      line: 3,
      reason: /^cue at line 2 has no speaker: start its text with "상담사:", "고객:"/,
    },
    {
      name: 'two speakers in one cue',
      text: '1\n00:00:01,000 --> 00:00:02,000\nAgent: hi\nCustomer: hello\n',
      line: 4,
      reason: /^cue at line 2 has more than one speaker/,
    },
    {
      name: 'an empty cue',
      text: '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n고객: 네\n',
      line: 2,
      reason: /^cue at line 2 is empty$/,
    },
  ];

  it.each(bad)('$name is refused at its line', (c) => {
    const error = parseError(() => srt(c.text));
    expect(error.line).toBe(c.line);
    expect(error.reason).toMatch(c.reason);
  });
});

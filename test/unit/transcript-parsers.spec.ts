import { readFileSync } from 'fs';
import { join } from 'path';
import { parseNativeJson } from '../../src/transcripts/native-json.parser';
import { firstInvalidUtf8Byte } from '../../src/common/utf8';
import { detectFormat, parseTranscript } from '../../src/transcripts/parse-transcript';
import { TranscriptParseError } from '../../src/transcripts/transcript';
import { parseWebVtt, resolveSpeakerName } from '../../src/transcripts/webvtt.parser';

const FIXTURES = join(__dirname, '..', 'fixtures', 'transcripts');

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Runs `fn`, requires a TranscriptParseError, and returns it for closer inspection. */
function parseError(fn: () => unknown): TranscriptParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscriptParseError) return error;
    throw new Error(`expected a TranscriptParseError, got ${String(error)}`);
  }
  throw new Error('expected a TranscriptParseError, but parsing succeeded');
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A minimal valid native transcript; `patch` overrides top-level fields. */
function transcript(patch: Record<string, unknown> = {}): string {
  return json({
    turns: [
      { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요.' },
      { speaker: 'customer', startMs: 2500, endMs: 4000, text: '네, 안녕하세요.' },
    ],
    ...patch,
  });
}

function withTurns(...turns: unknown[]): string {
  return json({ turns });
}

describe('good fixtures', () => {
  it('parses the Korean native JSON call with its meta', () => {
    const { meta, turns } = parseTranscript('call-ko.json', fixture('call-ko.json'));

    expect(meta).toEqual({
      externalId: 'HB-20261102-0042',
      source: 'hanbit-pbx',
      channel: 'voice',
      language: 'ko',
      agentExternalId: 'A-017',
      agentName: '김민지',
      teamName: '요금상담 1팀',
      startedAt: '2026-11-02T09:15:00+09:00',
      queue: 'billing',
      notes: expect.stringContaining('해외 데이터 차단') as unknown,
      recordingUrl: 'https://recordings.example.com/2026/11/02/HB-20261102-0042.wav',
      metadata: { csat: 5, fcr: true, disposition: 'resolved', holdSeconds: 58 },
    });
    expect(turns).toHaveLength(14);
    expect(turns[0]).toEqual({
      speaker: 'system',
      startMs: 0,
      endMs: 4200,
      text: '고객님과의 통화 내용은 서비스 품질 향상을 위해 녹음됩니다.',
    });
    // Korean aliases in the file: 상담사 → agent, 고객 → customer.
    expect(turns[1]).toMatchObject({ speaker: 'agent', startMs: 4500, endMs: 9800 });
    expect(turns[1].text).toContain('한빛통신 고객센터 상담사 김민지입니다');
    expect(turns[2]).toMatchObject({ speaker: 'customer', startMs: 10300, endMs: 16900 });
    expect(turns[13].text).toContain('좋은 하루 보내세요');
    expect(turns.map((t) => t.speaker)).toEqual([
      'system',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
    ]);
  });

  it('parses the English WebVTT call: voices, ms times, tags and entities removed', () => {
    const { meta, turns } = parseTranscript('call-en.vtt', fixture('call-en.vtt'));

    expect(meta).toEqual({ channel: 'voice' });
    expect(turns).toHaveLength(10);
    expect(turns[0]).toEqual({
      speaker: 'agent',
      startMs: 400,
      endMs: 5900,
      text: 'Thank you for calling Northwind Energy, my name is Daniel. How can I help you today?',
    });
    expect(turns[1]).toMatchObject({ speaker: 'customer', startMs: 6300, endMs: 11200 });
    // A cue wrapped over two lines is one utterance.
    expect(turns[2].text).toBe(
      "Happy to help with that. For security, could you confirm the account holder's full name " +
        'and the first line of the current address?',
    );
    expect(turns[4].text).toContain('the account & the new address');
    expect(turns[5]).toMatchObject({ startMs: 65000, endMs: 72300 });
    expect(turns[5].text).toContain('with a final meter reading at Elm Court');
    expect(turns[9]).toMatchObject({ speaker: 'agent', startMs: 86600, endMs: 90900 });
  });

  it('parses the Korean WebVTT call with 상담사/고객 voices and mm:ss timings', () => {
    const { turns } = parseTranscript('call-ko.vtt', fixture('call-ko.vtt'));

    expect(turns).toHaveLength(7);
    expect(turns[0]).toEqual({
      speaker: 'agent',
      startMs: 500,
      endMs: 5200,
      text: '안녕하세요, 바른카드 고객센터 상담원 이준호입니다.',
    });
    expect(turns[1]).toMatchObject({ speaker: 'customer', startMs: 5600, endMs: 10100 });
    expect(turns.filter((t) => t.speaker === 'agent')).toHaveLength(4);
  });
});

describe('bad fixtures', () => {
  const cases: Array<{
    name: string;
    line?: number;
    field?: string;
    reason: RegExp;
  }> = [
    { name: 'bad-empty.json', reason: /^empty file$/ },
    { name: 'bad-not-transcript.json', reason: /^not a transcript: no turns array/ },
    {
      name: 'bad-missing-timestamp.json',
      line: 7,
      field: 'turns[2].startMs',
      reason: /missing start time: give startMs \(milliseconds\) or start \(seconds\)/,
    },
    {
      name: 'bad-overlapping-garbage.json',
      line: 9,
      field: 'turns[3].startMs',
      reason: /turns out of order: this turn starts at 4300 ms, 16700 ms before the previous turn/,
    },
    {
      name: 'bad-unknown-speaker.vtt',
      line: 7,
      reason: /^unknown speaker "Jordan" \(line 7\): pass a speaker mapping/,
    },
    {
      name: 'bad-invalid-utf8.vtt',
      line: 7,
      reason: /not valid UTF-8 \(byte 0xB9\): save the file as UTF-8/,
    },
  ];

  it.each(cases)('$name is refused with a located, readable error', (c) => {
    const error = parseError(() => parseTranscript(c.name, fixture(c.name)));

    expect(error.file).toBe(c.name);
    expect(error.reason).toMatch(c.reason);
    expect(error.line).toBe(c.line);
    expect(error.field).toBe(c.field);
    expect(error.message).toContain(c.name);
  });

  it('a speaker mapping fixes the unknown speaker', () => {
    const { turns } = parseTranscript(
      'bad-unknown-speaker.vtt',
      fixture('bad-unknown-speaker.vtt'),
      {
        speakerMap: { Jordan: 'customer' },
      },
    );
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'customer']);
  });
});

describe('parseTranscript: checks before parsing', () => {
  it('refuses a 50 MB upload by its size alone, without decoding it', () => {
    // 0xFF is never valid UTF-8: had the bytes been decoded, the error would be about encoding.
    const huge = Buffer.alloc(50 * 1024 * 1024, 0xff);

    const error = parseError(() => parseTranscript('huge.json', huge));

    expect(error.reason).toBe('file is 50 MB; the limit is 20 MB');
    expect(error.line).toBeUndefined();
  });

  it('honours maxBytes and never shows a size equal to the limit', () => {
    const bytes = Buffer.from(transcript());
    expect(parseError(() => parseTranscript('t.json', bytes, { maxBytes: 100 })).reason).toBe(
      `file is ${bytes.length} bytes; the limit is 100 bytes`,
    );
    const justOver = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    expect(parseError(() => parseTranscript('t.json', justOver)).reason).toBe(
      'file is 20.1 MB; the limit is 20 MB',
    );
  });

  it('refuses empty and whitespace-only files', () => {
    expect(parseError(() => parseTranscript('a.json', Buffer.alloc(0))).reason).toBe('empty file');
    expect(parseError(() => parseTranscript('a.vtt', Buffer.from(' \r\n\t\n'))).reason).toBe(
      'empty file',
    );
    expect(parseError(() => parseTranscript('a.vtt', Buffer.from('\uFEFF\n'))).reason).toBe(
      'empty file',
    );
  });

  it('reports the line of the first invalid UTF-8 byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\n<v 고객>'),
      Buffer.from([0xc3, 0x28]), // a 2-byte lead followed by a non-continuation byte
      Buffer.from('\r\n'),
    ]);
    const error = parseError(() => parseTranscript('x.vtt', bytes));
    expect(error.line).toBe(4);
    expect(error.reason).toMatch(/^not valid UTF-8 \(byte 0xC3\)/);
  });

  it('finds malformed UTF-8 the way TextDecoder does', () => {
    const at = (...bytes: number[]): number => firstInvalidUtf8Byte(Uint8Array.from(bytes));
    expect(at(0x41, 0xea, 0xb3, 0xa0)).toBe(-1); // "A고"
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBe(-1); // an emoji
    expect(at(0x41, 0xc0, 0x80)).toBe(1); // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // UTF-16 surrogate
    expect(at(0x41, 0x42, 0xea, 0xb3)).toBe(2); // truncated at the end
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
  });

  it('names UTF-16 files instead of calling them garbage', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]);
    expect(parseError(() => parseTranscript('t.json', bytes)).reason).toMatch(/UTF-16/);
  });

  it('strips a UTF-8 BOM for both formats', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const fromJson = parseTranscript('t.json', Buffer.concat([bom, Buffer.from(transcript())]));
    expect(fromJson.turns).toHaveLength(2);

    const vtt = Buffer.concat([bom, fixture('call-ko.vtt')]);
    expect(parseTranscript('t.vtt', vtt).turns).toHaveLength(7);
    // The parsers also accept a BOM when called directly.
    expect(parseNativeJson('t.json', `\uFEFF${transcript()}`).turns).toHaveLength(2);
  });

  it('detects the format by extension, then by content', () => {
    expect(detectFormat('call.JSON', 'WEBVTT')).toBe('json');
    expect(detectFormat('call.vtt', '{')).toBe('vtt');
    expect(detectFormat('upload.txt', '  \n{"turns": []}')).toBe('json');
    expect(detectFormat('upload', '\uFEFFWEBVTT\n\n')).toBe('vtt');
    // Plain text with speaker prefixes is a format of its own (see test/unit/transcripts).
    expect(detectFormat('notes.txt', 'Agent: hello')).toBe('text');
    expect(detectFormat('notes.bin', 'hello there')).toBeUndefined();

    const fromTxt = parseTranscript('export.txt', fixture('call-en.vtt'));
    expect(fromTxt.turns).toHaveLength(10);
    const error = parseError(() => parseTranscript('notes.bin', Buffer.from('hello there')));
    expect(error.reason).toMatch(
      /^not a transcript: unrecognised format \(expected native JSON, WebVTT/,
    );
  });

  it('uses an explicit format over the extension', () => {
    const parsed = parseTranscript('call.txt', fixture('call-ko.json'), { format: 'json' });
    expect(parsed.meta.externalId).toBe('HB-20261102-0042');
  });

  it('sorts slightly out-of-order turns stably by start time', () => {
    const text = withTurns(
      { speaker: 'agent', startMs: 1000, endMs: 6000, text: '요금 내역을 확인해 보겠습니다.' },
      // A backchannel that started before the agent's turn: within its length, so accepted.
      { speaker: 'customer', startMs: 800, endMs: 1200, text: '네' },
      { speaker: 'system', startMs: 1000, endMs: 1000, text: '  보류 음악  ' },
    );
    const { turns } = parseTranscript('t.json', Buffer.from(text));
    expect(turns.map((t) => [t.speaker, t.startMs, t.text])).toEqual([
      ['customer', 800, '네'],
      ['agent', 1000, '요금 내역을 확인해 보겠습니다.'],
      ['system', 1000, '보류 음악'],
    ]);
  });
});

describe('native JSON', () => {
  it('accepts start/end in seconds and rounds to whole milliseconds', () => {
    const { turns } = parseNativeJson(
      't.json',
      withTurns(
        { speaker: 'Agent', start: 0.0004, end: 3.2, text: 'Hello' },
        { speaker: 'CUSTOMER', start: 3.5125, end: 5, text: 'Hi' },
      ),
    );
    expect(turns).toEqual([
      { speaker: 'agent', startMs: 0, endMs: 3200, text: 'Hello' },
      { speaker: 'customer', startMs: 3513, endMs: 5000, text: 'Hi' },
    ]);
  });

  it('rounds fractional milliseconds', () => {
    const { turns } = parseNativeJson(
      't.json',
      withTurns({ speaker: 'agent', startMs: 10.4, endMs: 20.5, text: 'x' }),
    );
    expect(turns[0]).toMatchObject({ startMs: 10, endMs: 21 });
  });

  it('lets chat turns omit endMs', () => {
    const { meta, turns } = parseNativeJson(
      'chat.json',
      json({
        channel: 'chat',
        turns: [
          { speaker: '고객', startMs: 0, text: '배송 조회 부탁드려요.' },
          { speaker: '상담원', startMs: 42000, endMs: null, text: '주문번호를 알려 주시겠어요?' },
        ],
      }),
    );
    expect(meta).toEqual({ channel: 'chat' });
    expect(turns).toEqual([
      { speaker: 'customer', startMs: 0, endMs: 0, text: '배송 조회 부탁드려요.' },
      { speaker: 'agent', startMs: 42000, endMs: 42000, text: '주문번호를 알려 주시겠어요?' },
    ]);
  });

  it('requires endMs for voice (or unspecified) channels', () => {
    const error = parseError(() =>
      parseNativeJson('t.json', withTurns({ speaker: 'agent', startMs: 0, text: 'hi' })),
    );
    expect(error.field).toBe('turns[0].endMs');
    expect(error.reason).toMatch(/missing end time.*only chat transcripts may omit it/);
  });

  it('treats null and blank meta strings as absent and accepts numeric ids', () => {
    const { meta } = parseNativeJson(
      't.json',
      transcript({ externalId: 88213, source: '', queue: null, agent: { externalId: 17 } }),
    );
    expect(meta).toEqual({ externalId: '88213', agentExternalId: '17' });
  });

  it('keeps the primary language subtag', () => {
    expect(parseNativeJson('t.json', transcript({ language: 'ko-KR' })).meta.language).toBe('ko');
  });

  describe('errors', () => {
    const turnCases: Array<{
      title: string;
      turn: Record<string, unknown>;
      field: string;
      reason: RegExp;
    }> = [
      {
        title: 'an unknown speaker',
        turn: { speaker: 'bot', startMs: 0, endMs: 1, text: 'x' },
        field: 'turns[1].speaker',
        reason: /^unknown speaker "bot": use agent, customer or system/,
      },
      {
        title: 'an Object.prototype name as speaker',
        turn: { speaker: 'toString', startMs: 0, endMs: 1, text: 'x' },
        field: 'turns[1].speaker',
        reason: /^unknown speaker "toString"/,
      },
      {
        title: 'a missing speaker',
        turn: { startMs: 0, endMs: 1, text: 'x' },
        field: 'turns[1].speaker',
        reason: /^missing speaker/,
      },
      {
        title: 'a non-numeric time',
        turn: { speaker: 'agent', startMs: '5000', endMs: 6000, text: 'x' },
        field: 'turns[1].startMs',
        reason: /^startMs must be a number of milliseconds, got a string \("5000"\)/,
      },
      {
        title: 'a negative time',
        turn: { speaker: 'agent', start: -1, end: 2, text: 'x' },
        field: 'turns[1].start',
        reason: /^start must not be negative/,
      },
      {
        title: 'an end before the start',
        turn: { speaker: 'agent', startMs: 9000, endMs: 8000, text: 'x' },
        field: 'turns[1].endMs',
        reason: /^turn ends before it starts \(endMs 8000 < startMs 9000\)/,
      },
      {
        title: 'mixed time units',
        turn: { speaker: 'agent', startMs: 3000, end: 4, text: 'x' },
        field: 'turns[1]',
        reason: /mixes startMs\/endMs \(milliseconds\) with start\/end \(seconds\)/,
      },
      {
        title: 'empty text',
        turn: { speaker: 'agent', startMs: 3000, endMs: 4000, text: '   ' },
        field: 'turns[1].text',
        reason: /^empty text$/,
      },
      {
        title: 'missing text',
        turn: { speaker: 'agent', startMs: 3000, endMs: 4000 },
        field: 'turns[1].text',
        reason: /^missing text$/,
      },
      {
        title: 'text over 20,000 characters',
        turn: { speaker: 'agent', startMs: 3000, endMs: 4000, text: '가'.repeat(20_001) },
        field: 'turns[1].text',
        reason: /^text is 20,001 characters; the limit is 20,000 per turn$/,
      },
    ];

    it.each(turnCases)('$title is located by field and line', ({ turn, field, reason }) => {
      const text = [
        '{',
        '  "turns": [',
        '    { "speaker": "agent", "startMs": 0, "endMs": 2000, "text": "안녕하세요." },',
        `    ${JSON.stringify(turn)}`,
        '  ]',
        '}',
      ].join('\n');
      const error = parseError(() => parseNativeJson('t.json', text));
      expect(error.field).toBe(field);
      expect(error.reason).toMatch(reason);
      expect(error.line).toBe(4);
    });

    it('counts 20,000 characters as characters, not UTF-16 units', () => {
      const emoji = '😀'.repeat(20_000); // 40,000 UTF-16 units
      const text = withTurns({ speaker: 'agent', startMs: 0, endMs: 1, text: emoji });
      expect(parseNativeJson('t.json', text).turns[0].text).toBe(emoji);
    });

    it('refuses non-finite times such as 1e400', () => {
      const text = '{"turns": [{"speaker": "agent", "startMs": 0, "endMs": 1e400, "text": "x"}]}';
      const error = parseError(() => parseNativeJson('t.json', text));
      expect(error).toMatchObject({ field: 'turns[0].endMs', line: 1 });
      expect(error.reason).toBe('endMs must be a finite number');
    });

    it('reports invalid JSON with the line and column of the problem', () => {
      const text = '{\n  "turns": [\n    { "speaker": "agent", "startMs": 0, },\n  ]\n}';
      const error = parseError(() => parseNativeJson('t.json', text));
      expect(error.line).toBe(3);
      expect(error.field).toBeUndefined();
      expect(error.reason).toBe(
        'invalid JSON: expected a property (trailing commas are not allowed) ' +
          'but found "}" (column 41)',
      );
    });

    it('reports unterminated JSON at its end', () => {
      const error = parseError(() => parseNativeJson('t.json', '{\n  "turns": [\n'));
      expect(error.line).toBe(3);
      expect(error.reason).toMatch(/^invalid JSON: expected a value but found the end of the file/);
    });

    it('reports a raw line break inside a string', () => {
      const error = parseError(() =>
        parseNativeJson('t.json', '{"turns": [\n{"text": "first\nsecond"}]}'),
      );
      expect(error.line).toBe(2);
      expect(error.reason).toMatch(/no line break or control character inside a string/);
    });

    it('refuses a JSON document that is not an object', () => {
      const error = parseError(() => parseNativeJson('t.json', '[{"speaker": "agent"}]'));
      expect(error.reason).toBe(
        'not a transcript: no turns array (the file holds an array, not an object)',
      );
    });

    it('refuses a turns value that is not an array, or an empty one', () => {
      const notArray = parseError(() => parseNativeJson('t.json', '{\n"x": 1,\n"turns": {}\n}'));
      expect(notArray).toMatchObject({ field: 'turns', line: 3 });
      expect(notArray.reason).toMatch(/^not a transcript: no turns array/);

      const empty = parseError(() => parseNativeJson('t.json', '{\n  "turns": []\n}'));
      expect(empty).toMatchObject({ field: 'turns', line: 2 });
      expect(empty.reason).toBe('no turns: the turns array is empty');
    });

    it('refuses a turn that is not an object', () => {
      const error = parseError(() => parseNativeJson('t.json', '{"turns": [\n  "hello"\n]}'));
      expect(error).toMatchObject({ field: 'turns[0]', line: 2 });
      expect(error.reason).toMatch(/^turn must be an object, got a string/);
    });

    it('locates turns correctly when strings contain brackets, escapes and "turns" keys', () => {
      const text = [
        '{ "notes": "see [turns] {below}, \\"quoted\\"",',
        '  "metadata": { "turns": [1, 2, 3] },',
        '  "turns": [',
        '    { "speaker": "agent", "startMs": 0, "endMs": 1, "text": "a ] } [ {" },',
        '',
        '    { "speaker": "robot", "startMs": 2, "endMs": 3, "text": "b" }',
        '  ] }',
      ].join('\r\n');
      expect(parseError(() => parseNativeJson('t.json', text))).toMatchObject({
        field: 'turns[1].speaker',
        line: 6,
      });
    });

    const metaCases: Array<{
      patch: Record<string, unknown>;
      field: string;
      reason: RegExp;
    }> = [
      { patch: { channel: 'sms' }, field: 'channel', reason: /^channel must be "voice" or "chat"/ },
      {
        patch: { channel: 1 },
        field: 'channel',
        reason: /^channel must be a string, got a number/,
      },
      {
        patch: { startedAt: 'yesterday' },
        field: 'startedAt',
        reason: /^startedAt must be an ISO-8601 date-time like "2026-11-02T09:15:00\+09:00"/,
      },
      {
        patch: { startedAt: '2026-02-30T09:00:00+09:00' },
        field: 'startedAt',
        reason: /^startedAt must be an ISO-8601 date-time/,
      },
      {
        patch: { metadata: [1, 2] },
        field: 'metadata',
        reason: /^metadata must be an object, got an array/,
      },
      { patch: { metadata: 'csat=4' }, field: 'metadata', reason: /^metadata must be an object/ },
      { patch: { agent: '김민지' }, field: 'agent', reason: /^agent must be an object like/ },
      {
        patch: { agent: { name: 7 } },
        field: 'agent.name',
        reason: /^agent\.name must be a string/,
      },
      {
        patch: { externalId: true },
        field: 'externalId',
        reason: /must be a string or an integer/,
      },
      {
        patch: { language: 'korean!' },
        field: 'language',
        reason: /^language must be a language tag/,
      },
      {
        patch: { recordingUrl: 'javascript:alert(1)' },
        field: 'recordingUrl',
        reason: /^recordingUrl must be an absolute http\(s\) URL/,
      },
    ];

    it.each(metaCases)('refuses a bad $field: $patch', ({ patch, field, reason }) => {
      const error = parseError(() => parseNativeJson('t.json', transcript(patch)));
      expect(error.field).toBe(field);
      expect(error.reason).toMatch(reason);
      // transcript() puts "turns" first, so any meta key starts on a later line.
      expect(error.line).toBeGreaterThan(1);
    });

    it('accepts the documented startedAt forms', () => {
      for (const startedAt of ['2026-11-02T09:15:00Z', '2026-11-02T09:15:00.250+09:00']) {
        expect(parseNativeJson('t.json', transcript({ startedAt })).meta.startedAt).toBe(startedAt);
      }
      expect(parseNativeJson('t.json', transcript({ startedAt: '2026-11-02 09:15' })).meta).toEqual(
        {
          startedAt: '2026-11-02T09:15',
        },
      );
    });
  });
});

describe('WebVTT', () => {
  const vtt = (...lines: string[]): string => ['WEBVTT', '', ...lines].join('\n');

  it('maps names through the speaker map before guessing', () => {
    const text = vtt(
      '00:01.000 --> 00:02.000',
      '<v 김민지>안녕하세요.',
      '',
      '00:02.500 --> 00:03.000',
      '<v Customer>Agent said hi',
    );
    const { turns } = parseWebVtt('t.vtt', text, { 김민지: 'agent', Customer: 'system' });
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'system']);
  });

  it('recognises speaker words with suffixes, case-insensitively', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Agent 1', 'agent'],
      ['agent', 'agent'],
      ['REP', 'agent'],
      ['Representative', 'agent'],
      ['Advisor-2', 'agent'],
      ['상담사 김민지', 'agent'],
      ['상담원2', 'agent'],
      ['Caller', 'customer'],
      ['client (new)', 'customer'],
      ['고객님', 'customer'],
      ['IVR', 'system'],
      ['ARS', 'system'],
      ['시스템', 'system'],
      ['Jordan', undefined],
      ['Repairman', undefined],
      ['고객센터', undefined],
      ['constructor', undefined],
    ];
    for (const [name, speaker] of cases) {
      expect([name, resolveSpeakerName(name, {})]).toEqual([name, speaker]);
    }
  });

  it('refuses a cue without a voice tag, naming its line', () => {
    const text = vtt(
      '00:01.000 --> 00:02.000',
      '<v Agent>Hello.',
      '',
      'greeting-2',
      '00:02.500 --> 00:03.000',
      'Hi there.',
    );
    const error = parseError(() => parseWebVtt('t.vtt', text));
    expect(error.line).toBe(8);
    expect(error.reason).toMatch(/^cue at line 7 has no speaker: start its text with a voice tag/);
  });

  it('refuses a missing WEBVTT header', () => {
    const error = parseError(() => parseWebVtt('t.vtt', '00:01.000 --> 00:02.000\n<v Agent>Hi\n'));
    expect(error.line).toBe(1);
    expect(error.reason).toBe('not a WebVTT file: the first line must be "WEBVTT"');
  });

  it('refuses a bad timestamp with its line', () => {
    const text = vtt(
      '00:01.000 --> 00:02.000',
      '<v Agent>Hello.',
      '',
      '00:02.5 --> 00:03.000',
      '<v Customer>Hi.',
    );
    const error = parseError(() => parseTranscript('t.vtt', Buffer.from(text)));
    expect(error.line).toBe(6);
    expect(error.reason).toBe(
      'bad cue timing "00:02.5 --> 00:03.000": Milliseconds must be given in three digits. ' +
        'Expected e.g. "00:00:01.000 --> 00:00:04.000"',
    );
  });

  it('refuses text that belongs to no cue', () => {
    const text = vtt('00:01.000 --> 00:02.000', '<v Agent>Hello,', '', 'how can I help?', '');
    const error = parseError(() => parseWebVtt('t.vtt', text));
    expect(error.line).toBe(6);
    expect(error.reason).toMatch(/^text outside any cue: "how can I help\?"/);
  });

  it('refuses a cue that ends before it starts', () => {
    const text = vtt('00:05.000 --> 00:03.000', '<v Agent>Hello.');
    const error = parseError(() => parseWebVtt('t.vtt', text));
    expect(error.line).toBe(3);
    expect(error.reason).toBe('cue ends (3000 ms) before it starts (5000 ms)');
  });

  it('refuses a cue with two speakers', () => {
    const text = vtt('00:01.000 --> 00:04.000', '<v Agent>Hello.</v> <v Customer>Hi.</v>');
    const error = parseError(() => parseWebVtt('t.vtt', text));
    expect(error.reason).toMatch(/more than one speaker \(Agent, Customer\)/);
    expect(error.line).toBe(4);
  });

  it('refuses a file with no cues', () => {
    expect(parseError(() => parseWebVtt('t.vtt', 'WEBVTT\n\nNOTE nothing here\n')).reason).toBe(
      'no turns: the file has no cues',
    );
  });

  it('tolerates cosmetic problems: header lines, cue settings, CRLF, unsorted cues', () => {
    const text = [
      'WEBVTT',
      'Kind: captions',
      'Language: en',
      '',
      '00:00:04.000 --> 00:00:06.000 align:middle',
      '<v.loud Customer>I <b>really</b> need help &lt;now&gt;',
      '',
      '00:00:01.000 --> 00:00:03.500',
      '<v Agent>Hello',
    ].join('\r\n');
    const { turns } = parseTranscript('t.vtt', Buffer.from(text));
    expect(turns).toEqual([
      { speaker: 'agent', startMs: 1000, endMs: 3500, text: 'Hello' },
      { speaker: 'customer', startMs: 4000, endMs: 6000, text: 'I really need help <now>' },
    ]);
  });

  it('reports errors in document order even when cues are out of time order', () => {
    const text = vtt(
      '00:00:09.000 --> 00:00:10.000',
      '<v Agent>Later',
      '',
      '00:00:01.000 --> 00:00:02.000',
      '<v Nobody>Earlier',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '<v Someone>Middle',
    );
    const error = parseError(() => parseWebVtt('t.vtt', text));
    expect(error.reason).toMatch(/^unknown speaker "Nobody" \(line 7\)/);
  });

  it('locates identical cue timings correctly', () => {
    const text = vtt(
      '00:01.000 --> 00:02.000',
      '<v Agent>One',
      '',
      '00:01.000 --> 00:02.000',
      '<v Ghost>Two',
    );
    expect(parseError(() => parseWebVtt('t.vtt', text)).line).toBe(7);
  });
});

import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { setAt } from './support/mutate';

function whisper(segments: Array<Record<string, unknown>>): Buffer {
  return json({
    params: { model: 'models/ggml-base.bin', language: 'auto', translate: false },
    transcription: segments.map((s, i) => ({
      timestamps: { from: '', to: '' },
      offsets: { from: i * 3000, to: i * 3000 + 2500 },
      ...s,
    })),
  });
}

describe('whisper.cpp JSON', () => {
  it('--tinydiarize: speakers alternate after speaker_turn_next; blank audio dropped', () => {
    const { meta, turns } = parseTranscript(
      'whisper-tdrz-en.json',
      fixture('whisper-tdrz-en.json'),
    );
    expect(meta).toMatchObject({ channel: 'voice', language: 'en' });
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'speaker_0', confidence: 'high' });
    expect(turns).toEqual([
      {
        speaker: 'agent',
        startMs: 0,
        endMs: 4900,
        text: 'Thank you for calling Litware Internet. My name is Omar, how can I help you?',
      },
      {
        speaker: 'customer',
        startMs: 5400,
        endMs: 9000,
        text: 'Hi, my internet keeps dropping every evening.',
      },
      {
        speaker: 'agent',
        startMs: 10000,
        endMs: 14200,
        text: "I'm sorry about that. Let me run a line test.",
      },
      { speaker: 'customer', startMs: 14800, endMs: 16000, text: 'Sure, go ahead.' },
    ]);
  });

  it('--diarize (stereo): speaker "0"/"1"; an undecided "?" stays with the speaker before it', () => {
    const { meta, turns } = parseTranscript(
      'whisper-diarize-ko.json',
      fixture('whisper-diarize-ko.json'),
    );
    expect(meta.language).toBe('ko');
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['agent', 0, 5000],
      ['customer', 5600, 9100],
      ['agent', 9500, 14000],
      ['customer', 14600, 16300],
    ]);
    expect(turns[0].text).toBe(
      '안녕하세요, 바른카드 고객센터 상담원 이준호입니다. 무엇을 도와드릴까요?',
    );
  });

  it('"[SPEAKER_TURN]" markers in the text switch speaker, sharing the segment time out', () => {
    const bytes = whisper([
      { text: ' Thanks for calling, how can I help? [SPEAKER_TURN] Hi.' },
      { text: ' I lost my card. [SPEAKER_TURN]' },
      { text: ' Let me block it.' },
    ]);
    const { turns } = parseTranscript('w.json', bytes);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['agent', 'Thanks for calling, how can I help?'],
      ['customer', 'Hi. I lost my card.'],
      ['agent', 'Let me block it.'],
    ]);
    // 35 and 3 characters share 2.5 s.
    expect(turns[0]).toMatchObject({ startMs: 0, endMs: 2303 });
    expect(turns[1]).toMatchObject({ startMs: 2303, endMs: 5500 });
  });

  it('speaker prefixes in the text; segments without one continue the speaker', () => {
    const bytes = whisper([
      { text: ' 상담사: 안녕하세요, 한빛통신입니다.' },
      { text: ' 무엇을 도와드릴까요?' },
      { text: ' 고객: 요금 문의요.' },
    ]);
    const { meta, turns } = parseTranscript('w.json', bytes);
    expect(meta.language).toBeUndefined();
    expect(turns.map((t) => [t.speaker, t.startMs, t.endMs, t.text])).toEqual([
      ['agent', 0, 5500, '안녕하세요, 한빛통신입니다. 무엇을 도와드릴까요?'],
      ['customer', 6000, 8500, '요금 문의요.'],
    ]);
  });

  it('refuses a transcript without any speaker information', () => {
    const error = parseError(() => parseTranscript('w.json', whisper([{ text: ' Hello there.' }])));
    expect(error.field).toBe('transcription[0].text');
    expect(error.reason).toMatch(
      /^no speaker information: whisper.cpp gives none unless run with --diarize \(stereo\) or --tinydiarize/,
    );
  });

  it('reads the older "(speaker 0)" form of the speaker field', () => {
    const bytes = whisper([
      { text: ' Welcome to Contoso, how can I help?', speaker: '(speaker 1)' },
      { text: ' Hi.', speaker: '(speaker 0)' },
      { text: ' Sure.', speaker: '(speaker ?)' },
    ]);
    const { turns, meta } = parseTranscript('w.json', bytes);
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'customer']);
    expect(turns[1].text).toBe('Hi. Sure.');
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'speaker_1' });
  });

  it('refuses --diarize output where every speaker is undecided', () => {
    const bytes = whisper([
      { text: ' a', speaker: '?' },
      { text: ' b', speaker: '?' },
    ]);
    expect(parseError(() => parseTranscript('w.json', bytes)).reason).toMatch(
      /every speaker is "\?"/,
    );
  });

  it.each([
    [
      ['transcription', 2, 'offsets', 'from'],
      -100,
      'transcription[2].offsets.from',
      /must not be negative/,
    ],
    [
      ['transcription', 2, 'offsets', 'to'],
      10,
      'transcription[2].offsets.to',
      /ends \(10 ms\) before it starts \(5400 ms\)/,
    ],
    [
      ['transcription', 2, 'offsets'],
      '00:00:05,400',
      'transcription[2].offsets',
      /must be an object/,
    ],
    [
      ['transcription', 1, 'speaker_turn_next'],
      'yes',
      'transcription[1].speaker_turn_next',
      /true or false/,
    ],
    [['transcription', 0, 'offsets', 'from'], 1e300, 'transcription[0].offsets.from', /too large/],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const error = parseError(() =>
      parseTranscript('w.json', json(setAt(fixtureJson('whisper-tdrz-en.json'), path, value))),
    );
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});

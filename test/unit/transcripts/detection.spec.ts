import { readFileSync } from 'fs';
import * as path from 'path';
import {
  detectFormat,
  parseTranscript,
  parseTranscripts,
  TRANSCRIPT_FORMATS,
  TranscriptFormat,
} from '../../../src/transcripts/parse-transcript';
import { external, fixture, json, parseError } from './support/helpers';

jest.mock('srt-parser-2', () =>
  jest
    .requireActual<typeof import('./support/esm')>('./support/esm')
    .loadEsmAsCommonJs('srt-parser-2'),
);

const cases: Array<[string, () => Buffer, TranscriptFormat]> = [
  ...[
    '01-plain.json',
    '02-channel-identification.json',
    '03-speaker-identification.json',
    '05-automatic-content-redaction-with-undredacted-redacted.json',
    '13-speaker-identification-vocabulary-filter-mask.json',
  ].map((name): [string, () => Buffer, TranscriptFormat] => [
    name,
    () => external(`transcribe/${name}`),
    'transcribe',
  ]),
  ['abcd_sample.json', () => external('abcd/abcd_sample.json'), 'abcd'],
  [
    'manual2dial_dial_validation.json',
    () => external('hg-tods/manual2dial_dial_validation.json'),
    'hg-tods',
  ],
  ['contact-lens-ko.json', () => fixture('contact-lens-ko.json'), 'contact-lens'],
  ['call-analytics-en.json', () => fixture('call-analytics-en.json'), 'contact-lens'],
  ['ccai-conversation.json', () => fixture('ccai-conversation.json'), 'google-ccai'],
  ['ccai-entries-ko.json', () => fixture('ccai-entries-ko.json'), 'google-ccai'],
  ['deepgram-utterances-en.json', () => fixture('deepgram-utterances-en.json'), 'deepgram'],
  ['deepgram-multichannel-ko.json', () => fixture('deepgram-multichannel-ko.json'), 'deepgram'],
  ['assemblyai-en.json', () => fixture('assemblyai-en.json'), 'assemblyai'],
  ['whisper-tdrz-en.json', () => fixture('whisper-tdrz-en.json'), 'whisper'],
  ['whisper-diarize-ko.json', () => fixture('whisper-diarize-ko.json'), 'whisper'],
  ['call-ko.srt', () => fixture('call-ko.srt'), 'srt'],
  ['call-en.srt', () => fixture('call-en.srt'), 'srt'],
  ['call-ko.txt', () => fixture('call-ko.txt'), 'text'],
  ['call-en.txt', () => fixture('call-en.txt'), 'text'],
  ['connect-chat-ko.json', () => fixture('connect-chat-ko.json'), 'connect-chat'],
  ['chat-ko.json', () => fixture('chat-ko.json'), 'chat-json'],
  ['chat-batch-en.json', () => fixture('chat-batch-en.json'), 'chat-json'],
  [
    'call-ko.json',
    () => readFileSync(path.resolve(__dirname, '../../fixtures/transcripts/call-ko.json')),
    'json',
  ],
];

describe('format detection', () => {
  it.each(cases)('%s → %s, by content whatever the file is called', (name, read, format) => {
    const text = read().toString('utf8');
    expect(detectFormat(name, text)).toBe(format);
    // Content decides, not the name: the same bytes under a neutral name.
    expect(detectFormat('upload', text)).toBe(format);
  });

  it('uses the extension for .srt and .vtt, and falls back to text for .txt', () => {
    expect(detectFormat('x.srt', 'anything')).toBe('srt');
    expect(detectFormat('x.vtt', '1\n00:00:01,000 --> 00:00:02,000\nAgent: hi')).toBe('vtt');
    expect(detectFormat('x.txt', 'no prefix here')).toBe('text');
    expect(detectFormat('x', 'no prefix here')).toBeUndefined();
  });

  it('reads "[00:01:02] Agent: …" as text, not as a broken JSON array', () => {
    expect(detectFormat('upload', '[00:00:01] Agent: hello')).toBe('text');
    expect(detectFormat('upload', '[Agent] hello')).toBe('text');
  });

  it('an explicit format overrides detection', () => {
    const bytes = fixture('call-en.txt');
    const error = parseError(() => parseTranscript('call-en.txt', bytes, { format: 'srt' }));
    expect(error.reason).toMatch(/^expected a cue timing like/);
    // A Call Analytics file forced through another JSON parser says what that parser expected.
    const forced = parseError(() =>
      parseTranscript('ca.json', fixture('call-analytics-en.json'), { format: 'deepgram' }),
    );
    expect(forced.reason).toBe('not a Deepgram response: no results object');
  });

  it('refuses an unknown format name', () => {
    const error = parseError(() =>
      parseTranscript('a.json', json({}), { format: 'docx' as TranscriptFormat }),
    );
    expect(error.reason).toBe(`unknown format "docx": use one of ${TRANSCRIPT_FORMATS.join(', ')}`);
  });

  it('parseTranscripts wraps a single transcript in an array', () => {
    const [one, ...rest] = parseTranscripts('chat-ko.json', fixture('chat-ko.json'));
    expect(rest).toEqual([]);
    expect(one.meta.externalId).toBe('CHAT-20261102-0007');
  });
});

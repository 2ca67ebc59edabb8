/**
 * Issue 15 item 6: every reason a transcript import is refused for reaches the reader in their
 * language. Each parser is fed broken input (one case per family of `import.reason.*` keys); the
 * error carries the key and its params, and both locale files render it whole: no `{placeholder}`
 * left, and the Korean text has no English words beyond data (quoted values, codes, numbers).
 * Every key the parsers and the importer name exists in both locale files.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import errorsEn from '../../../src/common/i18n/locales/errors.en.json';
import errorsKo from '../../../src/common/i18n/locales/errors.ko.json';
import { translate } from '../../../src/common/i18n/i18n';
import {
  parseTranscript,
  parseTranscripts,
  ParseTranscriptOptions,
} from '../../../src/transcripts/parse-transcript';
import { parseSidecarJson } from '../../../src/transcripts/native-json.parser';
import { lookupSpeaker, SpeakerMap } from '../../../src/transcripts/speaker-roles';
import { json, parseError } from './support/helpers';

jest.mock('srt-parser-2', () =>
  jest
    .requireActual<typeof import('./support/esm')>('./support/esm')
    .loadEsmAsCommonJs('srt-parser-2'),
);

const EN = errorsEn as Record<string, string>;
const KO = errorsKo as Record<string, string>;

/** Latin words in a Korean text once quoted data, codes, numbers and allowed names are out. */
function englishWords(text: string): string[] {
  const stripped = text
    .replace(/"[^"]*"/g, ' ')
    .replace(/<v [^>]*>/g, ' ')
    .replace(/\b[\w-]+\.(?:json|vtt|srt|txt|csv)\b/gi, ' ')
    .replace(/\b[A-Za-z]+-\d[\w-]*/g, ' ')
    .replace(/\bU\+[0-9A-F]+\b/g, ' ');
  const allowed = new Set(['json', 'webvtt', 'subrip', 'ms', 'mb', 'id']);
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
}

function rendered(messageKey: { key: string; params?: Record<string, string> }) {
  return {
    ko: translate('ko', messageKey.key, messageKey.params),
    en: translate('en', messageKey.key, messageKey.params),
  };
}

const text = (s: string) => Buffer.from(s, 'utf8');

interface Case {
  name: string;
  file: string;
  bytes: Buffer;
  options?: ParseTranscriptOptions;
  key: string;
  params?: Record<string, string>;
}

const TURN = { speaker: 'agent', startMs: 0, endMs: 1000, text: '안녕하세요' };

const CASES: Case[] = [
  // SubRip
  {
    name: 'SubRip: a cue without text',
    file: 'empty-cue.srt',
    bytes: text(
      '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n상담사: 네\n',
    ),
    key: 'cueEmpty',
    params: { line: '2' },
  },
  {
    name: 'SubRip: a broken timing line',
    file: 'timing.srt',
    bytes: text('1\n00:00:01,000 --> 00:00:02,000\n상담사: 네\n\n2\n00:00:03 -> 4\n고객: 네\n'),
    options: { format: 'srt' },
    key: 'cueTiming',
    params: { line: '6' },
  },
  {
    name: 'SubRip: a cue ending before it starts',
    file: 'backwards.srt',
    bytes: text('1\n00:00:05,000 --> 00:00:02,000\n상담사: 네\n'),
    key: 'cueEndsBeforeStart',
    params: { line: '2', startMs: '5000', endMs: '2000' },
  },
  {
    name: 'SubRip: a cue without a speaker',
    file: 'no-speaker.srt',
    bytes: text('1\n00:00:01,000 --> 00:00:02,000\n네 알겠습니다\n'),
    key: 'cueNoSpeaker',
  },
  // WebVTT
  {
    name: 'WebVTT: a cue without a voice tag',
    file: 'no-voice.vtt',
    bytes: text('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n안녕하세요\n'),
    key: 'cueNoVoice',
    params: { line: '3' },
  },
  {
    name: 'WebVTT: a broken timing line',
    file: 'timing.vtt',
    bytes: text('WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\n<v 상담사>안녕하세요\n'),
    key: 'cueTiming',
  },
  {
    name: 'WebVTT: text outside any cue',
    file: 'orphan.vtt',
    bytes: text('WEBVTT\n\n<v 상담사>안녕하세요\n\n00:00:01.000 --> 00:00:02.000\n<v 고객>네\n'),
    key: 'textOutsideCue',
  },
  // Text with speaker prefixes
  {
    name: 'text: a line without a speaker',
    file: 'call.txt',
    bytes: text('그냥 한 줄\n상담사: 안녕하세요\n'),
    options: { format: 'text' },
    key: 'lineNoSpeaker',
    params: { line: '1' },
  },
  {
    name: 'text: time going backwards',
    file: 'times.txt',
    bytes: text('[00:10] 상담사: 안녕하세요\n[00:05] 고객: 네\n'),
    key: 'timeBackwards',
    params: { line: '2', previousLine: '1' },
  },
  // JSON syntax
  {
    name: 'JSON: a syntax error, located',
    file: 'broken.json',
    bytes: text('{\n  "turns": [\n    {"speaker": "agent",, "text": "x"}\n  ]\n}\n'),
    options: { format: 'json' },
    key: 'invalidJsonAt',
    params: { line: '3' },
  },
  // Native JSON values
  {
    name: 'native JSON: a turn without text',
    file: 'no-text.json',
    bytes: json({ turns: [{ ...TURN, text: undefined }] }),
    key: 'fieldMissing',
    params: { field: 'turns[0].text' },
  },
  {
    name: 'native JSON: a wrongly typed value',
    file: 'typed.json',
    bytes: json({ queue: 7, turns: [TURN] }),
    key: 'mustBeString',
    params: { field: 'queue' },
  },
  {
    name: 'native JSON: an unknown speaker',
    file: 'speaker.json',
    bytes: json({ turns: [{ ...TURN, speaker: 'boss' }] }),
    key: 'unknownValue',
    params: { field: 'turns[0].speaker', value: '"boss"' },
  },
  {
    name: 'native JSON: a turn ending before it starts',
    file: 'order.json',
    bytes: json({ turns: [{ ...TURN, startMs: 3000, endMs: 1000 }] }),
    key: 'endsBeforeStart',
    params: { field: 'turns[0].endMs', startMs: '3000', endMs: '1000' },
  },
  {
    name: 'native JSON: mixed time units',
    file: 'units.json',
    bytes: json({ turns: [{ speaker: 'agent', startMs: 0, end: 1, text: 'x' }] }),
    key: 'mixedTimeUnits',
  },
  // Vendor JSON (typed reads by path)
  {
    name: 'Amazon Transcribe: a wrongly typed field at a path',
    file: 'transcribe.json',
    bytes: json({ jobName: 'j', results: { transcripts: [], items: 'nope' } }),
    options: { format: 'transcribe' },
    key: 'mustBeArray',
    params: { field: 'results.items' },
  },
  {
    name: 'Deepgram: not the format asked for',
    file: 'deepgram.json',
    bytes: json({ metadata: {} }),
    options: { format: 'deepgram' },
    key: 'notFormat',
    params: { format: 'deepgram', field: 'results' },
  },
  {
    name: 'Deepgram: no speaker labels',
    file: 'mono.json',
    bytes: json({
      metadata: {},
      results: {
        channels: [
          {
            alternatives: [
              { transcript: '네', words: [{ word: '네', start: 0, end: 0.5, confidence: 1 }] },
            ],
          },
        ],
      },
    }),
    options: { format: 'deepgram' },
    key: 'noSpeakerLabels',
  },
  {
    name: 'chat JSON: an unknown sender',
    file: 'chat.json',
    bytes: json({
      messages: [{ from: 'robot', text: '안녕하세요', at: '2026-11-02T09:15:00+09:00' }],
    }),
    options: { format: 'chat-json' },
    key: 'unknownValue',
  },
  {
    name: 'the format option: an unknown format',
    file: 'call.json',
    bytes: json({ turns: [TURN] }),
    options: { format: 'fax' as never },
    key: 'unknownFormat',
    params: { format: '"fax"' },
  },
];

describe('transcript import errors in the reader language', () => {
  it.each(CASES)('$name: import.reason.$key, rendered in Korean and English', (c) => {
    const error = parseError(() => parseTranscripts(c.file, c.bytes, c.options));
    expect(error.file).toBe(c.file);
    expect(error.messageKey.key).toBe(`import.reason.${c.key}`);
    if (c.params) expect(error.messageKey.params).toMatchObject(c.params);
    expectRenders(error.messageKey);
  });

  it('one call id for a file of many dialogues, a sidecar that is no object, a bad speaker mapping', () => {
    const two = json([
      { messages: [{ from: 'agent', text: '네', at: '2026-11-02T09:15:00+09:00' }] },
      { messages: [{ from: 'agent', text: '네', at: '2026-11-02T09:15:00+09:00' }] },
    ]);
    const many = parseError(() => parseTranscript('two.json', two, { format: 'chat-json' }));
    expect(many.messageKey).toEqual({ key: 'import.reason.manyDialogues', params: { count: '2' } });
    expectRenders(many.messageKey);

    const sidecar = parseError(() => parseSidecarJson('call.json.meta.json', '[1, 2]'));
    expect(sidecar.messageKey.key).toBe('import.reason.sidecarNotObject');
    expectRenders(sidecar.messageKey);

    const map = { A: 'boss' } as unknown as SpeakerMap;
    const mapping = parseError(() => lookupSpeaker('call.srt', map, 'A'));
    expect(mapping.messageKey).toEqual({
      key: 'import.reason.badSpeakerMapping',
      params: { name: '"A"', value: '"boss"' },
    });
    expectRenders(mapping.messageKey);
  });

  it('the Korean text names the line and the field it is about', () => {
    const cue = parseError(() => parseTranscripts('empty-cue.srt', CASES[0].bytes));
    expect(rendered(cue.messageKey).ko).toBe('2행의 자막이 비어 있습니다');
    const field = parseError(() => parseTranscripts('no-text.json', CASES[10].bytes));
    expect(rendered(field.messageKey).ko).toBe('"turns[0].text" 값이 없습니다');
    const syntax = parseError(() =>
      parseTranscripts('broken.json', CASES[9].bytes, CASES[9].options),
    );
    expect(rendered(syntax.messageKey).ko).toMatch(
      /^올바른 JSON이 아닙니다: 3행 \d+열에 문법 오류가 있습니다$/,
    );
  });

  it('every import.reason key the parsers and the importer name is in both locale files', () => {
    const names = namedReasonKeys();
    expect(names.length).toBeGreaterThan(60);
    const missing = names.filter(
      (n) => !(`import.reason.${n}` in EN && `import.reason.${n}` in KO),
    );
    expect(missing).toEqual([]);
  });
});

function expectRenders(messageKey: { key: string; params?: Record<string, string> }): void {
  expect(EN[messageKey.key]).toBeDefined();
  expect(KO[messageKey.key]).toBeDefined();
  const { ko, en } = rendered(messageKey);
  expect(ko).not.toMatch(/\{\w+\}/);
  expect(en).not.toMatch(/\{\w+\}/);
  expect(ko).toMatch(/[가-힣]/);
  expect(englishWords(ko)).toEqual([]);
}

/** The names given to `reasonKey(…)` (and json-fields' `K(…)`) in the source, branches included. */
function namedReasonKeys(): string[] {
  const root = path.resolve(__dirname, '../../../src');
  const files = [
    ...readdirSync(path.join(root, 'transcripts')).map((f) => path.join(root, 'transcripts', f)),
    ...readdirSync(path.join(root, 'imports')).map((f) => path.join(root, 'imports', f)),
  ].filter((f) => f.endsWith('.ts'));
  const names = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\b(?:reasonKey|K)\(\s*([^,)]*)/g)) {
      for (const literal of call[1].matchAll(/'(\w+)'(?!\s*\?)/g)) names.add(literal[1]);
    }
  }
  return [...names].sort();
}

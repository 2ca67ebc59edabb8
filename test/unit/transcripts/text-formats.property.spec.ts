import * as fc from 'fast-check';
import { readFileSync } from 'fs';
import * as path from 'path';
import { TranscriptFormat } from '../../../src/transcripts/parse-transcript';
import { fixture, parsesOrRefuses } from './support/helpers';

jest.mock('srt-parser-2', () =>
  jest
    .requireActual<typeof import('./support/esm')>('./support/esm')
    .loadEsmAsCommonJs('srt-parser-2'),
);

const RUNS = { numRuns: 200 };

const PREFIXES = [
  '상담사: ',
  '고객: ',
  'Agent: ',
  'Customer: ',
  '[Agent] ',
  '(speaker 0) ',
  'Speaker 1: ',
  'SPEAKER_01: ',
  'IVR: ',
  'Jordan: ',
  '',
  '  ',
];
const TIMES = [
  '',
  '[00:01:02] ',
  '[01:02] ',
  '00:00:05 - ',
  '[00:61:00] ',
  '[9:99] ',
  '00:00:01.500 - ',
];

const line = fc
  .tuple(fc.constantFrom(...TIMES), fc.constantFrom(...PREFIXES), fc.string({ maxLength: 30 }))
  .map(([time, prefix, text]) => `${time}${prefix}${text}`);
const speakerText = fc
  .tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

const clock = fc
  .tuple(fc.nat({ max: 99 }), fc.nat({ max: 70 }), fc.nat({ max: 70 }), fc.nat({ max: 1200 }))
  .map(([h, m, s, ms]) => `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')},${ms}`);
const cue = fc
  .tuple(
    fc.option(fc.nat({ max: 999 }), { nil: undefined }),
    clock,
    clock,
    fc.array(line, { minLength: 0, maxLength: 3 }),
  )
  .map(
    ([n, start, end, text]) =>
      `${n === undefined ? '' : `${n}\n`}${start} --> ${end}\n${text.join('\n')}`,
  );
const srtText = fc
  .tuple(fc.array(cue, { maxLength: 6 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n'))
  .map(([cues, sep]) => cues.join(sep));

const vttText = fc
  .tuple(
    fc.array(cue, { maxLength: 6 }),
    fc.constantFrom('<v Agent>', '<v 고객>', '<v Jordan>', ''),
  )
  .map(
    ([cues, voice]) =>
      `WEBVTT\n\n${cues.map((c) => c.replace(/,(\d)/g, '.$1').replace(/\n(?!.*-->)/, `\n${voice}`)).join('\n\n')}`,
  );

interface Case {
  format: TranscriptFormat;
  files: string[];
  generated: fc.Arbitrary<string>;
}

const TRANSCRIPTS = path.resolve(__dirname, '../../fixtures/transcripts');

const CASES: Case[] = [
  { format: 'text', files: ['call-ko.txt', 'call-en.txt'], generated: speakerText },
  { format: 'srt', files: ['call-ko.srt', 'call-en.srt'], generated: srtText },
  {
    format: 'vtt',
    files: ['../transcripts/call-ko.vtt', '../transcripts/call-en.vtt'],
    generated: vttText,
  },
];

function read(name: string): Buffer {
  return name.startsWith('../transcripts/')
    ? readFileSync(path.join(TRANSCRIPTS, path.basename(name)))
    : fixture(name);
}

/** A few line-level edits: drop, repeat or swap lines of a real file. */
function editedLines(text: string): fc.Arbitrary<string> {
  const lines = text.split(/\r?\n/);
  const index = fc.nat({ max: Math.max(0, lines.length - 1) });
  const edit = fc.oneof(
    index.map((i) => (ls: string[]) => ls.filter((_, k) => k !== i)),
    index.map((i) => (ls: string[]) => [...ls.slice(0, i), ls[i], ...ls.slice(i)]),
    fc.tuple(index, index).map(([i, j]) => (ls: string[]) => {
      const copy = [...ls];
      [copy[i], copy[j]] = [copy[j], copy[i]];
      return copy;
    }),
    fc.tuple(index, line).map(
      ([i, l]) =>
        (ls: string[]) =>
          ls.map((x, k) => (k === i ? l : x)),
    ),
  );
  return fc
    .array(edit, { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce((ls, e) => e(ls), lines).join('\n'));
}

describe.each(CASES)('$format: valid transcript or TranscriptParseError', (c) => {
  const file = `upload.${c.format === 'text' ? 'txt' : c.format}`;
  const options = { format: c.format };

  it.each(c.files)('parses %s unchanged', (name) => {
    expect(parsesOrRefuses(file, read(name), options)).toBe('parsed');
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (random) => {
        parsesOrRefuses(file, Buffer.from(random), options);
      }),
      RUNS,
    );
  });

  it('generated files in the shape of the format', () => {
    fc.assert(
      fc.property(c.generated, fc.boolean(), (text, detect) => {
        parsesOrRefuses(file, Buffer.from(text), detect ? {} : options);
      }),
      RUNS,
    );
  });

  it('a real file cut at a random position', () => {
    const files = c.files.map(read);
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.nat(), (k, at) => {
        const bytes = files[k];
        parsesOrRefuses(file, bytes.subarray(0, at % (bytes.length + 1)), options);
      }),
      RUNS,
    );
  });

  it('a real file with lines dropped, repeated, swapped or replaced', () => {
    const texts = c.files.map((name) => read(name).toString('utf8'));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }).chain((k) => editedLines(texts[k])),
        (text) => {
          parsesOrRefuses(file, Buffer.from(text), options);
        },
      ),
      RUNS,
    );
  });
});

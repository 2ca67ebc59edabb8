import * as fc from 'fast-check';
import { parsesOrRefuses } from './support/helpers';

jest.mock('srt-parser-2', () =>
  jest
    .requireActual<typeof import('./support/esm')>('./support/esm')
    .loadEsmAsCommonJs('srt-parser-2'),
);

const RUNS = { numRuns: 200 };

const NAMES = ['upload', 'call.json', 'call.txt', 'call.srt', 'call.vtt', 'CALL.JSON', 'a.b.c'];

/** Objects with the keys the detector looks at, filled with anything. */
const vendorShaped = fc
  .record(
    {
      results: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }) }),
      ),
      Transcript: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      transcript: fc.record({
        transcriptSegments: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      }),
      entries: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      transcription: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      utterances: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      messages: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      dial_data: fc.dictionary(
        fc.string({ maxLength: 5 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      ),
      original: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      turns: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  )
  .map((doc) => JSON.stringify(doc));

describe('parseTranscripts with detection: valid transcript or TranscriptParseError', () => {
  it('random bytes under any file name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 600 }), (name, bytes) => {
        parsesOrRefuses(name, Buffer.from(bytes));
      }),
      RUNS,
    );
  });

  it('random text under any file name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.string({ maxLength: 300 }), (name, text) => {
        parsesOrRefuses(name, Buffer.from(text));
      }),
      RUNS,
    );
  });

  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.jsonValue({ maxDepth: 4 }), (name, value) => {
        parsesOrRefuses(name, Buffer.from(JSON.stringify(value) ?? 'null'));
      }),
      RUNS,
    );
  });

  it('JSON with the properties detection looks for, holding anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), vendorShaped, (name, text) => {
        parsesOrRefuses(name, Buffer.from(text));
      }),
      RUNS,
    );
  });

  it('odd speaker maps', () => {
    const speakerMap = fc.dictionary(
      fc.constantFrom('spk_0', 'spk_1', 'A', 'speaker_0', 'Agent', 'constructor', '__proto__'),
      fc.constantFrom('agent', 'customer', 'system', 'boss', ''),
    ) as fc.Arbitrary<Record<string, 'agent'>>;
    const doc = JSON.stringify({
      utterances: [
        { start: 0, end: 1000, speaker: 'A', text: 'Thank you for calling.' },
        { start: 1200, end: 2000, speaker: 'B', text: 'Hi.' },
      ],
    });
    fc.assert(
      fc.property(speakerMap, (map) => {
        parsesOrRefuses('call.json', Buffer.from(doc), { speakerMap: map });
      }),
      RUNS,
    );
  });
});

import * as fc from 'fast-check';
import { TranscriptFormat } from '../../../src/transcripts/parse-transcript';
import { external, fixtureJson, json, parsesOrRefuses } from './support/helpers';
import { allPaths, mutated, setAt } from './support/mutate';

// Every property: ~200 runs, so the suite stays fast. A failure prints the shrunk input.
const RUNS = { numRuns: 200 };

interface Case {
  format: TranscriptFormat;
  name: string;
  doc: unknown;
  speakerMap?: Record<string, 'agent' | 'customer' | 'system'>;
}

function realJson(name: string): unknown {
  return JSON.parse(external(name).toString('utf8'));
}

/** Two dialogues of each group keep the real HG-TODS shape at a size fit for 200 runs. */
function smallHgTods(): unknown {
  const doc = realJson('hg-tods/manual2dial_dial_validation.json') as {
    dial_data: Record<string, unknown[]>;
  };
  return {
    dial_data: Object.fromEntries(
      Object.entries(doc.dial_data).map(([group, list]) => [group, list.slice(0, 2)]),
    ),
  };
}

const CASES: Case[] = [
  {
    format: 'transcribe',
    name: 'speaker identification',
    doc: realJson('transcribe/03-speaker-identification.json'),
  },
  {
    format: 'transcribe',
    name: 'channel identification',
    doc: realJson('transcribe/02-channel-identification.json'),
  },
  {
    format: 'transcribe',
    name: 'plain, mapped',
    doc: realJson('transcribe/01-plain.json'),
    speakerMap: { spk_0: 'agent' },
  },
  { format: 'contact-lens', name: 'Contact Lens', doc: fixtureJson('contact-lens-ko.json') },
  { format: 'contact-lens', name: 'Call Analytics', doc: fixtureJson('call-analytics-en.json') },
  { format: 'google-ccai', name: 'conversation', doc: fixtureJson('ccai-conversation.json') },
  { format: 'google-ccai', name: 'entries', doc: fixtureJson('ccai-entries-ko.json') },
  { format: 'deepgram', name: 'utterances', doc: fixtureJson('deepgram-utterances-en.json') },
  {
    format: 'deepgram',
    name: 'multichannel words',
    doc: fixtureJson('deepgram-multichannel-ko.json'),
  },
  { format: 'assemblyai', name: 'utterances', doc: fixtureJson('assemblyai-en.json') },
  { format: 'whisper', name: 'tinydiarize', doc: fixtureJson('whisper-tdrz-en.json') },
  { format: 'whisper', name: 'diarize', doc: fixtureJson('whisper-diarize-ko.json') },
  { format: 'connect-chat', name: 'chat', doc: fixtureJson('connect-chat-ko.json') },
  { format: 'chat-json', name: 'one chat', doc: fixtureJson('chat-ko.json') },
  { format: 'chat-json', name: 'array of chats', doc: fixtureJson('chat-batch-en.json') },
  { format: 'abcd', name: 'sample', doc: realJson('abcd/abcd_sample.json') },
  { format: 'hg-tods', name: 'validation subset', doc: smallHgTods() },
  {
    format: 'json',
    name: 'native',
    doc: {
      externalId: 'N-1',
      channel: 'voice',
      turns: [
        { speaker: 'agent', startMs: 0, endMs: 2000, text: '안녕하세요.' },
        { speaker: 'customer', start: 2.5, end: 4, text: '네.' },
      ],
    },
  },
];

describe.each(CASES)('$format ($name): valid transcript or TranscriptParseError', (c) => {
  const file = `${c.format}-${c.name.replace(/\W+/g, '-')}.json`;
  const options = { format: c.format, speakerMap: c.speakerMap };
  const bytes = json(c.doc);

  it('parses the unchanged document', () => {
    expect(parsesOrRefuses(file, bytes, options)).toBe('parsed');
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (random) => {
        parsesOrRefuses(file, Buffer.from(random), options);
      }),
      RUNS,
    );
  });

  it('the document cut at a random position', () => {
    fc.assert(
      fc.property(fc.nat({ max: bytes.length }), fc.boolean(), (cut, detect) => {
        const cutBytes = bytes.subarray(0, cut);
        parsesOrRefuses(file, cutBytes, detect ? { speakerMap: c.speakerMap } : options);
      }),
      RUNS,
    );
  });

  it('a wrong type, a missing field or reversed times anywhere', () => {
    fc.assert(
      fc.property(mutated(c.doc), fc.boolean(), (doc, detect) => {
        parsesOrRefuses(file, json(doc), detect ? { speakerMap: c.speakerMap } : options);
      }),
      RUNS,
    );
  });

  it('huge, negative and fractional numbers in every numeric field', () => {
    const numeric = allPaths(c.doc).filter((path) => {
      let node: unknown = c.doc;
      for (const key of path) node = (node as Record<string | number, unknown>)[key];
      return typeof node === 'number' || (typeof node === 'string' && /^\d+(\.\d+)?s?$/.test(node));
    });
    if (numeric.length === 0) return;
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-1, -0.4, 1e300, 2 ** 53, 9.99e15),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String),
    );
    fc.assert(
      fc.property(fc.constantFrom(...numeric), number, (path, value) => {
        parsesOrRefuses(file, json(setAt(c.doc, path, value)), options);
      }),
      RUNS,
    );
  });
});

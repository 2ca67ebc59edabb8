import { parseTranscript, parseTranscripts } from '../../../src/transcripts/parse-transcript';
import { parseTranscribe } from '../../../src/transcripts/transcribe.parser';
import { external, json, parseError } from './support/helpers';

const PLAIN_REASON =
  'no speaker or channel labels: cannot tell agent from customer; re-run with speaker ' +
  'identification or channel identification (or map the single speaker, e.g. {"spk_0": "agent"})';

function transcribe(name: string): Buffer {
  return external(`transcribe/${name}`);
}

/** A minimal Transcribe document: words as [content, start, end] or punctuation as a string. */
function doc(items: Array<string | [string, string, string, string?]>, extra: object = {}): Buffer {
  return json({
    jobName: 'job-1',
    status: 'COMPLETED',
    results: {
      transcripts: [{ transcript: 'ignored' }],
      items: items.map((i) =>
        typeof i === 'string'
          ? { alternatives: [{ confidence: '0.0', content: i }], type: 'punctuation' }
          : {
              start_time: i[1],
              end_time: i[2],
              alternatives: [{ confidence: '0.99', content: i[0] }],
              type: 'pronunciation',
              ...(i[3] ? { speaker_label: i[3] } : {}),
            },
      ),
      ...extra,
    },
  });
}

describe('Amazon Transcribe: the public sample files', () => {
  it('rebuilds turns from speaker identification (three speakers: one agent, two customers)', () => {
    const { meta, turns } = parseTranscript(
      '03-speaker-identification.json',
      transcribe('03-speaker-identification.json'),
    );
    expect(meta).toEqual({
      externalId: '03-speaker-identification',
      channel: 'voice',
      metadata: {
        speakerGuess: {
          agent: 'spk_0',
          confidence: 'low',
          reason: 'no agent greeting found in the first turns: assumed the first speaker (spk_0)',
        },
      },
    });
    expect(turns).toHaveLength(7);
    // Two segments of spk_0 0.74 s apart make one turn; punctuation sticks to the word before.
    expect(turns[0]).toEqual({
      speaker: 'agent',
      startMs: 490,
      endMs: 13750,
      text:
        'She was gone out into the village on some errand when, as she was descending this steep ' +
        'street, her foot slipped on the ice and she fell. He was dark and no one saw her ' +
        'mischance till after a time. Her groans attracted the attention of a passer by.',
    });
    expect(turns[1]).toMatchObject({ speaker: 'customer', startMs: 15090, endMs: 32680 });
    // spk_2 reads the fourth passage: not the agent, so a customer.
    expect(turns[3]).toMatchObject({ speaker: 'customer', startMs: 58040, endMs: 78250 });
    expect(turns[3].text).toMatch(/^From the under surface of the clouds/);
    expect(turns.map((t) => t.speaker)).toEqual([
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
      'agent',
    ]);
  });

  it('a speaker map settles the speakers without a guess', () => {
    const { meta, turns } = parseTranscript(
      '03-speaker-identification.json',
      transcribe('03-speaker-identification.json'),
      { speakerMap: { spk_1: 'agent' } },
    );
    expect(meta.metadata).toBeUndefined();
    expect(turns[0].speaker).toBe('customer');
    expect(turns[1].speaker).toBe('agent');
    expect(turns[3].speaker).toBe('customer');
  });

  it('rebuilds turns per channel from channel identification', () => {
    const { meta, turns } = parseTranscript(
      '02-channel-identification.json',
      transcribe('02-channel-identification.json'),
      { speakerMap: { ch_0: 'agent' } },
    );
    expect(meta).toEqual({ externalId: '02-channel-identification', channel: 'voice' });
    expect(turns).toHaveLength(7);
    expect(turns[0]).toMatchObject({ speaker: 'customer', startMs: 490, endMs: 13750 });
    expect(turns[1]).toMatchObject({ speaker: 'agent', startMs: 15090, endMs: 32680 });
    expect(turns[1].text).toMatch(/^it will be well for you if you join, not with those who,/);
    expect(turns[6]).toMatchObject({ speaker: 'customer', startMs: 116740, endMs: 141540 });
  });

  it('refuses the plain file (no labels), and reads it when the single speaker is mapped', () => {
    const error = parseError(() => parseTranscript('01-plain.json', transcribe('01-plain.json')));
    expect(error.reason).toBe(PLAIN_REASON);
    expect(error.line).toBeUndefined();

    const { meta, turns } = parseTranscript('01-plain.json', transcribe('01-plain.json'), {
      speakerMap: { spk_0: 'agent' },
    });
    expect(meta).toEqual({ externalId: '01-plain', channel: 'voice' });
    // Only the pauses over 1.5 s split the one speaker's words.
    expect(turns.map((t) => [t.startMs, t.endMs])).toEqual([
      [490, 32680],
      [34400, 52700],
      [58040, 78250],
      [81220, 92150],
      [94930, 111900],
      [116740, 141540],
    ]);
    expect(new Set(turns.map((t) => t.speaker))).toEqual(new Set(['agent']));
  });

  it('reads the content-redaction output (no labels: refused unless mapped; isRedacted kept)', () => {
    const name = '05-automatic-content-redaction-with-undredacted-redacted.json';
    expect(parseError(() => parseTranscript(name, transcribe(name))).reason).toBe(PLAIN_REASON);
    const { meta, turns } = parseTranscript(name, transcribe(name), {
      speakerMap: { spk_0: 'customer' },
    });
    expect(meta).toEqual({
      externalId: '05-automatic-content-redaction-with-undredacted',
      channel: 'voice',
      metadata: { redacted: true },
    });
    expect(turns[0]).toMatchObject({ speaker: 'customer', startMs: 490 });
  });

  it('keeps the vocabulary-filter mask as text', () => {
    const name = '13-speaker-identification-vocabulary-filter-mask.json';
    const { turns } = parseTranscript(name, transcribe(name));
    expect(turns).toHaveLength(7);
    expect(turns[0].text).toMatch(
      /^She was gone out into the \*\*\* on some errand when, as she was \*\*\* this steep street, her foot \*\*\* on the \*\*\* and she fell\./,
    );
  });
});

describe('Amazon Transcribe: rebuilding turns', () => {
  it('splits a speaker on a pause over 1.5 s and attaches punctuation without a space', () => {
    const bytes = doc(
      [
        ['Thank', '0.0', '0.3'],
        ['you', '0.3', '0.5'],
        ['for', '0.5', '0.7'],
        ['calling', '0.7', '1.2'],
        ',',
        ['[PII]', '1.3', '1.9'],
        '.',
        ['Hello', '3.5', '3.9'],
        '?',
        ['Hi', '4.2', '4.4'],
      ],
      {
        speaker_labels: {
          speakers: 2,
          segments: [
            {
              start_time: '0.0',
              end_time: '3.9',
              speaker_label: 'spk_1',
              items: [
                { start_time: '0.0', end_time: '0.3', speaker_label: 'spk_1' },
                { start_time: '0.3', end_time: '0.5', speaker_label: 'spk_1' },
                { start_time: '0.5', end_time: '0.7', speaker_label: 'spk_1' },
                { start_time: '0.7', end_time: '1.2', speaker_label: 'spk_1' },
                { start_time: '1.3', end_time: '1.9', speaker_label: 'spk_1' },
              ],
            },
            // Items left out: the segment's time range places "Hello" and "Hi".
            { start_time: '3.5', end_time: '3.9', speaker_label: 'spk_1', items: [] },
            { start_time: '4.2', end_time: '4.4', speaker_label: 'spk_0' },
          ],
        },
      },
    );
    const { meta, turns } = parseTranscript('t.json', bytes);
    expect(turns).toEqual([
      { speaker: 'agent', startMs: 0, endMs: 1900, text: 'Thank you for calling, [PII].' },
      { speaker: 'agent', startMs: 3500, endMs: 3900, text: 'Hello?' },
      { speaker: 'customer', startMs: 4200, endMs: 4400, text: 'Hi' },
    ]);
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'spk_1', confidence: 'high' });
    expect(meta.externalId).toBe('job-1');
  });

  it('accepts speaker_label on the items themselves (newer outputs)', () => {
    const bytes = doc([
      ['Hello', '0.1', '0.4', 'spk_0'],
      ['hi', '0.6', '0.8', 'spk_1'],
    ]);
    const { turns } = parseTranscript('t.json', bytes, { speakerMap: { spk_1: 'agent' } });
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['customer', 'Hello'],
      ['agent', 'hi'],
    ]);
  });

  it('ignores results.transcripts and reads the language code when present', () => {
    const bytes = doc([['네', '0.1', '0.4', 'spk_0']], { language_code: 'ko-KR' });
    const parsed = parseTranscribe('t.json', bytes.toString('utf8'));
    expect(parsed.meta.language).toBe('ko');
    expect(parsed.turns[0].text).toBe('네');
  });
});

describe('Amazon Transcribe: bad input names the field', () => {
  const cases: Array<{ name: string; bytes: Buffer; field?: string; reason: RegExp }> = [
    {
      name: 'no results',
      bytes: json({ jobName: 'x' }),
      field: 'results',
      reason: /^not an Amazon Transcribe output: no results object$/,
    },
    {
      name: 'a start time that is not a number',
      bytes: doc([
        ['a', '0.1', '0.2', 'spk_0'],
        ['b', 'soon', '0.4', 'spk_0'],
      ]),
      field: 'results.items[1].start_time',
      reason: /^start_time must be a number of seconds like "1.23", got a string \("soon"\)$/,
    },
    {
      name: 'a word that ends before it starts',
      bytes: doc([['a', '2.5', '2.1', 'spk_0']]),
      field: 'results.items[0].end_time',
      reason: /^the word ends \(2100 ms\) before it starts \(2500 ms\)$/,
    },
    {
      name: 'a negative time',
      bytes: json({
        results: {
          items: [
            {
              start_time: -1,
              end_time: 1,
              alternatives: [{ content: 'a' }],
              type: 'pronunciation',
            },
          ],
        },
      }),
      field: 'results.items[0].start_time',
      reason: /must not be negative/,
    },
    {
      name: 'an unknown item type',
      bytes: json({ results: { items: [{ alternatives: [{ content: 'a' }], type: 'word' }] } }),
      field: 'results.items[0].type',
      reason: /^unknown item type "word"/,
    },
    {
      name: 'a word outside every speaker segment',
      bytes: doc([['a', '9.0', '9.2']], {
        speaker_labels: { segments: [{ start_time: '0', end_time: '1', speaker_label: 'spk_0' }] },
      }),
      field: 'results.items[0]',
      reason: /^the word "a" at 9000 ms is in no speaker segment/,
    },
    {
      name: 'no words',
      bytes: doc([]),
      field: 'results.items',
      reason: /^no words/,
    },
  ];

  it.each(cases)('$name', (c) => {
    const error = parseError(() => parseTranscripts('bad.json', c.bytes, { format: 'transcribe' }));
    expect(error.field).toBe(c.field);
    expect(error.reason).toMatch(c.reason);
    expect(error.message).toContain('bad.json');
  });
});

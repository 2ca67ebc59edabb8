import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { setAt } from './support/mutate';

describe('AssemblyAI', () => {
  it('reads utterances (ms) with speakers A/B; the greeting says who the agent is', () => {
    const { meta, turns } = parseTranscript('assemblyai-en.json', fixture('assemblyai-en.json'));
    expect(meta).toEqual({
      channel: 'voice',
      language: 'en',
      metadata: {
        assemblyAiId: '6rlr37h1qw-4a2c-45a1-9c9c-5b1ad9e1c7f0',
        speakerGuess: {
          agent: 'A',
          confidence: 'high',
          reason:
            "A greets like an agent in its first turns (how can I help, you've reached); B does not",
        },
      },
    });
    expect(turns).toHaveLength(5);
    expect(turns[0]).toEqual({
      speaker: 'agent',
      startMs: 240,
      endMs: 5120,
      text: "Good morning, you've reached Fabrikam Insurance, this is Maria. How can I help?",
    });
    expect(turns[3]).toEqual({
      speaker: 'customer',
      startMs: 16500,
      endMs: 19300,
      text: "It's F, I, 4, 4, 7, 2, 9.",
    });
  });

  it('maps speakers by letter', () => {
    const { turns } = parseTranscript('a.json', fixture('assemblyai-en.json'), {
      speakerMap: { B: 'agent' },
    });
    expect(turns.map((t) => t.speaker)).toEqual([
      'customer',
      'agent',
      'customer',
      'agent',
      'customer',
    ]);
  });

  it('refuses a transcript without speaker labels, and one that is not completed', () => {
    const noLabels = setAt(fixtureJson('assemblyai-en.json'), ['utterances'], null);
    const error = parseError(() => parseTranscript('a.json', json(noLabels)));
    expect(error.field).toBe('utterances');
    expect(error.reason).toMatch(
      /^no speaker labels: cannot tell agent from customer; re-run the transcript with speaker_labels: true/,
    );

    const failed = setAt(
      setAt(fixtureJson('assemblyai-en.json'), ['status'], 'error'),
      ['error'],
      'Download error',
    );
    expect(parseError(() => parseTranscript('a.json', json(failed))).reason).toBe(
      'the transcript is not completed (status "error"): Download error',
    );
  });

  it.each([
    [['utterances', 1, 'start'], 5600.4, null],
    [['utterances', 1, 'start'], '5600', /must be a number/],
    [['utterances', 1, 'end'], 100, /ends \(100 ms\) before it starts \(5600 ms\)/],
    [['utterances', 1, 'text'], '', /^text is empty$/],
    [['utterances', 1, 'speaker'], { name: 'B' }, /string or an integer/],
  ] as const)('%j = %j', (path, value, reason) => {
    const bytes = json(setAt(fixtureJson('assemblyai-en.json'), path, value));
    if (reason === null) {
      expect(parseTranscript('a.json', bytes).turns[1].startMs).toBe(5600);
      return;
    }
    const error = parseError(() => parseTranscript('a.json', bytes));
    expect(error.field).toBe(`utterances[1].${path[2]}`);
    expect(error.reason).toMatch(reason);
  });
});

import { parseTranscript } from '../../../src/transcripts/parse-transcript';
import { fixture, fixtureJson, json, parseError } from './support/helpers';
import { deleteAt, setAt } from './support/mutate';

describe('Deepgram', () => {
  it('reads utterances; the heuristic finds the agent although the customer spoke first', () => {
    const { meta, turns } = parseTranscript(
      'deepgram-utterances-en.json',
      fixture('deepgram-utterances-en.json'),
    );
    expect(meta).toEqual({
      channel: 'voice',
      language: 'en',
      metadata: {
        deepgramRequestId: '3b9d6c1e-2f4a-4d7b-9a51-7c0e8f2d6a13',
        speakerGuess: {
          agent: 'speaker_1',
          confidence: 'high',
          reason:
            'speaker_1 greets like an agent in its first turns (thank you for calling, how can I ' +
            'help, my name is); speaker_0 does not',
        },
      },
    });
    // The empty utterance (a click) is dropped.
    expect(turns).toHaveLength(6);
    expect(turns[0]).toEqual({ speaker: 'customer', startMs: 320, endMs: 800, text: 'Hello?' });
    expect(turns[1]).toMatchObject({ speaker: 'agent', startMs: 1200, endMs: 5440 });
  });

  it('the speaker map overrides the heuristic', () => {
    const { meta, turns } = parseTranscript('d.json', fixture('deepgram-utterances-en.json'), {
      speakerMap: { speaker_0: 'agent' },
    });
    expect(turns[0].speaker).toBe('agent');
    expect(turns[1].speaker).toBe('customer');
    expect(meta.metadata?.speakerGuess).toBeUndefined();
  });

  it('reads multichannel words per channel, keeping overlapping speech', () => {
    const { meta, turns } = parseTranscript(
      'deepgram-multichannel-ko.json',
      fixture('deepgram-multichannel-ko.json'),
    );
    expect(meta.language).toBe('ko');
    expect(meta.metadata?.speakerGuess).toMatchObject({ agent: 'channel_0', confidence: 'high' });
    expect(turns).toEqual([
      {
        speaker: 'agent',
        startMs: 500,
        endMs: 3300,
        text: '사랑합니다 고객님. 한빛카드 상담원 박서연입니다.',
      },
      {
        speaker: 'customer',
        startMs: 3600,
        endMs: 6200,
        text: '카드를 잃어버려서요. 분실 신고 하려고요.',
      },
      { speaker: 'agent', startMs: 6100, endMs: 8000, text: '네, 분실 신고 도와드리겠습니다.' },
    ]);
  });

  it('reads diarised words of one channel, joined by speaker', () => {
    const words = [
      { word: 'thanks', punctuated_word: 'Thanks', start: 0.1, end: 0.4, speaker: 0 },
      { word: 'for', start: 0.4, end: 0.5, speaker: 0 },
      { word: 'calling', punctuated_word: 'calling.', start: 0.5, end: 0.9, speaker: 0 },
      { word: 'hi', punctuated_word: 'Hi.', start: 1.2, end: 1.4, speaker: 1 },
    ];
    const doc = { results: { channels: [{ alternatives: [{ transcript: '', words }] }] } };
    const { turns } = parseTranscript('d.json', json(doc));
    expect(turns).toEqual([
      { speaker: 'agent', startMs: 100, endMs: 900, text: 'Thanks for calling.' },
      { speaker: 'customer', startMs: 1200, endMs: 1400, text: 'Hi.' },
    ]);
  });

  it('refuses a mono transcript without diarisation', () => {
    const doc = deleteAt(
      deleteAt(fixtureJson('deepgram-utterances-en.json'), ['results', 'utterances']),
      ['results', 'channels', 0, 'alternatives', 0, 'words', 0, 'speaker'],
    );
    const error = parseError(() => parseTranscript('d.json', json(doc)));
    expect(error.reason).toMatch(
      /^no speaker information: cannot tell agent from customer; re-run with diarize=true/,
    );
    expect(error.field).toBe('results.channels[0].alternatives[0].words');
  });

  it.each([
    [
      ['results', 'utterances', 2, 'start'],
      'x',
      'results.utterances[2].start',
      /number of seconds/,
    ],
    [
      ['results', 'utterances', 2, 'end'],
      1,
      'results.utterances[2].end',
      /ends \(1000 ms\) before it starts \(6000 ms\)/,
    ],
    [
      ['results', 'utterances', 1, 'speaker'],
      -1,
      'results.utterances[1].speaker',
      /must not be negative/,
    ],
    [['results', 'utterances', 1, 'speaker'], 1.5, 'results.utterances[1].speaker', /whole number/],
    [
      ['results', 'utterances', 1, 'speaker'],
      null,
      'results.utterances[1].speaker',
      /no speaker information/,
    ],
  ] as const)('%j = %j → %s', (path, value, field, reason) => {
    const doc = setAt(fixtureJson('deepgram-utterances-en.json'), path, value);
    const error = parseError(() => parseTranscript('d.json', json(doc)));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });
});

import { guessAgentSpeaker, resolveSpeakers } from '../../../src/transcripts/speaker-roles';
import { TranscriptParseError } from '../../../src/transcripts/transcript';

describe('guessAgentSpeaker', () => {
  it('finds the Korean agent by the centre greeting, with high confidence', () => {
    const guess = guessAgentSpeaker(
      new Map([
        ['spk_0', ['여보세요?', '카드를 잃어버렸어요.']],
        ['spk_1', ['감사합니다, 한빛카드 고객센터 상담사 김민지입니다. 무엇을 도와드릴까요?']],
      ]),
    );
    expect(guess).toEqual({
      agent: 'spk_1',
      confidence: 'high',
      reason:
        'spk_1 greets like an agent in its first turns (고객센터/상담사 … 입니다, 무엇을 도와드릴까요, ' +
        '고객센터, 상담사, 감사합니다, 입니다); spk_0 does not',
    });
  });

  it('finds the English agent: "this is … speaking", "how can I help"', () => {
    const guess = guessAgentSpeaker({
      A: ['Hi, my card was declined.'],
      B: ['Good afternoon, this is Priya speaking, how can I help?'],
    });
    expect(guess).toMatchObject({ agent: 'B', confidence: 'high' });
  });

  it('a customer asking for an agent (상담원 연결) does not outweigh a real greeting', () => {
    const guess = guessAgentSpeaker({
      spk_0: ['상담원 연결해 주세요.'],
      spk_1: ['네, 고객님. 무엇을 도와드릴까요?'],
    });
    expect(guess).toMatchObject({ agent: 'spk_1', confidence: 'high' });
  });

  it('only reads the first three turns of each speaker', () => {
    const guess = guessAgentSpeaker({
      spk_0: ['음', '네', '아니요', 'Thank you for calling, how can I help?'],
      spk_1: ['ok'],
    });
    expect(guess.agent).toBe('spk_0');
    expect(guess.confidence).toBe('low');
    expect(guess.reason).toMatch(
      /^no agent greeting found in the first turns: assumed the first speaker/,
    );
  });

  it('is unsure on weak cues and on ties (first speaker wins)', () => {
    expect(guessAgentSpeaker({ spk_0: ['My name is Ann.'], spk_1: ['Sorry?'] })).toMatchObject({
      agent: 'spk_0',
      confidence: 'low',
    });
    const tie = guessAgentSpeaker({ spk_0: ['my name is Bo'], spk_1: ['my name is Al'] });
    expect(tie).toMatchObject({ agent: 'spk_0', confidence: 'low' });
    expect(tie.reason).toMatch(/tied: took the first speaker$/);
  });

  it('says so when there is one speaker only', () => {
    expect(guessAgentSpeaker({ spk_0: ['Hello'] })).toEqual({
      agent: 'spk_0',
      confidence: 'low',
      reason: 'only one speaker (spk_0) in the file',
    });
  });
});

describe('resolveSpeakers', () => {
  const turn = (key: string, text: string) => ({ key, startMs: 0, endMs: 0, text });

  it('a known customer leaves the one other speaker as the agent, without a guess', () => {
    const result = resolveSpeakers('f', [turn('A', 'hi'), turn('B', 'hello')], { A: 'customer' });
    expect(result.turns.map((t) => t.speaker)).toEqual(['customer', 'agent']);
    expect(result.speakerGuess).toBeUndefined();
  });

  it('matches speaker map keys ignoring case, and refuses a bad role', () => {
    expect(
      resolveSpeakers('f', [turn('speaker 1', 'x')], { 'Speaker 1': 'system' }).turns[0].speaker,
    ).toBe('system');
    const bad = { spk_0: 'boss' } as unknown as Record<string, 'agent'>;
    expect(() => resolveSpeakers('f', [turn('spk_0', 'x')], bad)).toThrow(TranscriptParseError);
    expect(() => resolveSpeakers('f', [turn('spk_0', 'x')], bad)).toThrow(
      'speaker mapping for "spk_0" must be agent, customer or system, got "boss"',
    );
  });

  it('does not read inherited properties as mappings', () => {
    const result = resolveSpeakers(
      'f',
      [turn('constructor', 'Thank you for calling'), turn('toString', 'hi')],
      {},
    );
    expect(result.turns.map((t) => t.speaker)).toEqual(['agent', 'customer']);
  });
});

import { parseTranscript, parseTranscripts } from '../../../src/transcripts/parse-transcript';
import { external, json, parseError } from './support/helpers';

describe('ABCD (public sample: 3 dialogues)', () => {
  const transcripts = parseTranscripts('abcd_sample.json', external('abcd/abcd_sample.json'));

  it('makes one chat transcript per conversation, id <file base>#<convo_id>', () => {
    expect(transcripts.map((t) => t.meta.externalId)).toEqual([
      'abcd_sample#3592',
      'abcd_sample#9489',
      'abcd_sample#3695',
    ]);
    expect(transcripts.map((t) => t.turns.length)).toEqual([29, 21, 22]);
    expect(transcripts[0].meta).toEqual({
      externalId: 'abcd_sample#3592',
      channel: 'chat',
      metadata: {
        dataset: 'abcd',
        convoId: '3592',
        flow: 'product_defect',
        subflow: 'return_size',
      },
    });
  });

  it("maps agent/customer, the agent's tool actions to system, 10 s apart", () => {
    const turns = transcripts[0].turns;
    expect(turns.slice(0, 3)).toEqual([
      { speaker: 'agent', startMs: 0, endMs: 0, text: 'Hi!' },
      { speaker: 'agent', startMs: 10000, endMs: 10000, text: 'How can I help you?' },
      {
        speaker: 'customer',
        startMs: 20000,
        endMs: 20000,
        text: 'Hi! I need to return an item, can you help me with that?',
      },
    ]);
    expect(turns[6]).toEqual({
      speaker: 'system',
      startMs: 60000,
      endMs: 60000,
      text: 'Account has been pulled up for Crystal Minh.',
    });
    expect(turns[28]).toMatchObject({ speaker: 'customer', text: "That's it. Take care." });
    // The third dialogue starts with the customer.
    expect(transcripts[2].turns[0]).toMatchObject({ speaker: 'customer', text: 'HEY HO!' });
  });

  it('parseTranscript refuses the file and points to the batch importer', () => {
    const error = parseError(() =>
      parseTranscript('abcd_sample.json', external('abcd/abcd_sample.json')),
    );
    expect(error.reason).toBe(
      'the file holds 3 dialogues: import it with the batch importer, which makes one interaction per dialogue',
    );
  });

  it('reads the full data set layout { train, dev, test } and a single conversation', () => {
    const one = {
      convo_id: 1,
      original: [
        ['agent', 'hello'],
        ['customer', 'hi'],
      ],
    };
    const split = parseTranscripts(
      'abcd_v1.1.json',
      json({ train: [one], dev: [], test: [{ ...one, convo_id: 2 }] }),
    );
    expect(split.map((t) => [t.meta.externalId, t.meta.metadata?.split])).toEqual([
      ['abcd_v1.1#1', 'train'],
      ['abcd_v1.1#2', 'test'],
    ]);
    expect(parseTranscript('one.json', json(one)).meta.externalId).toBe('one#1');
  });

  it('names the place of a bad turn', () => {
    const bad = [
      {
        convo_id: 5,
        original: [
          ['agent', 'hello'],
          ['boss', 'hi'],
        ],
      },
    ];
    const error = parseError(() => parseTranscripts('a.json', json(bad), { format: 'abcd' }));
    expect(error.field).toBe('[0].original[1][0]');
    expect(error.reason).toBe('unknown speaker "boss": expected agent, customer or action');
  });
});

describe('HG-TODS (public validation file: 500 Korean dialogues)', () => {
  const name = 'manual2dial_dial_validation.json';
  const transcripts = parseTranscripts(name, external(`hg-tods/${name}`));

  it('makes 500 chat transcripts with unique ids <file base>#<dial_id>', () => {
    expect(transcripts).toHaveLength(500);
    expect(new Set(transcripts.map((t) => t.meta.externalId)).size).toBe(500);
    expect(transcripts.reduce((n, t) => n + t.turns.length, 0)).toBe(4933);
    expect(transcripts[0].meta).toEqual({
      externalId: 'manual2dial_dial_validation#66nrCyEtqNTVQZx2jWHupz',
      channel: 'chat',
      metadata: { dataset: 'hg-tods', dialId: '66nrCyEtqNTVQZx2jWHupz', group: 'samsung' },
    });
  });

  it('user = customer, system = agent, 10 s apart', () => {
    expect(transcripts[0].turns.slice(0, 2)).toEqual([
      {
        speaker: 'customer',
        startMs: 0,
        endMs: 0,
        text: 'ar이모지 연락처 프로필 만드는법 좀 알려줘',
      },
      {
        speaker: 'agent',
        startMs: 10000,
        endMs: 10000,
        text:
          'AR 존 앱을 실행해 AR 이모지 스튜디오를 선택하여 프로필을 누른 후 이모지를 선택하세요. ' +
          '그 다음 사진 촬영 버튼을 눌러 내 표정을 촬영하거나 원하는 포즈를 선택하시고 완료, 저장을 누르세요.',
      },
    ]);
    const iphone = transcripts[250];
    expect(iphone.meta.externalId).toBe('manual2dial_dial_validation#LR2BQjRxeVCk6J4dmpoUDP');
    expect(iphone.meta.metadata).toMatchObject({ group: 'iphone' });
    expect(iphone.turns[0]).toEqual({
      speaker: 'customer',
      startMs: 0,
      endMs: 0,
      text: '등록한 지문을 삭제하고 싶은데 어떻게 하면돼?',
    });
    expect(transcripts[249].turns[9]).toEqual({
      speaker: 'agent',
      startMs: 90000,
      endMs: 90000,
      text: '인터넷을 통해 유포되는 콘텐츠들이 해당합니다',
    });
  });

  it('parseTranscript refuses it (500 dialogues)', () => {
    expect(parseError(() => parseTranscript(name, external(`hg-tods/${name}`))).reason).toMatch(
      /^the file holds 500 dialogues: import it with the batch importer/,
    );
  });

  it('also reads a plain array of dialogues, and names the place of a bad role', () => {
    const dialogues = [
      {
        dial_id: 'a',
        turns: [
          { role: 'user', utterance: '안녕하세요' },
          { role: 'system', utterance: '네' },
        ],
      },
      {
        turns: [
          { role: 'user', utterance: '질문' },
          { role: 'bot', utterance: '답' },
        ],
      },
    ];
    const error = parseError(() => parseTranscripts('d.json', json(dialogues)));
    expect(error.field).toBe('[1].turns[1].role');
    expect(error.reason).toBe('unknown role "bot": expected user or system');
    const [first] = parseTranscripts('d.json', json([dialogues[0]]));
    expect(first.meta.externalId).toBe('d#a');
  });
});

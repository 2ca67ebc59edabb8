/**
 * The word families added in the second round of tuning (issue 16: English recall), each with
 * the hard negatives it must leave alone. Examples are written here, not copied from a split.
 */
import { detectAbuse, type AbuseCategory } from '../../../src/abuse/abuse-detector';

const said = (text: string, language = 'en', speaker = 'customer') =>
  detectAbuse([{ speaker, text }], language);
const kinds = (text: string, language = 'en') => said(text, language).categories;
const found = (text: string, language = 'en') => said(text, language).evidence.length > 0;

function family(name: string, category: AbuseCategory, abusive: string[], clean: string[]) {
  describe(name, () => {
    it.each(abusive)(`finds ${category}: %s`, (text) => {
      expect(kinds(text)).toContain(category);
    });
    it.each(clean)('leaves alone: %s', (text) => {
      expect(found(text)).toBe(false);
    });
  });
}

family(
  'English swearing: masked, leet, dropped letters, spoken and spelled-out letters',
  'profanity',
  [
    'this f*cking router',
    'fck this, honestly',
    'phucking useless plan',
    'what a load of sh1t',
    'you a$$hole',
    'stop being a b!tch about it',
    'f u c k this company',
    's.h.i.t. service',
    'eff off, I am cancelling',
    'wtf is this charge',
    'stfu and listen',
    'gtfo with that policy',
    'this is bs',
    'what a wanker',
    "you're a twat",
    'utter bollocks',
    'piss off',
    'shut your mouth',
    // What a speech-to-text profanity filter leaves.
    'what the [ __ ] is this',
    'this s*** again',
    'what the *** happened',
  ],
  [
    'I live in Scunthorpe',
    'the cocktail bar charged me twice',
    'I am in Fukuoka this week',
    'the fuchsia phone case',
    'Section F off the main road',
    'my card ending ****1234',
    'account x****1234 is mine',
    'Dick Smith is the account holder',
    'the shiitake kit never came',
    'the smoke alarm keeps bleeping',
  ],
);

family(
  'English insults without a swear word, aimed at the agent',
  'insult',
  [
    "you're useless",
    'you are completely hopeless',
    'are you thick or what',
    'are you deaf? I said cancel',
    'are you slow or something',
    'how stupid can you be',
    'you stupid cow',
    'you useless lot',
    "you're a waste of space",
    "you're a joke",
    'you clowns lost my parcel',
    'what a muppet',
    'a trained monkey could do your job',
    'do you even have a brain',
    "can't you read? it says paid",
    "you don't know what you're doing",
    'who hired you',
    "you're not very bright, are you",
    'you are thicker than a plank',
    'another genius who cannot read a screen',
    'did they hire you for being slow',
    'I would explain it slower but it would not help',
    'did you get this job in a raffle',
  ],
  [
    'this app is useless',
    'this stupid app keeps crashing',
    "I'm useless with computers, sorry",
    'I am so thick sometimes',
    'my son is hopeless with phones',
    'you make me feel stupid with all these forms',
    "you must think I'm an idiot",
    'sorry, stupid question: where is the button',
    'can you read me the balance',
    'can you explain it slower, please',
    'the message said "you are useless", who sent it?',
    'my manager called me useless, so please fix this',
    "you're a genius, thank you",
    'did you get the job done today?',
  ],
);

family(
  'English threats, veiled ones included',
  'threat',
  [
    "I'll break your neck",
    "I'll beat the crap out of you",
    "I'll hunt you down",
    "I'll find you",
    'I know what you look like',
    "I'm going to find out where you live",
    "you'd better watch yourself",
    "you'll pay for this",
    "it'd be a shame if something happened to you",
    "you don't know who you're dealing with",
    "you're dead",
    'I hope you die',
    "I'll be waiting for you outside after your shift",
    "I'll come down to your office and sort you out",
    'people like you get what they deserve',
    'I found your Facebook profile',
    "I'll be standing behind you one day",
    'my mates would love a word with you',
  ],
  [
    "I'll find the reference for you",
    "I'll get you the account number",
    "I'll beat you to it, I've already paid",
    "I'll see you in court",
    'these late fees will kill you',
    "you're killing me here",
    'I will wait for you to check',
    "I'll come down to the branch and pay in cash",
    "I'll call back after work",
    'he said he would kill me, so I changed my number',
    "you're dead right, I did pay twice",
  ],
);

family(
  'English sexual harassment',
  'sexual',
  [
    'you sound hot',
    "what's the colour of your underwear",
    'send me a selfie',
    'hey babe, can you help',
    'do you have a boyfriend',
    "I'd love to take you out",
    'you turn me on',
    'sit on my lap',
  ],
  [
    'the body shop sent the bill',
    'hey there, can you help me',
    'I could kiss you, thank you so much',
    "let's take you out of the queue",
    'I need to change the bra size in my order',
  ],
);

describe('Korean: spellings, insults, threats and harassment found on the dev splits', () => {
  it.each([
    ['씨부랄 요금이 왜 이래', 'profanity'],
    ['쓰벌 또 끊겼네', 'profanity'],
    ['씌발 처음부터 다시야?', 'profanity'],
    ['개섀끼들 일 안 하지', 'profanity'],
    ['ㄱㅅㄲ야 연결해', 'profanity'],
    ['시 벌 장난하냐', 'profanity'],
    ['등신 같은 소리 하네', 'insult'],
    ['찐따냐 목소리가', 'insult'],
    ['뇌는 장식이냐', 'insult'],
    ['못 배운 티 나네', 'insult'],
    ['각오해 내일 간다', 'threat'],
    ['퇴근길에 보자', 'threat'],
    ['건물 폭파해 버린다', 'threat'],
    ['죽고 싶냐', 'threat'],
    ['야한 사진 보내 줄게', 'sexual'],
    ['나랑 놀자 오늘', 'sexual'],
    ['다리 예쁘겠다', 'sexual'],
  ] as const)('%s → %s', (text, category) => {
    expect(kinds(text, 'ko')).toContain(category);
  });

  it.each([
    '상추 씨 발아가 안 돼요',
    '사용 시 벌금이 있나요',
    '우리 시바가 아파서 보험 청구해요',
    '시바견 사료 정기배송 해지할게요',
    '요금 폭탄 맞았어요 확인해 주세요',
    '손해 각오해야죠 해지해 주세요',
    '등신대 포토존 예약이요',
    '제가 바보라서 약관을 못 읽었네요',
    '나이 먹으니까 헷갈리고 한심하네요',
    '전 남자친구가 죽인다고 협박해서 번호 바꾸려고요',
    '힘들어서 죽고 싶어요',
    '꺼져라 꺼져라 하는 것처럼 전원이 꺼져요',
  ])('leaves alone: %s', (text) => {
    expect(found(text, 'ko')).toBe(false);
  });
});

describe('who says it', () => {
  it("an agent's turn is never the caller's abuse, whatever it holds", () => {
    expect(said("you're useless, I'll find you", 'en', 'agent').evidence).toEqual([]);
  });
});

/**
 * The agent's script from the greeting to the customer's problem: greeting, identity check,
 * empathy, de-escalation, holds and silences, with the customer's answers. Plain data.
 */
import type { Phrases, MoodPhrases } from './types';

export const GREETING_GOOD: Readonly<Record<'voice' | 'chat', Phrases>> = {
  voice: {
    ko: [
      '안녕하십니까, {company} 상담원 {agent}입니다. 무엇을 도와드릴까요?',
      '{company}에 전화해 주셔서 감사합니다. 저는 상담원 {agent}입니다. 무엇을 도와드릴까요?',
      '안녕하세요, {company} 고객센터 {agent}입니다. 오늘 어떤 일로 연락 주셨을까요?',
    ],
    en: [
      'Thank you for calling {company}, my name is {agent}. How can I help you today?',
      'Hello, you have reached {company}. This is {agent} speaking, how may I help?',
      'Hi, thanks for calling {company}. My name is {agent}, what can I do for you today?',
    ],
  },
  chat: {
    ko: [
      '안녕하세요, {company} 채팅 상담원 {agent}입니다. 무엇을 도와드릴까요?',
      '{company}에 문의해 주셔서 감사합니다. 상담원 {agent}입니다. 어떤 도움이 필요하신가요?',
    ],
    en: [
      'Hi, thanks for contacting {company}! My name is {agent}. How can I help?',
      'Hello and welcome to {company} chat. This is {agent}, what can I do for you?',
    ],
  },
};

/** No company, no name, no greeting words. */
export const GREETING_BAD: Phrases = {
  ko: ['네, 말씀하세요.', '네, 무슨 일이세요?', '네 여보세요.'],
  en: ['Yeah, what is the problem?', 'Support. Go ahead.', 'Okay, what do you need?'],
};

/** Identity check: the agent's question and the customer's answer (same index). */
export const IDENTITY_ASK: Phrases = {
  ko: [
    '정확한 안내를 위해 본인 확인 먼저 하겠습니다. 성함과 생년월일 말씀해 주시겠어요?',
    '본인 확인을 위해 가입자 성함과 휴대폰 번호 뒤 네 자리를 말씀해 주시겠어요?',
  ],
  en: [
    'Before I look into this, may I have your full name and date of birth to verify your account?',
    'To verify your identity, could you give me your full name and the last four digits of your phone number?',
  ],
};

export const IDENTITY_ANSWER: MoodPhrases = {
  calm: {
    ko: [
      '네, {customer}입니다. 생년월일은 {birth}입니다.',
      '{customer}이고요, 뒤 네 자리는 {phone4}입니다.',
    ],
    en: [
      'Sure, it is {customer}, born {birthEn}.',
      'It is {customer}, and the last four digits are {phone4}.',
    ],
  },
  angry: {
    ko: [
      '아 진짜... {customer}요. 생년월일 {birth}. 빨리 좀 해 주세요.',
      '{customer}요. {phone4}. 됐죠?',
    ],
    en: [
      'Ugh. {customer}. Born {birthEn}. Can we speed this up?',
      '{customer}. {phone4}. Happy now?',
    ],
  },
};

export const IDENTITY_CONFIRM: Phrases = {
  ko: ['확인해 주셔서 감사합니다, {customerCall}.', '네, 본인 확인 감사합니다, {customerCall}.'],
  en: ['Thank you, {customerCall}, you are verified.', 'Thanks, {customerCall}, that all matches.'],
};

/** The agent goes straight into the account without verifying. */
export const NO_IDENTITY_ACK: Phrases = {
  ko: ['네, 바로 조회해 볼게요.', '네, 어떤 건인지 내역 보겠습니다.'],
  en: ['Okay, let me just pull that up.', 'Right, let me have a look at the account.'],
};

/** At most one apology in this table: good calls must stay below three. */
export const EMPATHY: Phrases = {
  ko: [
    '많이 불편하셨겠어요. 제가 빠르게 확인해 드리겠습니다.',
    '그런 일이 있으셨다니 정말 당황스러우셨겠어요.',
    '불편을 드려 죄송합니다. 바로 도와드리겠습니다.',
    '걱정 많이 되셨을 것 같아요. 함께 확인해 보겠습니다.',
  ],
  en: [
    'I understand how frustrating that must be. Let me sort this out for you.',
    'That sounds really inconvenient, I would feel the same way.',
    'I am sorry about the trouble. Let me get this fixed.',
    'I can see why you are worried. Let me look at it together.',
  ],
};

export const EMPATHY_REACTION: MoodPhrases = {
  calm: {
    ko: ['네, 빨리 해결됐으면 좋겠어요.', '네, 부탁드릴게요.'],
    en: ['Thanks, I just want it sorted.', 'Okay, thank you.'],
  },
  angry: {
    ko: ['말로만 그러지 마시고요.', '그러니까 빨리 좀 봐 주세요.'],
    en: ['Words are cheap.', 'Then just fix it, please.'],
  },
};

/** Angry customer: the agent thanks them for telling (thanks_for_feedback). */
export const THANKS_FOR_FEEDBACK: Phrases = {
  ko: ['불편하셨던 점 솔직하게 말씀해 주셔서 감사합니다.', '이렇게 말씀해 주셔서 감사합니다.'],
  en: [
    'Thank you for telling me about this.',
    'Thank you for letting us know, I really appreciate it.',
  ],
};

export const DEESCALATION_GOOD: Phrases = {
  ko: [
    '고객님 입장에서 충분히 화나실 만한 상황입니다. 제가 지금부터 끝까지 확인해서 해결해 드리겠습니다.',
    '끝까지 말씀해 주셔서 상황을 정확히 알겠습니다. 제가 책임지고 해결 방법을 찾아 드리겠습니다.',
  ],
  en: [
    'You have every reason to be upset. I will stay with you on this until it is resolved.',
    'Thank you for walking me through it, I understand exactly what happened. I will find a solution for you.',
  ],
};

export const DEESCALATION_BAD: Phrases = {
  ko: ['고객님, 일단 진정하시고 제 말씀부터 들어 보세요.', '그렇게 소리 지르시면 곤란합니다.'],
  en: ['Sir, you need to calm down first.', 'Please stop shouting at me.'],
};

export const CUSTOMER_CALMS: Phrases = {
  ko: ['...네, 그럼 제대로 좀 봐 주세요.', '알겠어요. 그럼 확인 부탁드릴게요.'],
  en: ['...Okay. Please just look into it properly.', "Alright. Let's see what you can do."],
};

export const CUSTOMER_STAYS_ANGRY: Phrases = {
  ko: ['진정하라니요? 지금 제가 이상한 사람이에요?', '누가 소리를 질렀다고 그래요? 어이가 없네요.'],
  en: ['Calm down? Are you serious right now?', 'I am not shouting! This is unbelievable.'],
};

export const HOLD_ANNOUNCE: Phrases = {
  ko: [
    '확인하는 동안 잠시만 기다려 주시겠어요?',
    '내역 조회해 보겠습니다. 잠시만 기다려 주십시오.',
    '시스템에서 확인해 볼게요. 잠시만 기다려 주시겠습니까?',
  ],
  en: [
    'Could you hold for a moment while I check?',
    'Let me look into that. Would you mind holding for a minute?',
    'Please bear with me for a moment while I pull up your account.',
  ],
};

export const HOLD_OK: MoodPhrases = {
  calm: { ko: ['네.', '네, 기다릴게요.'], en: ['Sure.', 'Okay, no problem.'] },
  angry: { ko: ['빨리 좀 해 주세요.'], en: ['Fine, but hurry.'] },
};

export const HOLD_THANKS: Phrases = {
  ko: ['기다려 주셔서 감사합니다.', '오래 기다리셨습니다. 기다려 주셔서 감사합니다.'],
  en: ['Thank you for waiting.', 'Thanks for holding.'],
};

/** The customer checks whether anyone is still there after an unannounced silence. */
export const CUSTOMER_HELLO: Readonly<Record<'voice' | 'chat', Phrases>> = {
  voice: {
    ko: ['여보세요? 듣고 계세요?', '여보세요?'],
    en: ['Hello? Are you still there?', 'Hello?'],
  },
  chat: { ko: ['계신가요?', '답변 기다리고 있어요.'], en: ['Are you still there?', 'Hello?'] },
};

/** The agent comes back after an unannounced lookup. */
export const SILENT_RETURN: Phrases = {
  ko: ['네, 보고 있었어요.', '아, 네. 확인 중이었어요.'],
  en: ['Yeah, I am here, I was looking.', 'Yes, still checking.'],
};

/** After an unannounced silence later in the call (typing, searching). */
export const DEAD_AIR_RETURN: Phrases = {
  ko: ['네, 입력하느라고요.', '아, 네. 처리하고 있었어요.'],
  en: ['Yes, I was just typing that in.', 'Right, I was just processing that.'],
};

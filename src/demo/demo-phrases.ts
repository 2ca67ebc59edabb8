/**
 * Phrase tables for the demo contact-center generator (`demo-data.ts`): the script steps in
 * Korean and English, with several alternatives each, and the customer scenarios.
 * Placeholders in braces (`{company}`, `{agent}`, `{customer}`, ...) are filled per call.
 * Plain data, no logic.
 */

export type DemoLanguage = 'ko' | 'en';
export type DemoQueue = 'billing' | 'technical' | 'orders' | 'cancellations';
/** How a call ended (metadata.disposition). */
export type DemoDisposition =
  'resolved' | 'callback_scheduled' | 'unresolved' | 'transferred' | 'referred';

/** Alternatives for one step, per language. */
export type Phrases = Readonly<Record<DemoLanguage, readonly string[]>>;
/** Alternatives for a customer line: a calm and an angry version. */
export interface MoodPhrases {
  calm: Phrases;
  angry: Phrases;
}

export interface ScenarioText {
  /** The customer's opening statement of the problem. */
  problem: readonly string[];
  angryProblem: readonly string[];
  /** The agent's probing question for the root cause, and the customer's answer. */
  detailQuestion: string;
  detailAnswer: string;
  /** The agent names the root cause. */
  cause: string;
  /** The correct resolution (matches the first option). */
  fix: string;
  /** A wrong or insufficient resolution. */
  wrongFix: string;
  options: readonly [string, string];
  /** Key points, used in "to sum up: …". */
  summary: string;
  /** Parts of a good after-call memo. */
  note: { purpose: string; status: string; outcome: string; action: string };
  /** One word for the topic, used by vague memos. */
  topic: string;
  /** Where a needless transfer sends the customer. */
  department: string;
}

export interface Scenario {
  key: string;
  queue: DemoQueue;
  ko: ScenarioText;
  en: ScenarioText;
}

export const COMPANY: Readonly<Record<DemoLanguage, string>> = {
  ko: '누리텔레콤',
  en: 'Nuri Telecom',
};

export const CUSTOMER_NAMES: Readonly<Record<DemoLanguage, readonly string[]>> = {
  ko: [
    '김영희',
    '이철수',
    '박민지',
    '최성호',
    '정다은',
    '강현우',
    '조은비',
    '윤재석',
    '장미경',
    '임태훈',
    '한소영',
    '오준혁',
    '서지민',
    '신동욱',
    '권나래',
    '황보람',
  ],
  en: [
    'Sarah Johnson',
    'Michael Brown',
    'Olivia Davis',
    'Daniel Miller',
    'Grace Lee',
    'Ryan Thompson',
    'Chloe Martin',
    'Ethan Clark',
    'Hannah White',
    'Lucas Young',
  ],
};

// ---------------------------------------------------------------------------------------------
// Script steps (agent)
// ---------------------------------------------------------------------------------------------

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

/** Used when the agent does not explain a cause. */
export const NO_CAUSE: Phrases = {
  ko: ['네, 내역 확인됐습니다.', '네, 조회됐습니다.'],
  en: ['Okay, I have your account up.', 'Right, I can see it here.'],
};

export const CAUSE_REACTION: MoodPhrases = {
  calm: {
    ko: ['아, 그랬군요.', '아 그래서 그랬구나.'],
    en: ['Oh, I see.', 'Ah, that explains it.'],
  },
  angry: {
    ko: ['그러니까 그쪽 잘못이라는 거잖아요.', '결국 회사 실수네요.'],
    en: ['So it was your mistake, then.', 'So it is your fault after all.'],
  },
};

/** The first request cannot be met as asked (policy, stock): what options are offered after. */
export const CANNOT_AS_ASKED: Phrases = {
  ko: [
    '말씀하신 방식 그대로는 처리가 어렵습니다. ',
    '요청하신 대로는 규정상 바로 해 드리기 어렵습니다. ',
  ],
  en: [
    "I'm not able to do it exactly that way, I'm afraid. ",
    "That isn't possible as asked, but ",
  ],
};

export const OPTIONS_TEMPLATE: Readonly<Record<DemoLanguage, string>> = {
  ko: '방법은 두 가지가 있습니다. 첫 번째는 {option1}이고, 두 번째는 {option2}입니다. 어떤 방법이 편하실까요?',
  en: 'There are two ways I can handle this: the first is {option1}, and the second is {option2}. Which would you prefer?',
};

export const OPTION_CHOICE: MoodPhrases = {
  calm: {
    ko: ['첫 번째 방법으로 해 주세요.', '앞에 말씀하신 방법이 좋겠네요.'],
    en: ['The first one, please.', "Let's go with the first option."],
  },
  angry: { ko: ['됐고 그냥 첫 번째로 해요.'], en: ['Whatever, the first one.'] },
};

export const PROCEED: Phrases = {
  ko: ['네, 그렇게 진행하겠습니다.', '네, 바로 처리해 드리겠습니다.'],
  en: ['Great, I will do that now.', 'Sure, I am setting that up now.'],
};

export const FIX_ACK: MoodPhrases = {
  calm: { ko: ['네, 알겠습니다.', '아 네, 감사합니다.'], en: ['Okay, great.', 'Alright, thanks.'] },
  angry: {
    ko: ['하... 알겠어요.', '진작 그렇게 해 주시지.'],
    en: ['Fine.', 'Should have done that in the first place.'],
  },
};

export const FIX_DONE: Phrases = {
  ko: [
    '처리 완료되었고, 문자로도 안내해 드리겠습니다.',
    '접수 완료되었습니다. 진행 상황은 문자로 보내 드릴게요.',
  ],
  en: [
    'That is all done, and I will send you a text confirmation.',
    'It is all set, you will get the details by text.',
  ],
};

export const CALLBACK: Phrases = {
  ko: [
    '처리 결과는 내일 오후 중에 제가 다시 연락드리겠습니다.',
    '최종 결과는 확인되는 대로 내일 다시 전화드리겠습니다.',
  ],
  en: [
    'I will call you back tomorrow afternoon with the result.',
    'I will follow up with a call tomorrow once it is confirmed.',
  ],
};

export const WRONG_FIX_REACTION: MoodPhrases = {
  calm: {
    ko: ['그건 이미 해 봤는데 안 됐어요.', '음... 그게 맞나요?'],
    en: ['I already tried that.', 'Hmm, are you sure?'],
  },
  angry: { ko: ['그거 이미 해 봤다니까요!'], en: ['I told you I already tried that!'] },
};

export const WRONG_FIX_FOLLOW_UP: Phrases = {
  ko: ['그럼 일단 그렇게 해 보시고 안 되면 다시 전화 주세요.', '일단은 그렇게 안내드리고 있어요.'],
  en: [
    'Well, try that first and call back if it still does not work.',
    'That is what we normally advise.',
  ],
};

/** Needless transfer (index 0 transfers the call) or sending the customer elsewhere (index 1). */
export const ESCAPE: Phrases = {
  ko: [
    '그 부분은 다른 부서 담당이라서 다른 부서로 돌려 드릴게요.',
    '그건 {department} 소관이라서요, 그쪽 번호로 다시 전화하셔야 해요.',
  ],
  en: [
    'That is handled by another department, I will transfer you to another team.',
    "For that you'll have to call another number, the one for {department}.",
  ],
};

export const ESCAPE_REACTION: MoodPhrases = {
  calm: {
    ko: ['또 다른 데로 가야 하는 거예요? 여기서 처리 안 되나요?'],
    en: ['Again? Can you not just do it here?'],
  },
  angry: {
    ko: ['또 돌려요? 벌써 몇 번째예요!'],
    en: ['Another transfer? How many times is this now?'],
  },
};

export const ESCAPE_FOLLOW_UP: Phrases = {
  ko: ['네, 그쪽에서 처리해 드릴 거예요.', '네, 거기서 안내받으시면 됩니다.'],
  en: ['They will take care of it over there.', 'They will be able to help you there.'],
};

export const TRANSFER_SYSTEM: Readonly<Record<DemoLanguage, string>> = {
  ko: '통화가 {department}(으)로 전환되었습니다.',
  en: 'Call transferred to {department}.',
};

/** Customer asks again; the agent answers rudely (no_rude_language = false). */
export const RUDE_PROMPT: Phrases = {
  ko: ['죄송한데 다시 한번만 설명해 주시겠어요?', '그럼 그건 언제 된다고 하셨죠?'],
  en: ['Sorry, could you explain that again?', 'When did you say that would happen?'],
};

export const RUDE: Phrases = {
  ko: ['아까 말씀드렸잖아요. 제 말을 좀 잘 들으셔야죠.', '그걸 몇 번이나 말씀드려야 돼요?'],
  en: ['I already told you that. You need to listen.', 'How many times do I have to say it?'],
};

/** Prefixes for the solution turn: negative wording vs. "what I can do". */
export const NEGATIVE_PREFIX: Phrases = {
  ko: [
    '그건 원래 안 되는 건데요. ',
    '저희가 해 드릴 수 있는 게 별로 없어요. ',
    '그건 불가능합니다. ',
  ],
  en: [
    "That's not something we normally do. ",
    "There's not much I can do here. ",
    'That is impossible. ',
  ],
};

export const POSITIVE_PREFIX: Phrases = {
  ko: ['제가 바로 도와드릴 수 있습니다. ', '이렇게 해결해 드릴 수 있습니다. ', ''],
  en: ['Here is what I can do for you. ', 'Good news, I can fix this. ', ''],
};

/** Starts of a turn with which the agent cuts the customer off. */
export const INTERRUPT_PREFIX: Phrases = {
  ko: ['네네, 잠깐만요. ', '아 네, 알겠고요. '],
  en: ['Okay, okay, ', 'Right, right, '],
};

export const APOLOGY_PREFIX: Phrases = {
  ko: ['정말 죄송합니다. ', '너무 죄송합니다. ', '죄송합니다, 고객님. '],
  en: ['I am so sorry. ', 'Sorry, I really apologise. ', 'I am terribly sorry. '],
};

export const SUMMARY_TEMPLATE: Readonly<Record<DemoLanguage, string>> = {
  ko: '정리해 드리면, {summary}. 맞으실까요?',
  en: 'So, to sum up: {summary}. Does that sound right?',
};

export const SUMMARY_ACK: MoodPhrases = {
  calm: {
    ko: ['네, 맞아요.', '네, 그렇게 알고 있을게요.'],
    en: ['Yes, that is right.', 'Yes, perfect.'],
  },
  angry: { ko: ['네.'], en: ['Yes.'] },
};

/** Key points when the call did not end with the fix: a transfer or an unresolved problem. */
export const SUMMARY_OTHER: Readonly<
  Record<DemoLanguage, Record<'escaped' | 'unresolved', string>>
> = {
  ko: {
    escaped: '{department}에서 이어서 처리해 드릴 예정입니다',
    unresolved: '우선 안내해 드린 방법으로 해 보시고, 안 되면 다시 연락 주시면 됩니다',
  },
  en: {
    escaped: '{department} will take it from here',
    unresolved: 'you will try the steps I gave you first and call back if it still does not work',
  },
};

export const ANYTHING_ELSE: Phrases = {
  ko: [
    '혹시 더 궁금하신 점 있으실까요?',
    '다른 문의 사항은 없으신가요?',
    '더 도와드릴 일이 있을까요?',
  ],
  en: ['Is there anything else I can help you with?', 'Anything else I can do for you today?'],
};

export const ANYTHING_ELSE_REPLY: MoodPhrases = {
  calm: {
    ko: ['아니요, 없습니다.', '아니요, 그거면 돼요.'],
    en: ['No, that is everything.', 'No, that is all, thanks.'],
  },
  angry: { ko: ['없어요.'], en: ['No.'] },
};

// A good closing checks satisfaction before thanking and saying goodbye (script step 000).
export const CLOSING_GOOD: Phrases = {
  ko: [
    '오늘 안내가 도움이 되셨을까요? {company}을 이용해 주셔서 감사합니다. 지금까지 상담원 {agentPast}. 좋은 하루 보내세요.',
    '궁금하신 점은 충분히 해결되셨나요? 감사합니다, {customerCall}. 편안한 하루 되세요. 상담원 {agentPast}.',
    '상담 내용은 만족스러우셨을까요? 늘 {company}을 이용해 주셔서 감사합니다. 좋은 하루 되세요.',
  ],
  en: [
    'Was I able to help you today? Thank you for calling {company}. This was {agent}, have a great day!',
    'Has that answered everything for you? Thanks for your time, {customerCall}. Take care and have a lovely day.',
    'Are you happy with how we left things today? Thank you for calling {company}, goodbye for now.',
  ],
};

export const CLOSING_BAD: Phrases = {
  ko: ['네, 끊을게요.', '네, 그럼 그렇게 아세요.'],
  en: ['Okay. Bye.', 'Alright, that is it then.'],
};

export const BYE: MoodPhrases = {
  calm: {
    ko: ['네, 감사합니다. 수고하세요.', '네, 감사합니다.'],
    en: ['Thanks, bye.', 'Thank you, goodbye.'],
  },
  angry: {
    ko: ['됐어요. 다음엔 이런 일 없게 하세요.', '알겠어요. 끊을게요.'],
    en: ['Whatever. Make sure this does not happen again.', 'Fine. Goodbye.'],
  },
};

/** Padding for long calls: a customer question and the agent's answer (same index). */
export const PADDING_QUESTION: Phrases = {
  ko: [
    '처리되면 문자로 알려 주시나요?',
    '혹시 추가로 비용이 드는 건 없나요?',
    '앱에서도 진행 상황을 볼 수 있나요?',
    '다음에 또 이런 일이 생기면 어떻게 해야 하죠?',
    '주말에도 처리가 되나요?',
    '제가 따로 준비할 서류가 있나요?',
    '가족 명의 회선도 같이 확인할 수 있나요?',
    '처리 내역은 어디서 다시 볼 수 있어요?',
  ],
  en: [
    'Will I get a text when it is done?',
    'Will there be any extra cost for this?',
    'Can I follow the progress in the app?',
    'What should I do if this happens again?',
    'Does this get processed at weekends too?',
    'Do I need to send you any documents?',
    'Can you check my husband\u2019s line as well?',
    'Where can I see the details again later?',
  ],
};

export const PADDING_ANSWER: Phrases = {
  ko: [
    '네, 처리가 완료되면 등록된 번호로 문자 안내가 나갑니다.',
    '네, 추가 비용은 발생하지 않습니다.',
    '네, 앱의 내 정보 메뉴에서 진행 상황을 보실 수 있습니다.',
    '같은 일이 생기면 이 번호로 연락 주시면 이력 보고 바로 도와드리겠습니다.',
    '주말에도 접수는 되고, 처리는 평일에 순서대로 진행됩니다.',
    '아니요, 따로 준비하실 서류는 없습니다.',
    '가족분 회선은 명의자 본인 확인 후에 안내해 드릴 수 있습니다.',
    '홈페이지 마이페이지의 상담 내역에서 보실 수 있습니다.',
  ],
  en: [
    'Yes, you will get a text on your registered number once it is complete.',
    'No, there is no extra cost.',
    'Yes, you can follow it under My Account in the app.',
    'Just call this number and we will see the history and help you straight away.',
    'We take requests at weekends and process them in order on weekdays.',
    'No, you do not need any documents.',
    'I can help with that line once the account holder has verified themselves.',
    'You can find it under the support history on our website.',
  ],
};

export const CUSTOMER_ACK: Phrases = {
  ko: ['네, 알겠습니다.', '아, 네.', '네네.'],
  en: ['Okay, got it.', 'Alright.', 'I see.'],
};

// ---------------------------------------------------------------------------------------------
// After-call notes
// ---------------------------------------------------------------------------------------------

/** Good memo: purpose, current status, desired outcome, what was done and when. */
export const NOTE_TEMPLATE: Readonly<Record<DemoLanguage, string>> = {
  ko: '[문의] {purpose} ({date} {start} 인입) / [현황] {status} / [요청] {outcome} / [처리] {end} {action}',
  en: 'Purpose: {purpose} (call on {date} at {start}). Status: {status}. Customer wants: {outcome}. Action: {end} {action}.',
};

/** What a good memo says was done, by how the call ended. */
export const NOTE_ACTION: Readonly<Record<DemoLanguage, Record<DemoDisposition, string>>> = {
  ko: {
    resolved: '{action}',
    callback_scheduled: '{action}, 익일 오후 결과 회신 예정',
    unresolved: '기본 조치 안내, 미해결 상태로 종료 — 재문의 시 {department} 연결 요청',
    transferred: '{department}(으)로 이관, 이관 사유 고객에게 안내',
    referred: '{department} 번호 안내, 고객이 직접 재문의 예정',
  },
  en: {
    resolved: '{action}',
    callback_scheduled: '{action}; callback with the result tomorrow afternoon',
    unresolved: 'basic steps given, not resolved; on a repeat call connect to {department}',
    transferred: 'transferred to {department}, reason explained to the customer',
    referred: 'customer given the number for {department} to call directly',
  },
};

/** Vague or judgemental memos. */
export const NOTE_BAD: Phrases = {
  ko: [
    '{topic} 문제 있음. 확인 필요.',
    '{topic} 관련 문의. 확인 필요함.',
    '고객이 막무가내로 우김. {topic} 문제 있음.',
    '진상 고객. {topic} 건 처리함.',
  ],
  en: [
    '{topic} issue. Check needed.',
    'Customer was difficult about {topic}. Problem exists.',
    'Rude customer, {topic} stuff. Handled.',
    '{topic} - check needed later.',
  ],
};

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

export const SCENARIOS: readonly Scenario[] = [
  {
    key: 'double_billing',
    queue: 'billing',
    ko: {
      problem: [
        '이번 달 요금이 두 번 빠져나간 것 같아서요. 통장을 보니까 같은 금액이 이틀 연속으로 출금됐더라고요.',
        '청구서를 받았는데 이번 달 요금이 평소보다 두 배 가까이 나왔어요. 어떻게 된 건지 좀 봐 주세요.',
      ],
      angryProblem: [
        '아니, 이번 달 요금이 두 번이나 빠져나갔어요! 남의 돈을 이렇게 마음대로 가져가도 되는 거예요?',
        '요금이 두 배로 나왔는데 도대체 관리를 어떻게 하시는 거예요? 지난달에도 똑같았잖아요!',
      ],
      detailQuestion: '출금된 날짜와 금액을 말씀해 주시겠어요?',
      detailAnswer: '3일하고 4일에 5만 2천 원씩 두 번 빠져나갔어요.',
      cause: '확인해 보니 자동이체 승인 오류로 같은 청구 건이 두 번 출금되었습니다.',
      fix: '중복 출금된 5만 2천 원은 환불 접수해 드렸고, 3~5영업일 안에 등록하신 계좌로 입금됩니다.',
      wrongFix: '다음 달 요금에서 알아서 정리되니까 따로 하실 건 없으세요.',
      options: ['중복 출금액을 계좌로 환불받으시는 방법', '다음 달 요금에서 차감하시는 방법'],
      summary: '중복 출금된 5만 2천 원은 환불 접수되었고, 3~5영업일 안에 계좌로 입금됩니다',
      note: {
        purpose: '요금 이중 출금 문의',
        status: '이번 달 자동이체 52,000원 2회 출금, 승인 오류로 인한 중복 출금 확인',
        outcome: '중복 출금액 환불 희망',
        action: '중복 출금액 52,000원 계좌 환불 접수(3~5영업일 내 입금) 안내',
      },
      topic: '요금',
      department: '요금팀',
    },
    en: {
      problem: [
        'I think I have been charged twice this month. My bank statement shows the same amount taken two days in a row.',
        'My bill this month is almost double what I normally pay. Can you tell me what happened?',
      ],
      angryProblem: [
        'You have taken my money twice this month! How is that even allowed?',
        'My bill is double again! This happened last month too, what is going on over there?',
      ],
      detailQuestion: 'Could you tell me the dates and amounts of the two payments?',
      detailAnswer: 'The 3rd and the 4th, forty-five dollars each.',
      cause: 'I can see that an auto-pay authorisation error processed the same bill twice.',
      fix: 'I have submitted a refund for the duplicate forty-five dollars; it will be back in your account within three to five business days.',
      wrongFix:
        'It will just sort itself out on next month\u2019s bill, so you do not need to do anything.',
      options: [
        'a refund of the duplicate payment to your bank account',
        'a credit of the same amount on next month\u2019s bill',
      ],
      summary:
        'the duplicate payment of forty-five dollars has been refunded and will arrive within three to five business days',
      note: {
        purpose: 'Duplicate auto-pay charge this month',
        status: 'two $45 debits confirmed, caused by an auto-pay authorisation error',
        outcome: 'the duplicate refunded',
        action: 'refund of $45 submitted (3-5 business days), customer informed',
      },
      topic: 'billing',
      department: 'the billing team',
    },
  },
  {
    key: 'delivery_delay',
    queue: 'orders',
    ko: {
      problem: [
        '일주일 전에 휴대폰을 주문했는데 아직도 배송이 안 왔어요. 배송 조회를 해도 계속 준비 중으로만 나와요.',
        '주문한 단말기가 도착 예정일이 지났는데 아직 안 왔어요. 언제쯤 받을 수 있을까요?',
      ],
      angryProblem: [
        '주문한 지 일주일이 넘었는데 아직도 안 왔어요! 배송 조회는 계속 준비 중이고, 이게 대체 뭐 하는 거예요?',
        '도착 예정일이 벌써 지났잖아요! 출근할 때 써야 하는데 어떡하라는 거예요?',
      ],
      detailQuestion: '주문하신 날짜와 주문 번호를 알려 주시겠어요?',
      detailAnswer: '지난주 월요일에 주문했고요, 주문 번호는 N-58213이에요.',
      cause: '확인해 보니 물류센터 입고가 늦어져서 출고가 이틀 지연된 상태입니다.',
      fix: '오늘 오후 출고로 우선 처리해 드렸고, 내일 중에 받아 보실 수 있습니다.',
      wrongFix: '배송은 택배사에서 순서대로 진행하니까 며칠만 더 기다려 주세요.',
      options: [
        '오늘 오후 우선 출고로 내일 받으시는 방법',
        '가까운 매장에서 오늘 직접 수령하시는 방법',
      ],
      summary: '주문하신 단말기는 오늘 오후 우선 출고되어 내일 중에 도착합니다',
      note: {
        purpose: '단말기 주문 배송 지연 문의(주문번호 N-58213)',
        status: '물류센터 입고 지연으로 출고 2일 지연 확인',
        outcome: '빠른 수령 희망',
        action: '당일 오후 우선 출고 처리, 익일 도착 예정 안내',
      },
      topic: '배송',
      department: '물류팀',
    },
    en: {
      problem: [
        'I ordered a phone a week ago and it still has not arrived. The tracking page just keeps saying preparing.',
        'My new phone was supposed to arrive on Friday and it is still not here. When will I get it?',
      ],
      angryProblem: [
        'I ordered this phone over a week ago and it still says preparing! What exactly are you people doing?',
        'The delivery date has already passed! I need this phone for work, what am I supposed to do?',
      ],
      detailQuestion: 'Could you give me the order number and the date you placed the order?',
      detailAnswer: 'It was last Monday, order number N-58213.',
      cause:
        'I can see the warehouse received the stock late, so your order was held for two days.',
      fix: 'I have moved your order to priority dispatch this afternoon, so it should arrive tomorrow.',
      wrongFix: 'Deliveries are handled by the courier, so please give it a few more days.',
      options: [
        'priority dispatch this afternoon with delivery tomorrow',
        'picking it up from your nearest store today',
      ],
      summary: 'your phone goes out on priority dispatch this afternoon and arrives tomorrow',
      note: {
        purpose: 'Delayed phone order N-58213',
        status: 'dispatch held 2 days due to late warehouse stock',
        outcome: 'the phone as soon as possible',
        action: 'moved to priority dispatch, delivery expected next day',
      },
      topic: 'delivery',
      department: 'the logistics team',
    },
  },
  {
    key: 'password_reset',
    queue: 'technical',
    ko: {
      problem: [
        '앱에 로그인이 안 돼요. 비밀번호를 바꾸려고 하는데 인증 문자가 안 와요.',
        '비밀번호를 여러 번 틀렸더니 계정이 잠겼다고 나와요. 어떻게 풀 수 있나요?',
      ],
      angryProblem: [
        '벌써 한 시간째 로그인이 안 돼요! 인증 문자는 오지도 않고, 앱을 왜 이렇게 만든 거예요?',
        '계정이 잠겼다는데 풀 방법이 어디에도 없잖아요! 지금 급하게 써야 된다고요!',
      ],
      detailQuestion: '어떤 화면에서 멈추는지, 오류 메시지가 뜨는지 말씀해 주시겠어요?',
      detailAnswer: '인증번호 발송 실패라고 뜨고 문자가 안 와요.',
      cause:
        '확인해 보니 비밀번호 오류 5회 초과로 계정이 잠겨 있어서 인증 문자가 발송되지 않았습니다.',
      fix: '계정 잠금을 해제해 드렸고, 방금 비밀번호 재설정 링크를 문자로 보내 드렸습니다.',
      wrongFix: '앱을 지웠다가 다시 설치해 보세요. 그러면 보통 됩니다.',
      options: [
        '문자로 받으신 링크로 바로 재설정하시는 방법',
        '이메일로 재설정 링크를 받으시는 방법',
      ],
      summary: '계정 잠금이 해제되었고 비밀번호 재설정 링크를 문자로 보내 드렸습니다',
      note: {
        purpose: '앱 로그인 불가, 비밀번호 재설정 문의',
        status: '비밀번호 5회 오류로 계정 잠김, 인증 문자 미발송 확인',
        outcome: '즉시 로그인 희망',
        action: '계정 잠금 해제 후 재설정 링크 문자 발송, 로그인 성공 확인',
      },
      topic: '로그인',
      department: '기술지원팀',
    },
    en: {
      problem: [
        'I cannot log in to the app. I tried to reset my password but the verification text never comes.',
        'I typed my password wrong a few times and now it says my account is locked. How do I unlock it?',
      ],
      angryProblem: [
        'I have been locked out of the app for an hour! The verification text never arrives, who designed this thing?',
        'It says my account is locked and there is no way to unlock it anywhere! I need it right now!',
      ],
      detailQuestion: 'Which screen does it stop on, and do you see an error message?',
      detailAnswer: 'It says the verification code could not be sent.',
      cause:
        'Your account was locked after five wrong passwords, which is why the verification text was not sent.',
      fix: 'I have unlocked the account and just texted you a password reset link.',
      wrongFix: 'Just delete the app and reinstall it; that usually fixes it.',
      options: [
        'resetting right away with the link I text you',
        'getting the reset link by email instead',
      ],
      summary: 'your account is unlocked and a reset link has been sent by text',
      note: {
        purpose: 'Cannot log in to the app, password reset',
        status: 'account locked after 5 failed attempts, so no verification SMS',
        outcome: 'to log in now',
        action: 'account unlocked, reset link sent by SMS, login confirmed',
      },
      topic: 'login',
      department: 'tech support',
    },
  },
  {
    key: 'cancellation',
    queue: 'cancellations',
    ko: {
      problem: [
        '인터넷 해지를 하려고 전화했어요. 다음 달에 이사를 가서요.',
        '지금 쓰는 인터넷을 해지하고 싶은데요, 절차가 어떻게 되나요?',
      ],
      angryProblem: [
        '해지하려고 벌써 세 번째 전화예요! 해지해 달라는데 왜 자꾸 딴소리만 하세요?',
        '해지 신청을 지난주에 했는데 아직도 요금이 나가요! 이게 말이 됩니까?',
      ],
      detailQuestion: '해지를 원하시는 날짜와 사유를 여쭤봐도 될까요?',
      detailAnswer: '이달 말까지만 쓰고 싶어요. 이사 가는 곳은 다른 통신사가 들어와 있대요.',
      cause: '확인해 보니 지난번 신청이 해지가 아닌 일시 정지로 잘못 접수되어 있었습니다.',
      fix: '이달 말일자로 해지 접수해 드렸고, 장비 회수 기사님이 다음 주 중에 연락드릴 예정입니다.',
      wrongFix: '해지는 매장에 직접 방문하셔야 가능합니다.',
      options: [
        '이달 말일자로 해지하시는 방법',
        '이사하시는 곳으로 이전 설치하시고 3개월 요금 할인을 받으시는 방법',
      ],
      summary: '이달 말일자로 해지가 접수되었고, 다음 주 중에 장비 회수 연락이 갑니다',
      note: {
        purpose: '인터넷 해지 요청(이사)',
        status: '이전 신청 건이 일시 정지로 잘못 접수된 것 확인',
        outcome: '이달 말일자 해지 희망',
        action: '말일자 해지 접수, 장비 회수 일정 안내(다음 주 연락)',
      },
      topic: '해지',
      department: '해지전담팀',
    },
    en: {
      problem: [
        'I am calling to cancel my internet. I am moving next month.',
        'I would like to cancel my home internet. What do I need to do?',
      ],
      angryProblem: [
        'This is the third time I have called to cancel! Why does nobody just do it?',
        'I cancelled last week and you are still charging me! How is that acceptable?',
      ],
      detailQuestion: 'May I ask which date you would like it to end, and the reason?',
      detailAnswer: 'End of this month. The new place already has another provider.',
      cause:
        'I see the previous request was logged as a temporary suspension instead of a cancellation.',
      fix: 'I have booked the cancellation for the end of this month, and a technician will contact you next week to collect the equipment.',
      wrongFix: 'Cancellations can only be done in a store, in person.',
      options: [
        'cancelling at the end of this month',
        'moving the service to your new address with three months at a discount',
      ],
      summary:
        'the cancellation is booked for the end of the month and equipment pickup will be arranged next week',
      note: {
        purpose: 'Internet cancellation (moving house)',
        status: 'earlier request was wrongly logged as a suspension',
        outcome: 'service to end at month end',
        action: 'cancellation booked for month end, equipment pickup next week',
      },
      topic: 'cancellation',
      department: 'the retentions team',
    },
  },
  {
    key: 'refund_missing',
    queue: 'orders',
    ko: {
      problem: [
        '2주 전에 이어폰을 반품했는데 아직 환불이 안 들어왔어요.',
        '반품 접수하고 물건도 보냈는데 환불 처리가 어떻게 됐는지 궁금해서요.',
      ],
      angryProblem: [
        '반품한 지 2주가 넘었는데 아직도 환불이 안 됐어요! 물건은 벌써 받아 가셨잖아요!',
        '환불해 준다더니 2주째 감감무소식이에요. 도대체 뭐 하는 거예요?',
      ],
      detailQuestion: '반품하신 상품명과 보내신 날짜를 알려 주시겠어요?',
      detailAnswer: '무선 이어폰이고요, 2주 전 금요일에 택배로 보냈어요.',
      cause:
        '확인해 보니 반품 상품은 입고됐는데 검수 완료 처리가 누락되어 환불이 진행되지 않았습니다.',
      fix: '검수 완료 처리하고 환불 승인해 드렸습니다. 카드 결제 취소로 2~3영업일 안에 반영됩니다.',
      wrongFix: '환불은 원래 한 달 정도 걸리니까 조금 더 기다려 보세요.',
      options: ['결제하신 카드로 취소 처리받으시는 방법', '포인트로 바로 환불받으시는 방법'],
      summary: '반품하신 이어폰 환불이 승인되었고, 카드 결제 취소로 2~3영업일 안에 반영됩니다',
      note: {
        purpose: '반품 환불 미처리 문의(무선 이어폰)',
        status: '반품 입고 후 검수 완료 처리 누락 확인',
        outcome: '빠른 환불 희망',
        action: '검수 완료 및 환불 승인, 카드 취소 2~3영업일 내 반영 안내',
      },
      topic: '환불',
      department: '반품센터',
    },
    en: {
      problem: [
        'I returned some earbuds two weeks ago and still have not got my refund.',
        'I sent back a return and I would like to know what is happening with the refund.',
      ],
      angryProblem: [
        'I returned these earbuds over two weeks ago and I still do not have my money! You have had them for ages!',
        'You promised a refund two weeks ago and nothing! What is going on?',
      ],
      detailQuestion: 'Which item did you return, and when did you send it?',
      detailAnswer: 'Wireless earbuds. I posted them two weeks ago on Friday.',
      cause:
        'The return arrived, but the inspection step was never marked complete, so the refund did not start.',
      fix: 'I have completed the inspection and approved the refund; it goes back to your card within two to three business days.',
      wrongFix: 'Refunds normally take about a month, so just give it a bit longer.',
      options: ['a refund to the card you paid with', 'an instant refund as store credit'],
      summary:
        'the refund for your earbuds is approved and will reach your card in two to three business days',
      note: {
        purpose: 'Missing refund for returned wireless earbuds',
        status: 'return received but inspection was never completed',
        outcome: 'the refund now',
        action: 'inspection completed, refund approved to card (2-3 business days)',
      },
      topic: 'refund',
      department: 'the returns centre',
    },
  },
  {
    key: 'plan_change',
    queue: 'billing',
    ko: {
      problem: [
        '요즘 데이터를 많이 써서요, 요금제를 바꾸고 싶은데 어떤 게 있는지 알고 싶어요.',
        '지금 요금제가 저한테 안 맞는 것 같아서요. 좀 더 맞는 걸로 바꿀 수 있을까요?',
      ],
      angryProblem: [
        '매달 데이터 초과 요금이 만 원씩 나와요! 요금제 바꿔 달라고 했는데 왜 아직 그대로예요?',
        '요금제 변경 신청을 했는데 안 바뀌었잖아요! 초과 요금은 누가 책임져요?',
      ],
      detailQuestion: '한 달에 데이터를 보통 어느 정도 쓰시는지 여쭤봐도 될까요?',
      detailAnswer: '한 달에 15기가 정도 쓰는 것 같아요.',
      cause: '확인해 보니 현재 10기가 요금제를 쓰고 계셔서 매달 초과 요금이 발생하고 있었습니다.',
      fix: '다음 달 1일부터 데이터 20기가 요금제로 변경해 드렸고, 월 요금은 3천 원만 올라갑니다.',
      wrongFix: '지금 요금제가 제일 저렴한 거라서 그냥 쓰시는 게 나아요.',
      options: [
        '데이터 20기가 요금제로 바꾸시는 방법',
        '지금 요금제에 데이터 추가 옵션을 붙이시는 방법',
      ],
      summary: '다음 달 1일부터 20기가 요금제로 변경되고 월 요금은 3천 원 올라갑니다',
      note: {
        purpose: '요금제 변경 문의(데이터 초과 요금)',
        status: '10GB 요금제 사용 중 월 15GB 사용으로 매월 초과 요금 발생 확인',
        outcome: '초과 요금 없는 요금제 희망',
        action: '익월 1일자 20GB 요금제로 변경 완료(월 3,000원 인상) 안내',
      },
      topic: '요금제',
      department: '요금팀',
    },
    en: {
      problem: [
        'I have been using a lot of data lately, so I would like to change my plan. What are my options?',
        'My current plan does not really suit me any more. Can I switch to something better?',
      ],
      angryProblem: [
        'I keep getting ten-dollar overage charges every month! I asked to change my plan and it is still the same!',
        'I requested a plan change and it never happened! Who is paying for these overage fees?',
      ],
      detailQuestion: 'Roughly how much data do you use in a month?',
      detailAnswer: 'Around fifteen gigabytes, I think.',
      cause:
        'You are on a ten-gigabyte plan, which is why overage charges have been added every month.',
      fix: 'I have switched you to the twenty-gigabyte plan from the 1st of next month; it is only three dollars more a month.',
      wrongFix: 'Your current plan is already the cheapest, so you are better off staying on it.',
      options: [
        'moving to the twenty-gigabyte plan',
        'keeping your plan and adding a data top-up option',
      ],
      summary:
        'from the 1st of next month you are on the twenty-gigabyte plan for three dollars more a month',
      note: {
        purpose: 'Plan change request (data overage)',
        status: 'on a 10GB plan while using about 15GB, overage charged monthly',
        outcome: 'a plan without overage',
        action: 'switched to the 20GB plan from the 1st of next month (+$3/month)',
      },
      topic: 'plan',
      department: 'the billing team',
    },
  },
  {
    key: 'device_fault',
    queue: 'technical',
    ko: {
      problem: [
        '휴대폰이 충전이 잘 안 돼요. 케이블을 꽂아도 됐다 안 됐다 해요.',
        '산 지 석 달 된 휴대폰인데 충전하다가 자꾸 끊겨요.',
      ],
      angryProblem: [
        '산 지 석 달밖에 안 된 폰이 충전이 안 돼요! 이런 불량품을 팔아 놓고 어떻게 하실 거예요?',
        '새 폰이 벌써 고장 났어요! 수리 맡기라는 말만 하지 말고 제대로 좀 해 주세요!',
      ],
      detailQuestion: '언제부터 그랬는지, 다른 충전기로도 같은 증상인지 말씀해 주시겠어요?',
      detailAnswer: '지난주부터요. 다른 충전기로 해도 똑같아요.',
      cause: '말씀하신 증상과 원격 진단 결과를 보니 충전 단자 불량으로 확인됩니다.',
      fix: '보증 기간 안이라 무상 수리로 접수해 드렸고, 내일 택배 기사님이 단말기를 가지러 방문합니다.',
      wrongFix: '휴대폰을 껐다 켜 보시면 대부분 해결됩니다.',
      options: [
        '택배로 무상 수리를 받으시는 방법',
        '가까운 서비스센터에 방문하셔서 당일 수리받으시는 방법',
      ],
      summary: '충전 단자 불량으로 무상 수리가 접수되었고, 내일 택배 기사님이 방문합니다',
      note: {
        purpose: '단말기 충전 불량 문의(구입 3개월)',
        status: '원격 진단 결과 충전 단자 불량, 보증 기간 내',
        outcome: '무상 수리 희망',
        action: '무상 수리 접수, 익일 택배 수거 예약',
      },
      topic: '단말기',
      department: '서비스센터',
    },
    en: {
      problem: [
        'My phone will not charge properly. It keeps connecting and disconnecting.',
        'My phone is only three months old and it keeps dropping the charge.',
      ],
      angryProblem: [
        'This phone is three months old and it will not charge! You sold me a faulty phone, what are you going to do about it?',
        'My brand-new phone is already broken! Do not just tell me to take it for repair!',
      ],
      detailQuestion: 'When did it start, and does it happen with a different charger too?',
      detailAnswer: 'Since last week. Same thing with another charger.',
      cause: 'From what you describe and the remote diagnostics, the charging port is faulty.',
      fix: 'It is under warranty, so I have booked a free repair and a courier will collect the phone tomorrow.',
      wrongFix: 'Just turn it off and on again; that fixes most things.',
      options: [
        'a free repair with courier pickup',
        'a same-day repair at your nearest service centre',
      ],
      summary:
        'a free warranty repair is booked for the faulty charging port and the courier comes tomorrow',
      note: {
        purpose: 'Phone not charging (bought 3 months ago)',
        status: 'remote diagnostics show a faulty charging port, under warranty',
        outcome: 'a free repair',
        action: 'warranty repair booked, courier pickup tomorrow',
      },
      topic: 'device',
      department: 'the service centre',
    },
  },
  {
    key: 'internet_outage',
    queue: 'technical',
    ko: {
      problem: [
        '집 인터넷이 어제 저녁부터 자꾸 끊겨요. 재택근무를 해야 해서 걱정이에요.',
        '인터넷이 아예 안 돼요. 공유기 불빛이 빨간색으로 깜빡여요.',
      ],
      angryProblem: [
        '어제부터 인터넷이 계속 끊겨서 일을 하나도 못 했어요! 요금은 꼬박꼬박 받아 가면서 이게 뭐예요?',
        '인터넷이 하루 종일 안 돼요! 재택근무하는데 회의를 두 번이나 날렸다고요!',
      ],
      detailQuestion: '공유기에 불빛이 어떤 색으로 켜져 있는지 봐 주시겠어요?',
      detailAnswer: '인터넷 불빛이 빨간색으로 깜빡여요.',
      cause: '확인해 보니 고객님 댁 주변 선로 장비에 장애가 있어서 신호가 불안정했습니다.',
      fix: '선로 점검 기사님을 오늘 오후 4시로 예약해 드렸고, 장애 기간만큼 요금은 감면 처리해 드렸습니다.',
      wrongFix: '공유기 전원을 뺐다가 다시 꽂아 보세요. 그래도 안 되면 내일 다시 전화 주세요.',
      options: [
        '오늘 오후 4시에 기사님 방문을 받으시는 방법',
        '내일 오전 첫 방문으로 예약하시는 방법',
      ],
      summary: '오늘 오후 4시에 선로 점검 기사님이 방문하고, 장애 기간 요금은 감면됩니다',
      note: {
        purpose: '인터넷 끊김 문의(재택근무)',
        status: '댁 주변 선로 장비 장애로 신호 불안정 확인',
        outcome: '당일 복구 희망',
        action: '당일 16시 기사 방문 예약, 장애 기간 요금 감면 처리',
      },
      topic: '인터넷',
      department: '기술지원팀',
    },
    en: {
      problem: [
        'My home internet keeps dropping since last night. I work from home, so it is a real worry.',
        'The internet is not working at all and the router light is flashing red.',
      ],
      angryProblem: [
        'My internet has been dropping since yesterday and I could not work at all! You never miss taking my money, though!',
        'No internet all day! I work from home and I have missed two meetings already!',
      ],
      detailQuestion: 'Could you check what colour the lights on the router are?',
      detailAnswer: 'The internet light is flashing red.',
      cause:
        'There is a fault on the line equipment near your home, which made the signal unstable.',
      fix: 'I have booked an engineer for 4 pm today and credited your bill for the days without service.',
      wrongFix:
        'Unplug the router and plug it back in. If that does not work, call again tomorrow.',
      options: ['an engineer visit at 4 pm today', 'the first slot tomorrow morning'],
      summary: 'an engineer is coming at 4 pm today and the outage days are credited on your bill',
      note: {
        purpose: 'Home internet dropping (works from home)',
        status: 'line equipment fault near the address confirmed',
        outcome: 'service back today',
        action: 'engineer booked for 4 pm today, outage days credited',
      },
      topic: 'internet',
      department: 'tech support',
    },
  },
  {
    key: 'roaming_charge',
    queue: 'billing',
    ko: {
      problem: [
        '해외 출장을 다녀왔는데 로밍 요금이 20만 원 넘게 나왔어요. 로밍 요금제를 가입하고 갔거든요.',
        '로밍 요금이 생각보다 너무 많이 나와서 내역을 좀 확인하고 싶어요.',
      ],
      angryProblem: [
        '로밍 요금제까지 가입하고 갔는데 20만 원이 넘게 나왔어요! 이걸 저보고 다 내라는 거예요?',
        '해외에서 데이터 몇 번 쓴 걸로 20만 원이요? 말도 안 되잖아요!',
      ],
      detailQuestion: '방문하신 국가와 로밍 요금제 가입하신 날짜를 알려 주시겠어요?',
      detailAnswer: '일본이요. 출국 전날 앱에서 가입했어요.',
      cause:
        '확인해 보니 로밍 요금제 시작일이 귀국일로 잘못 설정되어 출장 기간 동안 종량 요금이 부과되었습니다.',
      fix: '로밍 요금제를 출국일로 소급 적용해서 초과 요금 21만 원은 이번 달 청구에서 취소해 드렸습니다.',
      wrongFix: '이미 사용하신 요금이라 그대로 청구되고, 분납으로 내실 수 있어요.',
      options: ['이번 달 청구에서 바로 취소받으시는 방법', '다음 달 요금에서 차감받으시는 방법'],
      summary: '로밍 요금제가 출국일로 소급 적용되어 초과 요금 21만 원이 취소되었습니다',
      note: {
        purpose: '로밍 요금 과다 청구 문의(일본 출장)',
        status: '로밍 요금제 시작일이 귀국일로 잘못 설정되어 종량 요금 부과 확인',
        outcome: '초과 요금 취소 희망',
        action: '요금제 출국일 소급 적용, 초과 요금 210,000원 당월 청구 취소',
      },
      topic: '로밍',
      department: '요금팀',
    },
    en: {
      problem: [
        'I got back from a business trip and my roaming bill is over a hundred and fifty dollars, even though I bought a roaming pass.',
        'My roaming charges are much higher than I expected. Can you check them?',
      ],
      angryProblem: [
        'I bought a roaming pass and I still got charged over a hundred and fifty dollars! You expect me to pay that?',
        'A hundred and fifty dollars for checking my email abroad a few times? That is ridiculous!',
      ],
      detailQuestion: 'Which country did you visit, and when did you buy the roaming pass?',
      detailAnswer: 'Japan. I bought it in the app the day before I left.',
      cause:
        'The roaming pass was set to start on your return date by mistake, so you were charged pay-as-you-go rates during the trip.',
      fix: 'I have back-dated the pass to your departure date and removed the hundred and sixty dollars from this month\u2019s bill.',
      wrongFix:
        'Those charges are for data you used, so they stay on the bill, but you can pay in instalments.',
      options: [
        'removing the charge from this month\u2019s bill',
        'crediting it on next month\u2019s bill',
      ],
      summary:
        'the roaming pass is back-dated and the hundred and sixty dollars is removed from this month\u2019s bill',
      note: {
        purpose: 'High roaming charges after a trip to Japan',
        status: 'roaming pass start date was set to the return date by mistake',
        outcome: 'the extra charges removed',
        action: 'pass back-dated to departure date, $160 removed from current bill',
      },
      topic: 'roaming',
      department: 'the billing team',
    },
  },
  {
    key: 'wrong_item',
    queue: 'orders',
    ko: {
      problem: [
        '휴대폰 케이스를 주문했는데 다른 기종용이 왔어요.',
        '주문한 거랑 다른 색상 제품이 배송됐어요. 교환하고 싶어요.',
      ],
      angryProblem: [
        '주문한 거랑 완전히 다른 게 왔어요! 확인도 안 하고 보내시는 거예요?',
        '엉뚱한 상품이 왔잖아요! 선물하려고 산 건데 이제 어떡해요?',
      ],
      detailQuestion: '받으신 상품에 붙어 있는 상품 코드를 불러 주시겠어요?',
      detailAnswer: '상자에 C-2231이라고 적혀 있어요.',
      cause: '확인해 보니 출고 과정에서 비슷한 코드의 상품과 바뀌어 잘못 포장되었습니다.',
      fix: '맞는 상품을 오늘 바로 보내 드리고, 잘못 간 상품은 내일 기사님이 무료로 회수해 갑니다.',
      wrongFix: '받으신 상품을 먼저 반품하시면 확인 후에 다시 주문해 주세요.',
      options: ['맞는 상품으로 맞교환받으시는 방법', '전액 환불받으시는 방법'],
      summary: '맞는 상품은 오늘 발송되고 잘못 간 상품은 내일 무료로 회수됩니다',
      note: {
        purpose: '오배송 문의(휴대폰 케이스 기종 상이)',
        status: '출고 시 유사 코드 상품(C-2231)과 바뀌어 포장된 것 확인',
        outcome: '맞는 상품으로 교환 희망',
        action: '정상 상품 당일 발송, 오배송 상품 익일 무상 회수 예약',
      },
      topic: '배송',
      department: '물류팀',
    },
    en: {
      problem: [
        'I ordered a phone case, but the one that arrived is for a different model.',
        'I got the wrong colour. I would like to exchange it.',
      ],
      angryProblem: [
        'You sent me something completely different from what I ordered! Does anyone check these?',
        'The wrong item arrived! It was meant to be a gift, what do I do now?',
      ],
      detailQuestion: 'Could you read me the product code on the item you received?',
      detailAnswer: 'The box says C-2231.',
      cause: 'It looks like it was swapped with a product with a similar code when it was packed.',
      fix: 'I am sending the correct item out today, and a courier will collect the wrong one tomorrow at no cost to you.',
      wrongFix:
        'Please return the item first, and once we have checked it you can place a new order.',
      options: ['a straight exchange for the right item', 'a full refund'],
      summary:
        'the correct item ships today and the wrong one is collected tomorrow free of charge',
      note: {
        purpose: 'Wrong item delivered (case for a different model)',
        status: 'packed with a similar-code product (C-2231) at dispatch',
        outcome: 'the correct item',
        action: 'correct item shipped today, free pickup of the wrong item tomorrow',
      },
      topic: 'order',
      department: 'the logistics team',
    },
  },
  {
    key: 'termination_fee',
    queue: 'cancellations',
    ko: {
      problem: [
        '약정 기간 중에 해지하면 위약금이 얼마나 나오는지 궁금해서요.',
        '번호 이동을 하려는데 위약금이 많이 나온다고 해서요. 정확한 금액을 알고 싶어요.',
      ],
      angryProblem: [
        '위약금이 30만 원이라니요? 가입할 때 그런 설명은 하나도 못 들었어요!',
        '해지하려는데 위약금을 이렇게 많이 물리는 게 말이 돼요?',
      ],
      detailQuestion: '가입하신 시기와 약정 기간을 기억하시나요?',
      detailAnswer: '작년 봄에 24개월 약정으로 했어요.',
      cause:
        '확인해 보니 단말기 지원금 반환금과 요금 할인 반환금이 함께 계산되어 금액이 크게 나왔습니다.',
      fix: '장기 고객 혜택을 적용해서 위약금을 18만 원으로 조정했고, 조정 내역은 문자로 보내 드렸습니다.',
      wrongFix: '위약금은 약정서에 정해진 금액 그대로 내시면 됩니다.',
      options: [
        '장기 고객 혜택으로 위약금을 18만 원으로 줄여서 지금 해지하시는 방법',
        '약정이 끝나는 6개월 뒤에 위약금 없이 해지하시는 방법',
      ],
      summary: '장기 고객 혜택으로 위약금이 18만 원으로 조정되었고 내역은 문자로 보내 드렸습니다',
      note: {
        purpose: '약정 해지 위약금 문의(번호 이동 예정)',
        status: '단말 지원금 및 요금 할인 반환금 합산으로 약 30만 원 산정 확인',
        outcome: '위약금 감면 희망',
        action: '장기 고객 혜택 적용하여 180,000원으로 조정, 내역 문자 발송',
      },
      topic: '위약금',
      department: '해지전담팀',
    },
    en: {
      problem: [
        'I would like to know how much the early termination fee would be if I cancel my contract now.',
        'I am switching providers and they told me my cancellation fee is huge. What is the exact amount?',
      ],
      angryProblem: [
        'Two hundred and twenty dollars to cancel? Nobody told me anything about that when I signed up!',
        'You are charging me this much just to leave? How is that fair?',
      ],
      detailQuestion: 'Do you remember when you signed up and how long the contract was?',
      detailAnswer: 'Last spring, a twenty-four-month contract.',
      cause:
        'The fee includes both the device subsidy and the monthly discount being paid back, which is why it is so high.',
      fix: 'I have applied our long-term customer benefit, which brings the fee down to a hundred and thirty dollars, and I have texted you the breakdown.',
      wrongFix: 'The fee is set in your contract, so you will pay it in full.',
      options: [
        'cancelling now with the fee reduced to a hundred and thirty dollars by our long-term customer benefit',
        'cancelling in six months when the contract ends, with no fee',
      ],
      summary:
        'the fee is reduced to a hundred and thirty dollars and the breakdown is on its way by text',
      note: {
        purpose: 'Early termination fee enquiry (switching provider)',
        status: 'fee of about $220 combines device subsidy and discount payback',
        outcome: 'the fee reduced',
        action: 'long-term customer benefit applied, fee reduced to $130, breakdown sent by SMS',
      },
      topic: 'contract',
      department: 'the retentions team',
    },
  },
];

/**
 * The agent's script while solving the problem: the cause, the options, the fix or a callback,
 * wrong fixes, needless transfers, rude answers and the prefixes of the solution turn. Plain data.
 */
import type { DemoLanguage, Phrases, MoodPhrases } from './types';

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

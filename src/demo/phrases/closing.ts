/**
 * The end of a call: the summary, anything else, the closing and goodbye, and the padding
 * questions that make a call longer. Plain data.
 */
import type { DemoLanguage, Phrases, MoodPhrases } from './types';

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

/** The after-call notes (memos): the good template, each disposition's action, vague memos. */
import type { DemoLanguage, DemoDisposition, Phrases } from './types';

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

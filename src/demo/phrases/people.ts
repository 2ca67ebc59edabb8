/** Who is on the demo calls: the company and the customers' names. */
import type { DemoLanguage } from './types';

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

/** The identifiers in test/fixtures/privacy/call-with-identifiers.json, in each form written. */
export const FAKE_IDENTIFIERS = [
  '850101-1234566',
  '1234566',
  '공일공에 구팔칠육',
  '구팔칠육',
  '오사삼이',
  '9876',
  '110-234-567890',
  '567890',
  'gildong.hong',
  'naver.com',
  '9410 1234 5678 9010',
  '5678 9010',
  '테헤란로 152',
  '1203호',
  '칠사삼구일',
];

/** The demo's billing scenarios, in Korean and English (see ScenarioText). */
import type { Scenario } from '../types';

export const DOUBLE_BILLING: Scenario = {
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
};

export const PLAN_CHANGE: Scenario = {
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
};

export const ROAMING_CHARGE: Scenario = {
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
};

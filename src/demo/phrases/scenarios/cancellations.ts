/** The demo's cancellations scenarios, in Korean and English (see ScenarioText). */
import type { Scenario } from '../types';

export const CANCELLATION: Scenario = {
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
};

export const TERMINATION_FEE: Scenario = {
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
};

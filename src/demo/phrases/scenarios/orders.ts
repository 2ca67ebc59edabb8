/** The demo's orders scenarios, in Korean and English (see ScenarioText). */
import type { Scenario } from '../types';

export const DELIVERY_DELAY: Scenario = {
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
    cause: 'I can see the warehouse received the stock late, so your order was held for two days.',
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
};

export const REFUND_MISSING: Scenario = {
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
};

export const WRONG_ITEM: Scenario = {
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
    summary: 'the correct item ships today and the wrong one is collected tomorrow free of charge',
    note: {
      purpose: 'Wrong item delivered (case for a different model)',
      status: 'packed with a similar-code product (C-2231) at dispatch',
      outcome: 'the correct item',
      action: 'correct item shipped today, free pickup of the wrong item tomorrow',
    },
    topic: 'order',
    department: 'the logistics team',
  },
};

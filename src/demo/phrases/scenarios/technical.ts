/** The demo's technical scenarios, in Korean and English (see ScenarioText). */
import type { Scenario } from '../types';

export const PASSWORD_RESET: Scenario = {
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
};

export const DEVICE_FAULT: Scenario = {
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
};

export const INTERNET_OUTAGE: Scenario = {
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
    cause: 'There is a fault on the line equipment near your home, which made the signal unstable.',
    fix: 'I have booked an engineer for 4 pm today and credited your bill for the days without service.',
    wrongFix: 'Unplug the router and plug it back in. If that does not work, call again tomorrow.',
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
};

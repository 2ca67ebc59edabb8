import { messageOf, pageMessageOf } from '../../../src/common/http-exception.filter';
import { QueueItemStateError } from '../../../src/queue/queue-errors';

describe("a queue item's state in a refusal", () => {
  const error = new QueueItemStateError('queue item 7 is already in_progress', {
    key: 'error.queue.itemNotPending',
    params: { id: '7', status: 'in_progress' },
  });

  it('names the state as the queue page does, in the reader language', () => {
    expect(pageMessageOf(error, 'ko')).toBe("대기 항목 7은(는) 이미 '진행 중' 상태입니다");
    expect(pageMessageOf(error, 'en')).toBe('Queue item 7 is already "In progress"');
    expect(messageOf(error, 'ko')).not.toContain('in_progress');
  });
});

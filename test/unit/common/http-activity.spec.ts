import { EventEmitter } from 'events';
import type { Request, Response } from 'express';
import { httpRequestsInFlight, trackHttpActivity } from '../../../src/common/http-activity';

/** The count background jobs read to decide whether to drain their backlog at full speed. */
describe('trackHttpActivity', () => {
  const start = () => {
    const res = new EventEmitter();
    const next = jest.fn();
    trackHttpActivity({} as Request, res as unknown as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
    return res;
  };

  it('counts a request from its start until it is answered or its connection closes, once', () => {
    const before = httpRequestsInFlight();
    const answered = start();
    const dropped = start();
    expect(httpRequestsInFlight()).toBe(before + 2);
    answered.emit('finish');
    answered.emit('close');
    expect(httpRequestsInFlight()).toBe(before + 1);
    dropped.emit('close');
    expect(httpRequestsInFlight()).toBe(before);
  });
});

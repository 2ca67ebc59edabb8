import type { ArgumentsHost } from '@nestjs/common';
import { UnavailableError } from '../../../src/common/errors';
import { HttpExceptionFilter } from '../../../src/common/http-exception.filter';

/** What the one exception filter answers an API request that threw `error`, in `lang`. */
function answer(error: unknown, lang: 'ko' | 'en') {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const response = {
    locals: { lang },
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const request = {
    method: 'GET',
    url: '/api/coaching/plans/1/pdf',
    path: '/api/coaching/plans/1/pdf',
    headers: {},
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(error, host);
  return sent;
}

describe('a PDF no worker made in time', () => {
  const error = new UnavailableError('no worker rendered plan-1-v1.pdf within 90 s', {
    key: 'error.pdfNotRendered',
    params: { seconds: '90', queue: 'coaching.pdf' },
  });

  it('is a 503 that says to try again, in the reader language, not a 500', () => {
    const ko = answer(error, 'ko');
    expect(ko.status).toBe(503);
    expect(ko.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    expect(String(ko.body?.message)).toContain('90초 안에 PDF를 만든 워커가 없습니다');
    const en = answer(error, 'en');
    expect(en.status).toBe(503);
    expect(String(en.body?.message)).toContain('No worker made the PDF within 90 s');
    expect(String(en.body?.message)).toContain('coaching.pdf');
  });
});

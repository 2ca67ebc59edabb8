import { DomainError } from '../common/errors';
import { utcMinute } from './dispute-window';

/** The evaluation is not in the state this step needs (e.g. resolving one that is not disputed). */
export class EvaluationStatusError extends DomainError {
  readonly status = 409;
  constructor(id: number, status: string, needed: string, step: string) {
    super(`evaluation ${id} is ${status}: only a ${needed} evaluation can be ${step}`);
  }
}

export class DisputeWindowClosedError extends DomainError {
  readonly status = 409;
  constructor(id: number, closedAt: Date) {
    super(`the window to acknowledge or dispute evaluation ${id} closed on ${utcMinute(closedAt)}`);
  }
}

import { DomainError, type MessageKey } from '../common/errors';

/** "Start next" found nothing the actor may take. */
export class QueueEmptyError extends DomainError {
  readonly status = 404;
  constructor() {
    super('nothing left to score: your queue has no open item and no unassigned call you may take');
  }
}

/** The item is no longer in a state that allows this (done, skipped, taken by someone else). */
export class QueueItemStateError extends DomainError {
  readonly status = 409;
  constructor(
    message: string,
    override readonly messageKey?: MessageKey,
  ) {
    super(message);
  }
}

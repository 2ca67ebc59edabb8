import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Set by src/worker.ts (`npm run worker`) before the app context starts; nothing else sets it. */
export const WORKER_PROCESS_ENV = 'QA_WORKER_PROCESS';

/**
 * Which background work this process runs. A web instance (`npm start`) runs it unless
 * `WORKERS=off`; a worker (`npm run worker`, no HTTP) always does; the command line runs none
 * of the loops and timers (it waits for its own work and exits).
 */
@Injectable()
export class Background {
  /** Read once, when the process's app starts. */
  readonly isWorker = process.env[WORKER_PROCESS_ENV] === '1';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  private get isWeb(): boolean {
    return Boolean(this.adapterHost.httpAdapter) && !this.isWorker;
  }

  /** The loops and timers (outbox drain, auto-QA pass, sampling) run here. */
  get loops(): boolean {
    return this.isWorker || (this.isWeb && this.config.workers);
  }

  /** A web instance with `WORKERS=off`: background work is left to the workers. */
  get webOnly(): boolean {
    return this.isWeb && !this.config.workers;
  }
}

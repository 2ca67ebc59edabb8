import { Controller, Get, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { ADMIN } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError } from '../common/errors';
import { FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { REQUEST_KINDS } from './data-request-match';
import { DataRequestsService } from './data-requests.service';
import { DataRequestDto } from './dto/data-request.dto';
import { RETENTION_HOUR, retentionActive } from '../config/retention-policy';
import { RetentionService } from './retention.service';

/** How many coming runs the page previews. */
const PREVIEW_RUNS = 7;

/** Admin: the retention policy, what the next runs delete, the last runs; data subject requests. */
@ApiExcludeController()
@Controller('admin')
@Allow(ADMIN)
export class RetentionPagesController {
  constructor(
    private readonly retention: RetentionService,
    private readonly requests: DataRequestsService,
  ) {}

  @Get('retention')
  async page(@Res() res: Response) {
    res.render('admin/retention', await this.view(res));
  }

  @Post('retention/run')
  async runNow(@CurrentUser() actor: Actor, @Res() res: Response) {
    const result = await this.retention.run(new Date(), actor, 'manual');
    if (!result) {
      res.status(409).render('admin/retention', {
        ...(await this.view(res)),
        error: translate(
          languageOf(res),
          retentionActive(this.retention.policy) ? 'retention.busy' : 'retention.off',
        ),
      });
      return;
    }
    res.redirect(303, `/admin/retention?ran=${result.calls}`);
  }

  @Get('data-requests')
  dataRequests(@Res() res: Response) {
    res.render('admin/data-requests', this.requestView(res, {}));
  }

  @Post('data-requests/preview')
  async preview(@FormBody() body: FormFields, @Res() res: Response) {
    await submitForm(
      res,
      'admin/data-requests',
      async () => {
        const input = formInput(DataRequestDto, body);
        const preview = await this.requests.preview(input.kind, input.value);
        res.status(200).render('admin/data-requests', this.requestView(res, input, { preview }));
      },
      (e) => this.requestView(res, body, { error: pageMessageOf(e, languageOf(res)) }),
    );
  }

  @Post('data-requests/delete')
  async delete(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    await submitForm(
      res,
      'admin/data-requests',
      async () => {
        const input = formInput(DataRequestDto, body);
        if (input.confirm !== 'yes') {
          const preview = await this.requests.preview(input.kind, input.value);
          res.status(400).render(
            'admin/data-requests',
            this.requestView(res, input, {
              preview,
              error: translate(languageOf(res), 'dataRequest.confirmFirst'),
            }),
          );
          return;
        }
        const report = await this.requests.execute(actor, input.kind, input.value);
        // The value is not shown again: the report is about what was deleted.
        res.status(200).render('admin/data-requests', this.requestView(res, {}, { report }));
      },
      (e: DomainError) => this.requestView(res, body, { error: pageMessageOf(e, languageOf(res)) }),
    );
  }

  private requestView(res: Response, input: FormFields | DataRequestDto, extra: object = {}) {
    const kind = typeof input.kind === 'string' ? input.kind : 'phone';
    return {
      title: translate(languageOf(res), 'dataRequest.title'),
      kinds: REQUEST_KINDS.map((value) => ({ value, selected: value === kind })),
      value: typeof input.value === 'string' ? input.value : '',
      ...extra,
    };
  }

  private async view(res: Response) {
    const policy = this.retention.policy;
    const now = new Date();
    const days = (value: number | null) => ({ days: value, kept: value === null });
    return {
      title: translate(languageOf(res), 'retention.title'),
      active: retentionActive(policy),
      hour: RETENTION_HOUR,
      defaultDays: days(policy.defaultDays),
      sources: Object.entries(policy.sources).map(([name, d]) => ({ name, ...days(d) })),
      channels: Object.entries(policy.channels).map(([name, d]) => ({ name, ...days(d) })),
      upcoming: retentionActive(policy) ? await this.retention.upcoming(now, PREVIEW_RUNS) : [],
      runs: (await this.retention.lastRuns(10)).map((run) => ({
        ...run,
        groups: Object.entries(run.counts.perGroup ?? {}).map(([group, calls]) => ({
          group,
          calls,
        })),
      })),
      ran: typeof res.req.query.ran === 'string' ? res.req.query.ran : null,
    };
  }
}

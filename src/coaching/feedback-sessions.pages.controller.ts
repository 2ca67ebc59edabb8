import { Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { AGENTS, COACHES } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';
import { CoachingPageViews, typedSession } from './coaching-page-views';
import { RecordSessionDto, ScheduleSessionDto } from './dto/feedback-session.dto';
import { FeedbackSessionsService } from './feedback-sessions.service';

/** The feedback-session forms of a coaching plan's page: schedule, record as held, acknowledge. */
@ApiExcludeController()
@Controller('coaching')
export class FeedbackSessionsPagesController {
  constructor(
    private readonly sessions: FeedbackSessionsService,
    private readonly views: CoachingPageViews,
  ) {}

  @Post(':id/sessions')
  @Allow(COACHES)
  async schedule(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'coaching/show',
      async () => {
        const dto = formInput(ScheduleSessionDto, { scheduledAt: field(body, 'scheduledAt') });
        await this.sessions.schedule(actor, id, dto.scheduledAt);
        res.redirect(303, `/coaching/${id}#sessions`);
      },
      // Refused: the time the lead typed comes back in the schedule form, with why.
      async (e) =>
        this.views.planView(actor, id, res, null, null, {
          scheduledAt: field(body, 'scheduledAt') ?? '',
          error: pageMessageOf(e, languageOf(res)),
        }),
    );
  }

  @Post('sessions/:sid')
  @Allow(COACHES)
  async record(
    @CurrentUser() actor: Actor,
    @Param('sid', ParseIntPipe) sid: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const typed = typedSession(sid, body);
    const { planId } = await this.sessions.session(actor, sid);
    await submitForm(
      res,
      'coaching/show',
      async () => {
        const dto = formInput(RecordSessionDto, {
          notes: typed.notes,
          commitments: typed.commitments,
          followUpDate: typed.followUpDate,
        });
        await this.sessions.record(actor, sid, {
          notes: dto.notes,
          commitments: dto.commitments ?? '',
          followUpDate: dto.followUpDate,
        });
        res.redirect(303, `/coaching/${planId}#sessions`);
      },
      // Refused: the session's form comes back with what the lead wrote, and why.
      async (e) =>
        this.views.planView(actor, planId, res, null, {
          ...typed,
          recordError: pageMessageOf(e, languageOf(res)),
        }),
    );
  }

  @Post('sessions/:sid/acknowledge')
  @Allow(AGENTS)
  async acknowledge(
    @CurrentUser() actor: Actor,
    @Param('sid', ParseIntPipe) sid: number,
    @Res() res: Response,
  ) {
    const session = await this.sessions.acknowledge(actor, sid);
    res.redirect(303, `/coaching/${session.planId}#sessions`);
  }
}

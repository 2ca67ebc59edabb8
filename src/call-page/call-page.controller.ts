import { Controller, Get, Param, ParseIntPipe, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { abuseBanner } from '../abuse/abuse-banner';
import { AbuseService } from '../abuse/abuse.service';
import { RecordProtectiveActionDto } from '../abuse/dto/protection.dto';
import { Allow } from '../auth/access.guard';
import { EVERYONE, PROTECTORS, STAFF } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { field, FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { languageOf } from '../common/i18n/lang';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { ReplayViews } from '../evaluations/replay-views';
import { InteractionsService } from '../interactions/interactions.service';
import { textParts } from '../redaction/masks';
import { ScorecardsService } from '../scorecards/scorecards.service';

/**
 * The call's page (the replay): the transcript and its player (interactions) with the
 * evaluations of the call, their marks and the scorecards to score with (evaluations). It sits
 * above both features so that interactions need not know evaluations. The protective-action
 * form of an abusive call posts here too, so that a refused note comes back on this page.
 */
@ApiExcludeController()
@Allow(EVERYONE)
@Controller()
export class CallPageController {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly evaluations: EvaluationsService,
    private readonly scorecards: ScorecardsService,
    private readonly replayViews: ReplayViews,
    private readonly abuse: AbuseService,
  ) {}

  @Get('interactions/:id')
  @Render('interactions/replay')
  async replay(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query('protected') protectedNow: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.view(actor, id, res, protectedNow === '1');
  }

  /** One click on the replay page: the action (and an optional note), audited. */
  @Post('interactions/:id/protective-actions')
  @Allow(PROTECTORS)
  async recordProtectiveAction(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const note = field(body, 'note') ?? '';
    await submitForm(
      res,
      'interactions/replay',
      async () => {
        const dto = formInput(RecordProtectiveActionDto, { action: field(body, 'action'), note });
        await this.abuse.recordAction(actor, id, dto);
        res.redirect(303, `/interactions/${id}?protected=1#abuse-flag`);
      },
      // Refused (an action not offered, a note too long): the form again, with the note and why.
      async (e) =>
        this.view(actor, id, res, false, { note, error: pageMessageOf(e, languageOf(res)) }),
      (e) => e instanceof InputError && ['action', 'note'].includes(e.field),
    );
  }

  private async view(
    actor: Actor,
    id: number,
    res: Response,
    protectedNow: boolean,
    protective: { note: string; error: string } | null = null,
  ) {
    const interaction = await this.interactions.get(id, actor);
    // Only those who score see the scorecards to score with (agents do not score).
    const scorecards = STAFF.includes(actor.role) ? await this.scorecards.list() : [];
    const preferred = `${interaction.channel}-${interaction.language}`;
    const evaluations = await this.evaluations.summariesOf(id, actor);
    const autoMetrics = evaluations.find((e) => e.kind === 'auto')?.metrics ?? null;
    // Each customer turn that sounded negative carries its score (0..10) on the transcript.
    const negative = new Map((autoMetrics?.negativeTurns ?? []).map((t) => [t.turn, t.score]));
    // A caller who swore at, threatened or harassed the agent (stored at import): shown first.
    const protector = PROTECTORS.includes(actor.role);
    const abuse = abuseBanner(
      interaction.abuse,
      interaction.turns,
      interaction.abuse?.flagged ? await this.interactions.protectiveActionsOf(id) : [],
      protector,
      languageOf(res),
    );
    return {
      title: interaction.externalId,
      abuse,
      protectedNow,
      protective,
      interaction: {
        ...interaction,
        turns: interaction.turns.map((t) => ({
          ...t,
          negativity: negative.get(t.seq) ?? null,
          // Masks put in at import (or by the source), marked on the transcript.
          parts: textParts(t.text),
        })),
      },
      // The marks come from the evaluations this page lists, and only from those.
      ...(await this.replayViews.view(
        interaction,
        evaluations.map((e) => e.id),
        languageOf(res),
      )),
      metadata: Object.entries(interaction.metadata ?? {}).map(([key, value]) => ({ key, value })),
      evaluations,
      autoMetrics,
      scorecards: scorecards.map((s) => ({
        key: s.key,
        name: s.name,
        selected: s.key === preferred,
      })),
    };
  }
}

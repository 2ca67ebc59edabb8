import { Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.guard';
import { EVERYONE } from '../auth/roles';
import { Actor, CurrentUser } from '../common/current-user';
import { field, FormBody, FormFields } from '../common/form-body';
import { formInput, formNumber } from '../common/form-input';
import { MarkReadDto } from './dto/mark-read.dto';
import { translate } from '../common/i18n/i18n';
import { PageQueryDto } from '../common/pagination';
import { NotificationsService } from './notifications.service';
import { languageOf } from '../common/i18n/lang';

@ApiExcludeController()
@Allow(EVERYONE)
@Controller('notifications')
export class NotificationsPagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Render('notifications/list')
  async list(
    @CurrentUser() actor: Actor,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lang = languageOf(res);
    const page = await this.notifications.list(actor, query.page ?? 1);
    return {
      title: translate(lang, 'nav.notifications'),
      page: {
        ...page,
        items: page.items.map((n) => ({
          id: n.id,
          text: translate(lang, `notification.${n.kind}`, n.params ?? {}),
          link: n.link,
          createdAt: n.createdAt,
          unread: n.readAt === null,
        })),
      },
      anyUnread: page.items.some((n) => n.readAt === null),
      prev: page.page > 1 ? `/notifications?page=${page.page - 1}` : null,
      next: page.page < page.pages ? `/notifications?page=${page.page + 1}` : null,
    };
  }

  /** Marks all read, or the one whose `id` the form posts. */
  @Post('read')
  async read(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    const { id } = formInput(MarkReadDto, { id: formNumber(field(body, 'id')) });
    await this.notifications.markRead(actor, id ?? 'all');
    res.redirect(303, '/notifications');
  }
}

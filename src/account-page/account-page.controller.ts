import { Controller, Get, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, SessionOnly } from '../auth/access.guard';
import { ApiTokensService } from '../auth/api-tokens.service';
import { ChangePasswordDto, CreateTokenDto } from '../auth/dto/auth.dto';
import { EVERYONE } from '../auth/roles';
import { clearCookie, SESSION_COOKIE } from '../common/cookies';
import { Actor, CurrentUser } from '../common/current-user';
import { InputError } from '../common/errors';
import { FormBody, FormFields, submitForm } from '../common/form-body';
import { formInput } from '../common/form-input';
import { pageMessageOf } from '../common/http-exception.filter';
import { translate } from '../common/i18n/i18n';
import { languageOf } from '../common/i18n/lang';
import { UsersService } from '../users/users.service';

/**
 * The signed-in person's account page (their own row, password and API tokens), assembled above
 * src/auth/ (tokens, sessions) and src/users/ (the people directory).
 */
@ApiExcludeController()
@Controller()
export class AccountPageController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: ApiTokensService,
  ) {}

  @Get('account')
  @Allow(EVERYONE)
  async account(@CurrentUser() actor: Actor, @Res() res: Response) {
    res.render('account/index', await this.accountView(actor, res));
  }

  @Post('account/password')
  @Allow(EVERYONE)
  @SessionOnly()
  async changePassword(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'account/index',
      async () => {
        const dto = formInput(ChangePasswordDto, body);
        await this.users.changeOwnPassword(actor, dto.current, dto.password);
        // Every session ended, this one too: sign in again with the new password.
        clearCookie(res, SESSION_COOKIE);
        res.redirect(303, '/login');
      },
      async (e) => ({
        ...(await this.accountView(actor, res)),
        passwordError: pageMessageOf(e, languageOf(res)),
      }),
      (e) => e instanceof InputError,
    );
  }

  @Post('account/tokens')
  @Allow(EVERYONE)
  @SessionOnly()
  async createToken(
    @CurrentUser() actor: Actor,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'account/index',
      async () => {
        const created = await this.tokens.create(actor, formInput(CreateTokenDto, body).name);
        // Shown once, on this response only; never stored in clear.
        res.status(201).render('account/index', {
          ...(await this.accountView(actor, res)),
          newToken: created.token,
        });
      },
      async (e) => ({
        ...(await this.accountView(actor, res)),
        tokenError: pageMessageOf(e, languageOf(res)),
      }),
      (e) => e instanceof InputError,
    );
  }

  @Post('account/tokens/:id/revoke')
  @Allow(EVERYONE)
  async revokeToken(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    await this.tokens.revoke(actor, id);
    res.redirect(303, '/account');
  }

  private async accountView(actor: Actor, res: Response) {
    return {
      title: translate(languageOf(res), 'account.title'),
      user: await this.users.get(actor.id),
      tokens: await this.tokens.list(actor),
    };
  }
}

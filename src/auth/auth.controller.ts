import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { clearCookie, cookieOptions, readCookie, SESSION_COOKIE } from '../common/cookies';
import { Actor, CurrentUser } from '../common/current-user';
import { Allow, Public } from './access.guard';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth.dto';
import { EVERYONE } from './roles';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: sets the session cookie; send the returned csrfToken as X-CSRF-Token on changes',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const session = await this.auth.signIn(dto.email, dto.password, req.ip ?? 'unknown');
    res.cookie(
      SESSION_COOKIE,
      session.token,
      cookieOptions(req, this.config, this.config.session.maxAgeMs),
    );
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  @Post('logout')
  @Allow(EVERYONE)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.auth.signOut(token);
    clearCookie(res, SESSION_COOKIE);
  }

  @Get('me')
  @Allow(EVERYONE)
  @ApiOperation({ summary: 'Who the session or API token belongs to' })
  me(@CurrentUser() actor: Actor) {
    return actor;
  }
}

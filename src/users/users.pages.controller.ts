import { Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgentsService } from '../agents/agents.service';
import { Allow, SessionOnly } from '../auth/access.guard';
import { ADMIN, ROLES, type Role } from '../auth/roles';
import { FormBody, FormFields, submitForm } from '../common/form-body';
import { Actor, CurrentUser } from '../common/current-user';
import { DomainError, InputError } from '../common/errors';
import { translate } from '../common/i18n/i18n';
import { PageNumberPipe } from '../common/pagination';
import { UserInput, UsersService } from './users.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { formInput } from '../common/form-input';
import { QueryTextPipe } from '../common/query-text';
import { languageOf } from '../common/i18n/lang';
import { pageMessageOf } from '../common/http-exception.filter';

/** Admin: people, their roles and links, password resets, deactivation. */
@ApiExcludeController()
@Controller('admin/users')
@Allow(ADMIN)
export class UsersPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly agents: AgentsService,
  ) {}

  @Get()
  async list(
    @Query('q', QueryTextPipe) q: string | undefined,
    @Query('role', QueryTextPipe) role: string | undefined,
    @Query('page', PageNumberPipe) page: number,
    @Res() res: Response,
  ) {
    const filter = {
      q: q?.slice(0, 100) || undefined,
      role: (ROLES as readonly string[]).includes(role ?? '') ? role : undefined,
      page,
    };
    const result = await this.users.list(filter);
    const link = (p: number) => {
      const params = new URLSearchParams();
      if (filter.q) params.set('q', filter.q);
      if (filter.role) params.set('role', filter.role);
      params.set('page', String(p));
      return `/admin/users?${params.toString()}`;
    };
    res.render('admin/users', {
      title: t(res, 'users.title'),
      page: result,
      filter,
      roles: ROLES,
      prev: result.page > 1 ? link(result.page - 1) : null,
      next: result.page < result.pages ? link(result.page + 1) : null,
    });
  }

  @Get('new')
  async newForm(@Res() res: Response) {
    res.render('admin/user-form', await this.formView(res, null, {}));
  }

  @Post()
  async create(@CurrentUser() actor: Actor, @FormBody() body: FormFields, @Res() res: Response) {
    const input = toInput(body);
    await submitForm(
      res,
      'admin/user-form',
      async () => {
        const dto = formInput(CreateUserDto, { ...input, password: str(body.password) });
        const user = await this.users.create(actor, dto);
        res.redirect(303, `/admin/users/${user.id}?saved=1`);
      },
      (e) => this.formView(res, null, input, e),
    );
  }

  @Get(':id')
  async edit(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const user = await this.users.get(id);
    res.render('admin/user-form', {
      ...(await this.formView(res, user.id, {
        email: user.email,
        name: user.name,
        role: user.role,
        agentExternalId: user.agent?.externalId,
        teams: user.teams.map((team) => team.name),
        homeTeam: user.homeTeam?.name,
      })),
      active: user.active,
      lastLoginAt: user.lastLoginAt,
      saved: res.req.query.saved === '1',
    });
  }

  @Post(':id')
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    const input = toInput(body);
    await submitForm(
      res,
      'admin/user-form',
      async () => {
        const { active, ...dto } = formInput(UpdateUserDto, { ...input, active: str(body.active) });
        await this.users.update(actor, id, {
          ...dto,
          teams: dto.teams ?? [],
          homeTeam: dto.homeTeam ?? '',
          active: active !== undefined,
        });
        res.redirect(303, `/admin/users/${id}?saved=1`);
      },
      (e) => this.formView(res, id, input, e),
    );
  }

  @Post(':id/password')
  @SessionOnly()
  async resetPassword(
    @CurrentUser() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @FormBody() body: FormFields,
    @Res() res: Response,
  ) {
    await submitForm(
      res,
      'admin/user-form',
      async () => {
        await this.users.setPassword(actor, id, str(body.password) ?? '');
        res.redirect(303, `/admin/users/${id}?saved=1`);
      },
      async (e) => {
        const user = await this.users.get(id);
        return {
          ...(await this.formView(res, id, {
            ...user,
            agentExternalId: user.agent?.externalId,
            teams: user.teams.map((x) => x.name),
            homeTeam: user.homeTeam?.name,
          })),
          active: user.active,
          passwordError: pageMessageOf(e, languageOf(res)),
        };
      },
      (e) => e instanceof InputError,
    );
  }

  private async formView(
    res: Response,
    id: number | null,
    input: Partial<UserInput>,
    error?: DomainError,
  ) {
    const agents = await this.agents.listAgents();
    const teams = await this.agents.listTeams();
    return {
      title: t(res, id ? 'users.edit' : 'users.new'),
      id,
      input,
      roles: ROLES.map((r) => ({ value: r, selected: r === input.role })),
      agents: agents.map((a) => ({
        externalId: a.externalId,
        name: a.name,
        selected: a.externalId === input.agentExternalId,
      })),
      teams: teams.map((team) => ({
        name: team.name,
        selected: input.teams?.includes(team.name) ?? false,
        home: team.name === input.homeTeam,
      })),
      error: error ? pageMessageOf(error, languageOf(res)) : undefined,
      errorField: error?.field,
    };
  }
}

function str(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The form's fields as typed, shown again beside a refusal; CreateUserDto/UpdateUserDto check them. */
function toInput(body: FormFields): UserInput {
  const teams = body.teams;
  return {
    email: str(body.email) ?? '',
    name: str(body.name) ?? '',
    role: (str(body.role) ?? '') as Role,
    agentExternalId: str(body.agentExternalId) || undefined,
    teams: Array.isArray(teams) ? teams : teams ? [teams] : [],
    homeTeam: str(body.homeTeam) || undefined,
  };
}

function t(res: Response, key: string): string {
  return translate(languageOf(res), key);
}

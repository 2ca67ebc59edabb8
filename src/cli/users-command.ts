/** `npm run cli -- users …`: the first admin, password resets and a list, from the shell. */
import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { randomToken } from '../auth/secrets';
import type { Actor } from '../common/current-user';
import { ROLES, type Role } from '../auth/roles';
import { UsersService } from '../users/users.service';

type WithApp = <T>(fn: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

/** Who a CLI change is recorded as: the named user, else the first admin. */
export async function cliActor(app: INestApplicationContext, email?: string): Promise<Actor> {
  const users = app.get(UsersService);
  const row = email
    ? await users.findByEmail(email)
    : (await users.list({ role: 'admin' }, 1)).items.find((u) => u.active);
  if (!row) {
    throw new Error(
      email
        ? `no user with e-mail ${email}`
        : 'no admin yet: create one with `npm run cli -- users create --role admin --email …`',
    );
  }
  const actor = await users.actorFor(row.id);
  if (!actor) throw new Error(`${row.email} is deactivated`);
  return actor;
}

/** A password from --password or the NEW_PASSWORD variable, else a generated one (printed once). */
function passwordFrom(given?: string): { password: string; generated: boolean } {
  const password = given ?? process.env.NEW_PASSWORD;
  if (password) return { password, generated: false };
  return { password: randomToken(12), generated: true };
}

export function registerUserCommands(program: Command, withApp: WithApp): void {
  const users = program.command('users').description('people who sign in');

  users
    .command('create')
    .description('create a user (the first admin, for instance)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--name <name>', 'display name (default: the e-mail)')
    .option('--password <password>', 'else NEW_PASSWORD, else one is generated and printed')
    .option('--agent <externalId>', 'agent users: their agent (A-001 …)')
    .option('--teams <names>', 'team leads: the teams they lead, comma-separated')
    .action(
      async (opts: {
        email: string;
        role: string;
        name?: string;
        password?: string;
        agent?: string;
        teams?: string;
      }) => {
        const { password, generated } = passwordFrom(opts.password);
        const user = await withApp((app) =>
          app.get(UsersService).create(null, {
            email: opts.email,
            name: opts.name ?? opts.email,
            role: opts.role as Role,
            password,
            agentExternalId: opts.agent,
            teams: opts.teams?.split(',').map((t) => t.trim()),
          }),
        );
        console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
        if (generated) console.log(`Password (shown once): ${password}`);
      },
    );

  users
    .command('set-password')
    .description("reset a user's password; their sessions end")
    .requiredOption('--email <email>', 'whose password')
    .option('--password <password>', 'else NEW_PASSWORD, else one is generated and printed')
    .action(async (opts: { email: string; password?: string }) => {
      const { password, generated } = passwordFrom(opts.password);
      await withApp(async (app) => {
        const service = app.get(UsersService);
        const user = await service.findByEmail(opts.email);
        if (!user) throw new Error(`no user with e-mail ${opts.email}`);
        await service.setPassword(null, user.id, password);
      });
      console.log(`Password set for ${opts.email}.`);
      if (generated) console.log(`Password (shown once): ${password}`);
    });

  users
    .command('list')
    .description('everyone, with role and status')
    .action(async () => {
      const page = await withApp((app) => app.get(UsersService).list({}, 1000));
      for (const u of page.items) {
        const link = u.agent
          ? ` agent ${u.agent.externalId}`
          : u.teams.length
            ? ` leads ${u.teams.map((t) => t.name).join(', ')}`
            : '';
        console.log(
          `${u.active ? ' ' : 'x'} ${u.email.padEnd(32)} ${u.role.padEnd(10)} ${u.name}${link}`,
        );
      }
    });
}

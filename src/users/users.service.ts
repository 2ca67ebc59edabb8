import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/current-user';
import { User } from './entities/user.entity';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private defaultActor: Actor | null = null;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Until sign-in exists, the app acts as one configured user; make sure it exists. */
  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.defaultUserEmail;
    const user =
      (await this.users.findOneBy({ email })) ??
      (await this.users.save(
        this.users.create({ email, name: 'QA Evaluator', role: 'evaluator' }),
      ));
    this.defaultActor = toActor(user);
  }

  async resolveActor(email: string | undefined): Promise<Actor | null> {
    if (!email) return this.defaultActor;
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    return user ? toActor(user) : null;
  }
}

function toActor(user: User): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

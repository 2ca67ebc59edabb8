import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/agents.module';
import { AuthStoreModule } from '../auth/auth-store.module';
import { USER_DIRECTORY } from '../auth/user-directory';
import { User } from './entities/user.entity';
import { UsersPagesController } from './users.pages.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User]), AgentsModule, AuthStoreModule],
  controllers: [UsersPagesController],
  providers: [
    UsersService,
    UsersRepository,
    // What sign-in asks of the people directory (auth sits below users).
    { provide: USER_DIRECTORY, useExisting: UsersService },
  ],
  exports: [UsersService, UsersRepository, USER_DIRECTORY],
})
export class UsersModule {}

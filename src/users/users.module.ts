import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/agents.module';
import { AuthStoreModule } from '../auth/auth-store.module';
import { User } from './entities/user.entity';
import { UsersPagesController } from './users.pages.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User]), AgentsModule, AuthStoreModule],
  controllers: [UsersPagesController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}

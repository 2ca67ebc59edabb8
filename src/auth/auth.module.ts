import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthPagesController } from './auth.pages.controller';
import { AuthService } from './auth.service';
import { ApiToken } from './entities/api-token.entity';
import { Session } from './entities/session.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Session, ApiToken])],
  controllers: [AuthController, AuthPagesController],
  providers: [SessionsService, ApiTokensService, AuthService],
  exports: [SessionsService, ApiTokensService, AuthService],
})
export class AuthModule {}

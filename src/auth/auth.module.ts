import { Module } from '@nestjs/common';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthPagesController } from './auth.pages.controller';
import { AuthStoreModule } from './auth-store.module';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AuthStoreModule],
  controllers: [AuthController, AuthPagesController],
  providers: [SessionsService, ApiTokensService, AuthService, LoginThrottle],
  exports: [SessionsService, ApiTokensService, AuthService],
})
export class AuthModule {}

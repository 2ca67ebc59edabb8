import { Module } from '@nestjs/common';
import { ApiTokensRepository } from './api-tokens.repository';
import { SessionsRepository } from './sessions.repository';
import { SignInAttemptsRepository } from './sign-in-attempts.repository';

/**
 * The tables behind sign-in, apart from the services that use them: the users module ends a
 * user's sessions and tokens through them without depending on the auth module (which depends
 * on it).
 */
@Module({
  providers: [SessionsRepository, ApiTokensRepository, SignInAttemptsRepository],
  exports: [SessionsRepository, ApiTokensRepository, SignInAttemptsRepository],
})
export class AuthStoreModule {}

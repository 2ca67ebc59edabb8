import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountPageController } from './account-page.controller';

/** The account page, assembled above auth (tokens) and the global users directory. */
@Module({
  imports: [AuthModule],
  controllers: [AccountPageController],
})
export class AccountPageModule {}

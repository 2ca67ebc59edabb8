import { OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';
import { IsPlainText } from '../../common/plain-text';
import { ROLES, type Role } from '../../auth/roles';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The admin's new-user form. The password's own rules are the users service's (passwordProblem). */
export class CreateUserDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainText()
  @Matches(EMAIL)
  email: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsPlainText()
  name: string;

  @IsIn(ROLES)
  role: Role;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  /** Agent users: the external id of their Agent record (A-001 …). */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  agentExternalId?: string;

  /** Team leads: the names of the teams they lead. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  teams?: string[];

  /** Evaluators (and leads): their own team, which the work queue keeps from them. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(120)
  homeTeam?: string;
}

/** The admin's edit form: everything but the e-mail and password, and whether the user is active. */
export class UpdateUserDto extends OmitType(CreateUserDto, ['email', 'password'] as const) {
  @IsOptional()
  @IsIn(['on', 'true'])
  active?: 'on' | 'true';
}

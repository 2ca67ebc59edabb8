import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SameAs, Trim } from '../../common/dto-helpers';

/** Sign-in: the API body and the sign-in form. */
export class LoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

/** The account page's password change; the new password's rules are the users service's. */
export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  current: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @IsString()
  @SameAs('password')
  confirm: string;
}

/** A new API token: what uses it. */
export class CreateTokenDto {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

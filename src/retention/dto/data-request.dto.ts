import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { REQUEST_KINDS, type RequestKind } from '../data-request-match';

/** The data subject request form: what the customer is known by, and the value. */
export class DataRequestDto {
  @IsIn(REQUEST_KINDS)
  kind: RequestKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  value: string;

  /** The delete step: the admin ticked "I have checked the preview". */
  @IsOptional()
  @IsIn(['yes'])
  confirm?: 'yes';
}

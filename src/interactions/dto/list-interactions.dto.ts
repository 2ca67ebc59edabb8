import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class ListInteractionsDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  agent?: string;

  @IsOptional()
  @IsIn(['voice', 'chat'])
  channel?: 'voice' | 'chat';

  @IsOptional()
  @IsIn(['ko', 'en'])
  language?: string;

  /** Part of the external id. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

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

  /** The page's language switch (read by the i18n middleware). */
  @IsOptional()
  @IsIn(['ko', 'en'])
  lang?: 'ko' | 'en';

  /** Part of the external id. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

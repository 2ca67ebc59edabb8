import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagedDateRangeDto } from '../../common/date-range.dto';
import {
  PROTECTIVE_ACTIONS,
  type ProtectiveActionKind,
} from '../entities/protective-action.entity';

/** The protective action a lead took after an abusive call (API body and the replay form). */
export class RecordProtectiveActionDto {
  @IsIn(PROTECTIVE_ACTIONS)
  action: ProtectiveActionKind;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || undefined : value,
  )
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** The protection report: a period (YYYY-MM-DD, checked by resolvePeriod), a page, CSV or not. */
export class ProtectionQueryDto extends PagedDateRangeDto {
  // `lang` (the page's language switch) comes with the page fields (PageQueryDto).
  @IsOptional()
  @IsIn(['csv', 'html'])
  format?: 'csv' | 'html';
}

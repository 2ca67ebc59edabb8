import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { InputError } from './errors';

/**
 * The highest page number anyone may ask for. Far beyond any real list, and low enough that
 * `(page - 1) * pageSize` stays an exact integer the databases accept as an OFFSET.
 */
export const MAX_PAGE = 100_000;

export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  /** The page's language switch (read by the i18n middleware), allowed on any listing. */
  @IsOptional()
  @IsIn(['ko', 'en'])
  lang?: 'ko' | 'en';
}

/**
 * A page number from a query value: 1 when absent or empty, else a whole number from 1 to
 * MAX_PAGE, or an InputError naming `field` (for routes whose page is not in a DTO). A number
 * is taken as it is: the global ValidationPipe has already converted a `number` parameter.
 */
export function pageNumber(field: string, value: unknown): number {
  if (value === undefined || value === '') return 1;
  const page =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,6}$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new InputError(field, `must be a whole number from 1 to ${MAX_PAGE}`, {
      key: 'error.pageNumber',
      params: { max: String(MAX_PAGE) },
    });
  }
  return page;
}

/** `@Query('page', PageNumberPipe)`: pageNumber() for the named query value. */
@Injectable()
export class PageNumberPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    return pageNumber(metadata.data ?? 'page', value);
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

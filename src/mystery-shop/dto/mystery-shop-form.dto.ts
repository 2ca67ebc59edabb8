import { IsOptional, Matches } from 'class-validator';

/**
 * The mystery-shop page's post: a file to check (no fields), or the token of a checked upload
 * to import ("Import these shops").
 */
export class MysteryShopFormDto {
  @IsOptional()
  @Matches(/^[a-f0-9]{32}$/)
  token?: string;
}

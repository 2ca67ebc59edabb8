import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/**
 * The scorecard editor's form: the YAML text, the fingerprint of the file it was loaded from
 * (a stale one is a conflict) and which button was pressed. Whether the text is a valid
 * scorecard is the editor service's question (its preview shows the path and the reason).
 */
export class ScorecardEditDto {
  @IsString()
  yaml: string;

  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  baseHash: string;

  @IsOptional()
  @IsIn(['preview', 'publish'])
  action?: 'preview' | 'publish';
}

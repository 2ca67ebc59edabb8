import { IsInt, IsOptional, Min } from 'class-validator';

/** The notifications page's "mark read" form: one notification (`id`), or all when it is left out. */
export class MarkReadDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;
}

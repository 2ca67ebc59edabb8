import { Initial1795546664163 } from './1795546664163-Initial';

/** In order. New ones come from scripts/generate-migration.ts. */
export const MIGRATIONS = [Initial1795546664163];

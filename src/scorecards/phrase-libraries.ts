import * as fs from 'fs';
import * as path from 'path';
import { parsePhraseLibraryYaml, type PhraseLibraries } from './scorecard-schema';

/** The folder beside the scorecards that holds shared phrase libraries. */
export const PHRASE_LIBRARY_DIR = 'phrases';

/**
 * Reads `<scorecards>/phrases/*.yaml` (one shared phrase library per file, named by the file).
 * A broken library throws a `ScorecardValidationError` naming it; a missing folder is no library.
 */
export function readPhraseLibraries(scorecardsDir: string): PhraseLibraries {
  const dir = path.join(scorecardsDir, PHRASE_LIBRARY_DIR);
  if (!fs.existsSync(dir)) return {};
  const libraries: Record<string, unknown> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const match = /^([a-z0-9][a-z0-9-_]*)\.ya?ml$/i.exec(name);
    if (match === null) continue;
    const file = path.join(path.basename(scorecardsDir), PHRASE_LIBRARY_DIR, name);
    libraries[match[1]] = parsePhraseLibraryYaml(
      fs.readFileSync(path.join(dir, name), 'utf8'),
      file,
    );
  }
  return libraries;
}

import * as fs from 'fs';
import * as path from 'path';
import {
  parseModelLibraryJson,
  parsePhraseLibraryYaml,
  type PhraseLibraries,
} from './scorecard-schema';

/** The folder beside the scorecards that holds shared phrase libraries. */
export const PHRASE_LIBRARY_DIR = 'phrases';
/** The folder beside them that holds each library's learned text models (`<name>.json`). */
export const MODEL_LIBRARY_DIR = 'models';

/**
 * Reads `<scorecards>/phrases/*.yaml` (one shared phrase library per file, named by the file),
 * each with the text models of `<scorecards>/models/<name>.json` (written by `npm run
 * autoqa:train`) as its `textModels`. A broken library throws a `ScorecardValidationError`
 * naming it; a missing folder is no library.
 */
export function readPhraseLibraries(scorecardsDir: string): PhraseLibraries {
  const dir = path.join(scorecardsDir, PHRASE_LIBRARY_DIR);
  const libraries: Record<string, unknown> = {};
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const match = /^([a-z0-9][a-z0-9-_]*)\.ya?ml$/i.exec(name);
    if (match === null) continue;
    const file = path.join(path.basename(scorecardsDir), PHRASE_LIBRARY_DIR, name);
    libraries[match[1]] = parsePhraseLibraryYaml(
      fs.readFileSync(path.join(dir, name), 'utf8'),
      file,
    );
  }
  const models = path.join(scorecardsDir, MODEL_LIBRARY_DIR);
  if (fs.existsSync(models)) {
    for (const name of fs.readdirSync(models).sort()) {
      const match = /^([a-z0-9][a-z0-9-_]*)\.json$/i.exec(name);
      if (match === null) continue;
      const file = path.join(path.basename(scorecardsDir), MODEL_LIBRARY_DIR, name);
      const textModels = parseModelLibraryJson(
        fs.readFileSync(path.join(models, name), 'utf8'),
        file,
      );
      libraries[match[1]] = { ...(libraries[match[1]] as object | undefined), textModels };
    }
  }
  return libraries;
}

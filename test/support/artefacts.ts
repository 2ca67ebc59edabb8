/**
 * Where browser tests keep what a person looks at afterwards (screenshots): ARTEFACTS_DIR, or
 * test-artefacts/ in the repository (ignored by git; CI keeps the folder).
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './test-app';

export function artefactPath(name: string): string {
  const dir = process.env.ARTEFACTS_DIR ?? path.join(REPO_ROOT, 'test-artefacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

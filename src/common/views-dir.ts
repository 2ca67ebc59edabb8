import * as fs from 'fs';
import * as path from 'path';

/** The views/ folder, found by walking up, so src/ (ts-node, tests) and dist/src/ (built) both work. */
export function viewsDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'views')) && dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
  }
  return path.join(dir, 'views');
}

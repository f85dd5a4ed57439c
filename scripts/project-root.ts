/** The repository root, whether a script runs from scripts/ (jest) or compiled under lib/scripts/. */
import { existsSync } from 'fs';
import * as path from 'path';

export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/**
 * Writing an output file so that an interrupted run never leaves a half-written file under the
 * final name: write a temporary file beside it, then rename (atomic on one file system).
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export async function writeFileAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * Writing the outputs as one set: every file goes to a temporary file beside its final name first;
 * only when all of them are on disk are the old outputs moved aside and the new ones renamed into
 * place. A full disk, a locked file or a missing permission at any step puts everything back as it
 * was — no half-written file, and no half of a set (a new workbook beside last run's report).
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import { UsageError } from './cli-error';
import { CliFs, errnoCode, nodeFs } from './file-system';
import { FsAction, describeFsError } from './fs-errors';

export interface OutputFile {
  /** The option that named it, for messages ('-o', '--json', '--docx'). */
  flag: string;
  file: string;
  content: Uint8Array | string;
}

export interface WriteResult {
  /** Folders that did not exist and were created for the outputs. */
  createdFolders: string[];
}

interface Staged {
  out: OutputFile;
  target: string;
  tmp: string;
  /** Where the previous file of that name was moved while the set is put in place. */
  backup?: string;
  placed?: boolean;
}

/** A hidden name beside the target, unique to this run. */
function siblingName(target: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.jixiao-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`);
}

async function exists(fs: CliFs, p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/** Creates the missing folders above `dir`, outermost first; returns the ones it created. */
async function makeFolders(fs: CliFs, dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = dir; !(await exists(fs, at)); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  const made: string[] = [];
  for (const m of missing) {
    await fs.mkdir(m);
    made.push(m);
  }
  return made;
}

export async function writeOutputs(outputs: OutputFile[], fs: CliFs = nodeFs, platform: NodeJS.Platform = process.platform): Promise<WriteResult> {
  const staged: Staged[] = outputs.map((out) => {
    const target = path.resolve(out.file);
    return { out, target, tmp: siblingName(target, 'tmp') };
  });
  const created: string[] = [];
  const fail = (e: unknown, s: Staged | { out: OutputFile; target: string }, action: FsAction, file = s.out.file) =>
    UsageError.of(describeFsError(e, { action, file, flag: s.out.flag, platform }));
  const rollback = async () => {
    for (const s of staged) {
      // Best effort: the message about the first failure matters more than one about the cleanup.
      if (s.placed) await fs.remove(s.target).catch(() => undefined);
      if (s.backup) await fs.rename(s.backup, s.target).catch(() => undefined);
      await fs.remove(s.tmp).catch(() => undefined);
    }
    for (const dir of created.reverse()) await fs.rmdir(dir).catch(() => undefined);
  };

  // 1. Folders, then every new file under its temporary name.
  for (const s of staged) {
    try {
      created.push(...(await makeFolders(fs, path.dirname(s.target))));
    } catch (e) {
      await rollback();
      throw fail(e, s, 'mkdir', path.dirname(s.out.file));
    }
  }
  for (const s of staged) {
    try {
      await fs.writeNewFile(s.tmp, typeof s.out.content === 'string' ? Buffer.from(s.out.content, 'utf8') : s.out.content);
    } catch (e) {
      await rollback();
      throw fail(e, s, 'write');
    }
  }
  // 2. Last run's files aside (a file open in Excel on Windows refuses here, before anything changed).
  for (const s of staged) {
    try {
      if (!(await exists(fs, s.target))) continue;
      const backup = siblingName(s.target, 'old');
      await fs.rename(s.target, backup);
      s.backup = backup;
    } catch (e) {
      await rollback();
      throw fail(e, s, 'replace');
    }
  }
  // 3. The new set into place, then the old one away.
  for (const s of staged) {
    try {
      await fs.rename(s.tmp, s.target);
      s.placed = true;
    } catch (e) {
      await rollback();
      throw fail(e, s, 'write');
    }
  }
  for (const s of staged) if (s.backup) await fs.remove(s.backup).catch(() => undefined);
  return { createdFolders: created };
}

/** One file, written the same way (a temporary file beside it, then a rename). */
export async function writeFileAtomically(file: string, content: Uint8Array | string, fs: CliFs = nodeFs): Promise<void> {
  await writeOutputs([{ flag: '-o', file, content }], fs);
}

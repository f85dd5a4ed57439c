/**
 * Before anything is read: the input is a readable file, and no output is the input or another
 * output — compared as the files they really are (symbolic links followed, `./` and `..` resolved,
 * hard links by device and inode, letter case where the folder ignores it) — and each output can
 * be written where it is going.
 */
import * as path from 'path';
import { UsageError } from './cli-error';
import { CliFs, FileInfo, errnoCode } from './file-system';
import { describeFsError } from './fs-errors';

export interface NamedPath {
  /** The option that named it ('-o', '--json'…) or 'input'. */
  flag: string;
  /** As the user typed it. */
  given: string;
}

interface Resolved extends NamedPath {
  /** Absolute, links followed as far as they lead. */
  real: string;
  /** The file there now (following links), if any. */
  info?: FileInfo;
}

const MAX_LINKS = 40;

/** Follows symbolic links, the path's folders first and then the name itself, even to a target that does not exist yet. */
async function resolvePath(fs: CliFs, given: string): Promise<string> {
  let p = path.resolve(given);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const dir = await realDir(fs, path.dirname(p));
    p = path.join(dir, path.basename(p));
    let st: FileInfo;
    try {
      st = await fs.lstat(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(dir, await fs.readlink(p));
  }
  return p;
}

/** The real path of a folder, resolving as much of it as exists and keeping the rest as written. */
async function realDir(fs: CliFs, dir: string): Promise<string> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      return path.join(await fs.realpath(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return dir;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

async function resolve(fs: CliFs, p: NamedPath): Promise<Resolved> {
  const real = await resolvePath(fs, p.given);
  let info: FileInfo | undefined;
  try {
    info = await fs.stat(real);
  } catch {
    info = undefined;
  }
  return { ...p, real, info };
}

function swapCase(s: string): string {
  return [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}

/**
 * Whether names in this folder ignore letter case (Windows, macOS by default): an entry is looked up
 * under its case-swapped name. Only asked when two paths differ in case alone.
 */
export async function isCaseInsensitive(fs: CliFs, dir: string): Promise<boolean> {
  let entries: string[] = [];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return false;
  }
  const entry = entries.find((e) => swapCase(e) !== e);
  if (entry) return sameEntry(fs, path.join(dir, entry), path.join(dir, swapCase(entry)));
  // Nothing here has letters (预算/执行情况.xlsx): ask with a probe file of our own, removed at once.
  const probe = path.join(dir, `.jixiao-case-probe-${process.pid}`);
  try {
    await fs.writeNewFile(probe, new Uint8Array());
  } catch {
    return false;
  }
  try {
    return await sameEntry(fs, probe, path.join(dir, swapCase(path.basename(probe))));
  } finally {
    await fs.remove(probe).catch(() => undefined);
  }
}

async function sameEntry(fs: CliFs, a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = [await fs.lstat(a), await fs.lstat(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

async function sameFile(fs: CliFs, a: Resolved, b: Resolved): Promise<boolean> {
  if (a.info && b.info) return a.info.dev === b.info.dev && a.info.ino === b.info.ino;
  // One exists and the other does not: writing the other creates a new file beside it.
  if (a.info || b.info) return false;
  if (a.real === b.real) return true;
  if (a.real.toLowerCase() !== b.real.toLowerCase()) return false;
  return isCaseInsensitive(fs, await nearestFolder(fs, path.dirname(a.real)));
}

async function nearestFolder(fs: CliFs, dir: string): Promise<string> {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if ((await fs.stat(at)).isDirectory()) return at;
    } catch {
      // not there yet: its parent decides
    }
    if (path.dirname(at) === at) return at;
  }
}

function how(p: Resolved): { zh: string; en: string } {
  if (path.resolve(p.given) === p.real) return { zh: '', en: '' };
  return { zh: `（即 ${p.real}）`, en: ` (that is, ${p.real})` };
}

/** The input must be a file this user can read. */
export async function checkInput(fs: CliFs, input: string, platform: NodeJS.Platform): Promise<void> {
  let info: FileInfo;
  try {
    info = await fs.stat(input);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') throw new UsageError(`找不到输入文件：${input}`, `Input file not found: ${input}`);
    throw UsageError.of(describeFsError(e, { action: 'read', file: input, platform }));
  }
  if (info.isDirectory()) {
    throw new UsageError(`输入 ${input} 是一个文件夹，不是工作簿。请给出 .xlsx 文件的路径，如 ${path.join(input, '预算.xlsx')}`, `The input ${input} is a folder, not a workbook. Give the path of an .xlsx file, e.g. ${path.join(input, 'budget.xlsx')}`);
  }
  if (!info.isFile()) throw new UsageError(`输入 ${input} 不是普通文件。请给出 .xlsx 文件的路径。`, `The input ${input} is not a regular file. Give the path of an .xlsx file.`);
  try {
    await fs.checkReadable(input);
  } catch (e) {
    throw UsageError.of(describeFsError(e, { action: 'read', file: input, platform }));
  }
}

/**
 * Refuses, before anything is read, any output that is the input (or a settings or mapping file
 * the run reads), or another output, or names a folder, or lies in a folder that cannot be written.
 */
export async function checkOutputs(fs: CliFs, input: string, outputs: NamedPath[], platform: NodeJS.Platform, otherSources: NamedPath[] = []): Promise<void> {
  const sources = [await resolve(fs, { flag: 'input', given: input }), ...(await Promise.all(otherSources.map((s) => resolve(fs, s))))];
  const targets: Resolved[] = [];
  for (const o of outputs) {
    const t = await resolve(fs, o);
    for (const source of sources) {
      if (!(await sameFile(fs, source, t))) continue;
      if (source.flag === 'input') {
        throw new UsageError(
          `输出文件不能与输入文件相同：${t.flag} ${t.given}${how(t).zh} 就是输入文件。本工具从不改写输入文件，请为 ${t.flag} 另选一个文件名。`,
          `An output cannot be the input: ${t.flag} ${t.given}${how(t).en} is the input file. This tool never writes its input; choose another name for ${t.flag}.`,
        );
      }
      throw new UsageError(
        `${t.flag} ${t.given} 就是 ${source.flag} 读取的文件：本工具从不改写它读取的文件，请为 ${t.flag} 另选一个文件名。`,
        `${t.flag} ${t.given} is the file ${source.flag} reads; this tool never writes a file it reads. Choose another name for ${t.flag}.`,
      );
    }
    for (const other of targets) {
      if (await sameFile(fs, other, t)) {
        throw new UsageError(`${other.flag} 和 ${t.flag} 指向同一个文件（${t.real}）：每个输出须是不同的文件。`, `${other.flag} and ${t.flag} name the same file (${t.real}); each output must be a file of its own.`);
      }
    }
    targets.push(t);
  }
  for (const t of targets) await checkWritable(fs, t, platform);
}

async function checkWritable(fs: CliFs, t: Resolved, platform: NodeJS.Platform): Promise<void> {
  const ctx = { action: 'write' as const, file: t.given, flag: t.flag, platform };
  if (t.info?.isDirectory()) throw UsageError.of(describeFsError(Object.assign(new Error(), { code: 'EISDIR' }), ctx));
  if (t.info && !t.info.isFile()) throw new UsageError(`${t.flag} ${t.given} 不是普通文件，不能作为输出。`, `${t.flag} ${t.given} is not a regular file and cannot be an output.`);
  // The nearest folder that exists must be a folder we can write in (missing ones below it are created).
  let dir = path.dirname(t.real);
  for (;;) {
    try {
      const st = await fs.stat(dir);
      if (!st.isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
      await fs.checkWritable(dir);
      return;
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT' && path.dirname(dir) !== dir) {
        dir = path.dirname(dir);
        continue;
      }
      throw UsageError.of(describeFsError(e, ctx));
    }
  }
}

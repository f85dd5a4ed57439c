/**
 * Everything the command line asks of the file system, behind one small interface: tests put a
 * full disk, a locked file or a read-only folder behind it (the suite runs as root, where permissions
 * never fail), and watch the temporary-file-then-rename sequence the outputs go through.
 */
import { constants, promises as fs } from 'fs';

export interface FileInfo {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  dev: number;
  ino: number;
}

export interface CliFs {
  /** Follows symbolic links. */
  stat(path: string): Promise<FileInfo>;
  lstat(path: string): Promise<FileInfo>;
  readlink(path: string): Promise<string>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  /** Rejects (EACCES, EROFS…) when the folder cannot be written. */
  checkWritable(path: string): Promise<void>;
  /** Opens the file for reading and closes it: proves it can be read without reading it. */
  checkReadable(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  mkdir(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  /** Creates a file that must not exist yet, writes it and flushes it to disk. */
  writeNewFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing one is not an error. */
  remove(path: string): Promise<void>;
}

export const nodeFs: CliFs = {
  stat: (p) => fs.stat(p),
  lstat: (p) => fs.lstat(p),
  readlink: (p) => fs.readlink(p),
  realpath: (p) => fs.realpath(p),
  readdir: (p) => fs.readdir(p),
  checkWritable: (p) => fs.access(p, constants.W_OK),
  async checkReadable(p) {
    const h = await fs.open(p, 'r');
    await h.close();
  },
  readFile: async (p) => new Uint8Array(await fs.readFile(p)),
  mkdir: async (p) => {
    await fs.mkdir(p);
  },
  rmdir: (p) => fs.rmdir(p),
  async writeNewFile(p, data) {
    const h = await fs.open(p, 'wx');
    try {
      await h.writeFile(data);
      // Renamed before it reaches the disk, a file can come back empty after a power cut.
      await h.sync();
    } finally {
      await h.close();
    }
  },
  rename: (a, b) => fs.rename(a, b),
  remove: (p) => fs.rm(p, { force: true }),
};

/** The errno code of a Node file-system error ('ENOSPC'), if it is one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

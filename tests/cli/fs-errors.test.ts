/**
 * File-system failures in plain words: what happened to which file and what to do — never an errno
 * alone, never a temporary file's name. Real where this machine can produce the failure (a folder
 * given as output, a missing folder, a path through a file, a folder given as input); through the
 * simulated file system where it cannot (the tests run as root, so permissions never fail; a disk
 * cannot be filled; nothing is locked on Linux).
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'fs';
import * as path from 'path';
import { describeFsError } from '../../src/cli/fs-errors';
import { SAMPLE, cli, sha256 } from '../helpers/cli';
import { errno, listing, simFs, scratchDir } from './sim-fs';

function workspace(): { dir: string; input: string } {
  const dir = scratchDir('jixiao-fserr-');
  const input = path.join(dir, '预算.xlsx');
  copyFileSync(SAMPLE, input);
  return { dir, input };
}

/** One line for the user: no stack, no errno code on its own, no temporary file. */
function plain(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bE[A-Z]{2,}\b|\.tmp\b|\.old\b|jixiao-\d+-|\bat .*:\d+/);
  return lines[0];
}

describe('on this machine', () => {
  it('a folder given as the output', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws.dir, '结果.xlsx'));
    const r = await cli(['report', ws.input, '-o', path.join(ws.dir, '结果.xlsx')]);
    expect(r.code).toBe(2);
    expect(plain(r.stderr)).toContain(`${path.join(ws.dir, '结果.xlsx')} 是一个文件夹，不是文件。请写出完整的文件名，如 ${path.join(ws.dir, '结果.xlsx', '结果.xlsx')}`);
  });

  it('a missing output folder is created, and the run says so', async () => {
    const ws = workspace();
    const out = path.join(ws.dir, 'out', '2023', '结果.xlsx');
    const r = await cli(['report', ws.input, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已创建文件夹：${path.join(ws.dir, 'out')}`);
    expect(r.stdout).toContain(`已创建文件夹：${path.join(ws.dir, 'out', '2023')}`);
    expect(statSync(out).isFile()).toBe(true);
  });

  it('the folders it created are removed again when the run cannot write', async () => {
    const ws = workspace();
    const out = path.join(ws.dir, 'new', '结果.xlsx');
    const sim = simFs({ writeNewFile: (p) => Promise.reject(errno('ENOSPC', p)) });
    const r = await cli(['report', ws.input, '-o', out], { fs: sim.fs });
    expect(r.code).toBe(2);
    expect(existsSync(path.join(ws.dir, 'new'))).toBe(false);
  });

  it('a path that runs through a file', async () => {
    const ws = workspace();
    const r = await cli(['report', ws.input, '-o', path.join(ws.input, '结果.xlsx')]);
    expect(r.code).toBe(2);
    expect(plain(r.stderr)).toContain('的路径中有一段是文件而不是文件夹，请检查路径');
  });

  it('a folder given as the input', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws.dir, '账.xlsx'));
    const r = await cli(['report', path.join(ws.dir, '账.xlsx')]);
    expect(r.code).toBe(2);
    expect(plain(r.stderr)).toContain(`输入 ${path.join(ws.dir, '账.xlsx')} 是一个文件夹，不是工作簿`);
  });

  it('a missing input', async () => {
    const r = await cli(['report', path.join(scratchDir(), '无此文件.xlsx')]);
    expect(plain(r.stderr)).toContain('找不到输入文件：');
  });
});

describe('through the simulated file system', () => {
  it('a read-only folder is refused before the workbook is read', async () => {
    const ws = workspace();
    const sim = simFs({ checkWritable: (p) => Promise.reject(errno('EROFS', p)) });
    const r = await cli(['report', ws.input, '-o', path.join(ws.dir, '结果.xlsx')], { fs: sim.fs });
    expect(r.code).toBe(2);
    expect(plain(r.stderr)).toBe(`jixiao: ${ws.dir} 位于只读位置（如光盘、只读共享或受保护的盘），无法写出 ${path.join(ws.dir, '结果.xlsx')}。请用 -o 换一个可以写入的文件夹。`);
    expect(r.stdout).toBe('');
  });

  it('a folder without write permission', async () => {
    const ws = workspace();
    const sim = simFs({ checkWritable: (p) => Promise.reject(errno('EACCES', p)) });
    const r = await cli(['report', ws.input, '--json', path.join(ws.dir, 's.json')], { fs: sim.fs });
    expect(plain(r.stderr)).toContain(`没有在文件夹 ${ws.dir} 中写入的权限，无法写出 ${path.join(ws.dir, 's.json')}。请用 --json 换一个有写入权限的文件夹`);
  });

  it('an input this user may not read', async () => {
    const ws = workspace();
    const sim = simFs({ checkReadable: (p) => Promise.reject(errno('EACCES', p)) });
    const r = await cli(['report', ws.input], { fs: sim.fs });
    expect(r.code).toBe(2);
    expect(plain(r.stderr)).toContain(`没有读取 ${ws.input} 的权限`);
  });

  it('an input open exclusively in another program on Windows', async () => {
    const ws = workspace();
    const sim = simFs({ checkReadable: (p) => Promise.reject(errno('EBUSY', p)) });
    const r = await cli(['report', ws.input], { fs: sim.fs, platform: 'win32' });
    expect(plain(r.stderr)).toContain(`${ws.input} 正被其他程序打开（如 Excel 或 WPS），无法读取。请先关闭该文件后重试。`);
  });

  it('a full disk (and a quota) on the workbook, in English too', async () => {
    const ws = workspace();
    const sim = simFs({ writeNewFile: (p) => Promise.reject(errno('EDQUOT', p)) });
    const r = await cli(['report', ws.input, '-o', path.join(ws.dir, 'o.xlsx'), '--lang', 'en'], { fs: sim.fs });
    expect(plain(r.stderr)).toBe(`jixiao: The disk is full (quota reached); ${path.join(ws.dir, 'o.xlsx')} could not be written. Free some space, or use -o to choose another folder on another disk, and try again. (No file was written.)`);
    expect(listing(ws.dir)).toEqual(['预算.xlsx']);
    expect(sha256(ws.input)).toBe(sha256(SAMPLE));
  });

  it('a file open in another program on Windows is named, with what to do', async () => {
    const ws = workspace();
    copyFileSync(SAMPLE, path.join(ws.dir, 'o.xlsx'));
    const sim = simFs({ rename: (from) => (from === path.join(ws.dir, 'o.xlsx') ? Promise.reject(errno('EACCES', from)) : undefined) });
    const r = await cli(['report', ws.input, '-o', path.join(ws.dir, 'o.xlsx')], { fs: sim.fs, platform: 'win32' });
    expect(plain(r.stderr)).toContain('正被其他程序打开（如 Excel 或 WPS），无法替换');
    // The same refusal elsewhere is a permission problem, and says so.
    const linux = await cli(['report', ws.input, '-o', path.join(ws.dir, 'o.xlsx')], { fs: sim.fs, platform: 'linux' });
    expect(plain(linux.stderr)).toContain('没有在文件夹');
  });
});

describe('every errno the writer can meet has words', () => {
  it.each(['ENOENT', 'ENOSPC', 'EDQUOT', 'EROFS', 'EBUSY', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENAMETOOLONG', 'EIO', 'EMFILE', 'ETIMEDOUT', 'ESTALE', 'EWHATEVER'])('%s', (code) => {
    for (const action of ['read', 'mkdir', 'write', 'replace'] as const) {
      const m = describeFsError(errno(code, '/tmp/.x.jixiao-1-ab.tmp'), { action, file: '/data/结果.xlsx', flag: '-o', platform: 'linux' });
      expect(m.zh).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(m.zh).not.toContain('.tmp');
      expect(m.en).not.toContain('.tmp');
      // Only an errno nobody foresaw is named, and then in a sentence.
      if (code === 'EWHATEVER') expect(m.zh).toContain('（系统错误 EWHATEVER）');
      else expect(m.zh).not.toContain(code);
    }
  });
});

/**
 * No output may be the input or another output, however the path is spelt — refused with exit 2
 * before the workbook is read — and the outputs land as one set, through temporary files and
 * renames, or not at all.
 */
import { promises as nodePromises, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { isCaseInsensitive } from '../../src/cli/output-paths';
import { nodeFs } from '../../src/cli/file-system';
import { SAMPLE, cli, sha256 } from '../helpers/cli';
import { errno, isTempName, listing, simFs, scratchDir } from './sim-fs';

/** A folder holding a copy of the sample as 预算.xlsx, and the process's cwd moved into it for relative paths. */
function workspace(): { dir: string; input: string; hash: string } {
  const dir = scratchDir('jixiao-safety-');
  const input = path.join(dir, '预算.xlsx');
  copyFileSync(SAMPLE, input);
  return { dir, input, hash: sha256(input) };
}

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('an output that is the input is refused before anything is read', () => {
  let readFile: jest.SpyInstance;
  beforeEach(() => (readFile = jest.spyOn(nodePromises, 'readFile')));
  afterEach(() => readFile.mockRestore());

  async function refusedAsInput(ws: { dir: string; input: string; hash: string }, args: string[], flag: string): Promise<void> {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`输出文件不能与输入文件相同：${flag}`);
    expect(r.stderr).toContain(`请为 ${flag} 另选一个文件名`);
    expect(sha256(ws.input)).toBe(ws.hash);
    // Not a byte of the workbook was read, and nothing was written beside it.
    expect(readFile.mock.calls.filter(([p]) => path.resolve(String(p)) === ws.input)).toEqual([]);
    expect(listing(ws.dir).filter((n) => !n.startsWith('link') && n !== 'sub')).toEqual(['预算.xlsx']);
  }

  it('the issue’s command: report 预算.xlsx -o out.xlsx --json 预算.xlsx', async () => {
    const ws = workspace();
    process.chdir(ws.dir);
    await refusedAsInput(ws, ['report', '预算.xlsx', '-o', 'out.xlsx', '--json', '预算.xlsx'], '--json');
    expect(existsSync(path.join(ws.dir, 'out.xlsx'))).toBe(false);
  });

  it('spelt ./预算.xlsx, sub/../预算.xlsx or absolute', async () => {
    const ws = workspace();
    mkdirSync(path.join(ws.dir, 'sub'));
    process.chdir(ws.dir);
    await refusedAsInput(ws, ['report', '预算.xlsx', '-o', './预算.xlsx'], '-o');
    await refusedAsInput(ws, ['report', './预算.xlsx', '--docx', 'sub/../预算.xlsx'], '--docx');
    await refusedAsInput(ws, ['report', 'sub/../预算.xlsx', '-o', ws.input], '-o');
  });

  it('through a symbolic link to the file, or to its folder', async () => {
    const ws = workspace();
    symlinkSync(ws.input, path.join(ws.dir, 'link.xlsx'));
    symlinkSync(ws.dir, path.join(ws.dir, 'linkdir'));
    await refusedAsInput(ws, ['report', ws.input, '-o', path.join(ws.dir, 'link.xlsx')], '-o');
    await refusedAsInput(ws, ['report', path.join(ws.dir, 'link.xlsx'), '-o', ws.input], '-o');
    await refusedAsInput(ws, ['report', ws.input, '-o', path.join(ws.dir, 'linkdir', '预算.xlsx')], '-o');
  });

  it('a hard link (same device and inode under another name)', async () => {
    const ws = workspace();
    linkSync(ws.input, path.join(ws.dir, 'link-hard.xlsx'));
    await refusedAsInput(ws, ['report', ws.input, '-o', path.join(ws.dir, 'link-hard.xlsx')], '-o');
  });

  it('letter case on a folder that ignores it (as on Windows and macOS), found by asking the folder', async () => {
    const ws = workspace();
    copyFileSync(SAMPLE, path.join(ws.dir, 'budget.xlsx'));
    const input = path.join(ws.dir, 'budget.xlsx');
    // A case-insensitive volume: every name is looked up in lower case.
    const folded = (p: string) => path.join(path.dirname(p), path.basename(p).toLowerCase());
    const ci = simFs({ stat: (p) => nodeFs.stat(folded(p)), lstat: (p) => nodeFs.lstat(folded(p)), realpath: (p) => nodeFs.realpath(folded(p)) });
    expect(await isCaseInsensitive(ci.fs, ws.dir)).toBe(true);
    const r = await cli(['report', input, '-o', path.join(ws.dir, 'BUDGET.xlsx')], { fs: ci.fs });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件不能与输入文件相同：-o');
    // This machine's folder tells the two names apart: BUDGET.xlsx is another file, written beside the input.
    expect(await isCaseInsensitive(nodeFs, ws.dir)).toBe(false);
    const real = await cli(['report', input, '-o', path.join(ws.dir, 'BUDGET.xlsx')]);
    expect(real.code).toBe(0);
    expect(sha256(input)).toBe(sha256(SAMPLE));
    expect(existsSync(path.join(ws.dir, 'BUDGET.xlsx'))).toBe(true);
  });
});

describe('an output that is a file the run reads', () => {
  it('--json over the --config file (both .json) is refused, and the settings survive', async () => {
    const ws = workspace();
    const settings = path.join(ws.dir, '设置.json');
    writeFileSync(settings, '{"rateDisplay": "two-decimals"}');
    const r = await cli(['report', ws.input, '--config', settings, '--json', path.join(ws.dir, '.', '设置.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--json ${path.join(ws.dir, '设置.json')} 就是 --config 读取的文件：本工具从不改写它读取的文件`);
    expect(readFileSync(settings, 'utf8')).toBe('{"rateDisplay": "two-decimals"}');
  });

  it('--json over a --map file', async () => {
    const ws = workspace();
    const map = path.join(ws.dir, 'map.json');
    writeFileSync(map, '{"funds": {"headerRow": 3}}');
    const r = await cli(['report', ws.input, '--map', map, '--json', map]);
    expect(r.stderr).toContain('就是 --map 读取的文件');
  });
});

describe('two outputs that are one file', () => {
  it('--json through a link to the -o file (existing or not yet written)', async () => {
    const ws = workspace();
    symlinkSync(path.join(ws.dir, 'out.xlsx'), path.join(ws.dir, 'summary.json'));
    const r = await cli(['report', ws.input, '-o', path.join(ws.dir, 'out.xlsx'), '--json', path.join(ws.dir, 'summary.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o 和 --json 指向同一个文件（${path.join(ws.dir, 'out.xlsx')}）`);
    writeFileSync(path.join(ws.dir, 'out.xlsx'), 'last run');
    const again = await cli(['report', ws.input, '-o', path.join(ws.dir, 'out.xlsx'), '--json', path.join(ws.dir, 'summary.json')]);
    expect(again.stderr).toContain('-o 和 --json 指向同一个文件');
    expect(readFileSync(path.join(ws.dir, 'out.xlsx'), 'utf8')).toBe('last run');
  });
});

describe('the outputs are written as one set', () => {
  const run = (ws: { dir: string; input: string }, deps = {}) =>
    cli(['report', ws.input, '-o', path.join(ws.dir, 'out.xlsx'), '--json', path.join(ws.dir, 'summary.json'), '--docx', path.join(ws.dir, '报告.docx')], deps);

  /** Last run's outputs, to see that a failed run leaves them as they were. */
  function lastRun(dir: string): void {
    writeFileSync(path.join(dir, 'out.xlsx'), 'old workbook');
    writeFileSync(path.join(dir, 'summary.json'), 'old summary');
    writeFileSync(path.join(dir, '报告.docx'), 'old report');
  }
  const untouched = (dir: string) => {
    expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('old workbook');
    expect(readFileSync(path.join(dir, 'summary.json'), 'utf8')).toBe('old summary');
    expect(readFileSync(path.join(dir, '报告.docx'), 'utf8')).toBe('old report');
    expect(listing(dir)).toEqual(['out.xlsx', 'summary.json', '报告.docx', '预算.xlsx'].sort());
  };

  it('each through a temporary file beside it and a rename; the final names appear only by rename', async () => {
    const ws = workspace();
    const sim = simFs();
    const r = await run(ws, { fs: sim.fs });
    expect(r.code).toBe(0);
    const finals = ['out.xlsx', 'summary.json', '报告.docx'].map((n) => path.join(ws.dir, n));
    const writes = sim.calls.filter((c) => c.op === 'writeNewFile');
    const renames = sim.calls.filter((c) => c.op === 'rename');
    expect(writes).toHaveLength(3);
    for (const w of writes) {
      expect(path.dirname(w.path)).toBe(ws.dir);
      expect(isTempName(path.basename(w.path))).toBe(true);
      expect(finals).not.toContain(w.path);
    }
    expect(renames.map((c) => [c.path, c.to])).toEqual(writes.map((w, i) => [w.path, finals[i]]));
    // Every temporary file is written before the first rename: a failure midway renames nothing.
    expect(sim.calls.findIndex((c) => c.op === 'rename')).toBeGreaterThan(sim.calls.lastIndexOf(writes[2]));
    expect(listing(ws.dir)).toEqual(['out.xlsx', 'summary.json', '报告.docx', '预算.xlsx'].sort());
    expect(r.stdout).toContain(`已写出：${finals[2]}`);
  });

  it('a full disk while writing the .docx leaves last run’s three files as they were and no temporary file', async () => {
    const ws = workspace();
    lastRun(ws.dir);
    const sim = simFs({ writeNewFile: (p) => (p.includes('报告.docx') ? Promise.reject(errno('ENOSPC', p)) : undefined) });
    const r = await run(ws, { fs: sim.fs });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`磁盘空间不足，无法写出 ${path.join(ws.dir, '报告.docx')}`);
    expect(r.stderr).toContain('本次未写出任何文件');
    expect(r.stderr).not.toMatch(/ENOSPC|\.tmp|jixiao-\d/);
    // The table and the issues are still printed.
    expect(r.stdout).toContain('2022年省大数据发展专项资金(第二批项目)');
    expect(r.stdout).toMatch(/错误 \(1\)/);
    untouched(ws.dir);
  });

  it('a workbook open in Excel on Windows (EBUSY on moving it aside) changes nothing and says to close it', async () => {
    const ws = workspace();
    lastRun(ws.dir);
    const target = path.join(ws.dir, 'out.xlsx');
    const sim = simFs({ rename: (from) => (from === target ? Promise.reject(errno('EPERM', from)) : undefined) });
    const r = await run(ws, { fs: sim.fs, platform: 'win32' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(ws.dir, 'out.xlsx')} 正被其他程序打开（如 Excel 或 WPS），无法替换。请先关闭该文件，或用 -o 换一个文件名后重试。`);
    untouched(ws.dir);
  });

  it('a rename failing after another output was placed puts that one back too', async () => {
    const ws = workspace();
    lastRun(ws.dir);
    const docx = path.join(ws.dir, '报告.docx');
    const sim = simFs({ rename: (from, to) => (to === docx && !from.endsWith('.old') && isTempName(path.basename(from)) ? Promise.reject(errno('EIO', from)) : undefined) });
    const r = await run(ws, { fs: sim.fs });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`读写 ${docx} 时磁盘出错`);
    // out.xlsx and summary.json had been renamed into place before the failure.
    expect(sim.calls.filter((c) => c.op === 'rename' && c.to === path.join(ws.dir, 'out.xlsx')).length).toBeGreaterThan(1);
    untouched(ws.dir);
  });
});

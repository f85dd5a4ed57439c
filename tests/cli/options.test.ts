/**
 * Every option a user can get wrong stops the run with exit 2 and one line that names the flag and
 * says what to write instead — before the workbook is read and before anything is written.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { SAMPLE, cli, sha256 } from '../helpers/cli';
import { listing, scratchDir, simFs } from './sim-fs';
import { OPTIONS } from '../../src/cli/options';

const dir = scratchDir('jixiao-options-');
const input = path.join(dir, '预算.xlsx');
copyFileSync(SAMPLE, input);
const inputHash = sha256(input);

/** Runs in a fresh folder holding only the input; returns what it printed and what it left there. */
async function refused(args: string[]): Promise<{ stderr: string; left: string[] }> {
  const r = await cli(['report', input, '-o', path.join(dir, 'out.xlsx'), ...args]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\n\s+at |Error:|undefined/);
  return { stderr: lines[0], left: listing(dir).filter((n) => n !== '预算.xlsx' && !n.endsWith('.json')) };
}


describe('the values the issue lists are refused, naming the flag', () => {
  it.each([
    [['--as-of', '2023-02-30'], '--as-of 2023-02-30 不是真实存在的日期'],
    [['--as-of', 'yesterday'], '--as-of 应为 YYYY-MM-DD 格式的日期，如 2023-07-31，收到 "yesterday"'],
    [['--as-of', '2023/07/31'], '--as-of 应为 YYYY-MM-DD 格式的日期'],
    [['--year', 'abc'], '--year 应为 1900–9999 之间的整数，如 2023，收到 "abc"'],
    [['--year', '23'], '--year 应为 1900–9999 之间的整数'],
    [['--rate-display', 'pct'], '--rate-display 只能是 whole 或 two-decimals，收到 "pct"'],
    [['--amount-display', 'wan'], '--amount-display 只能是 source 或 two-decimals，收到 "wan"'],
    [['--lang', 'fr'], '--lang 只能是 zh 或 en，收到“fr”'],
    [['--map', '[1,2]'], '--map 应为 JSON 对象（可含 funds、payments 和 indicators），收到 [1,2]'],
  ])('%j', async (args, message) => {
    const r = await refused(args);
    expect(r.stderr).toContain(message);
    expect(r.left).toEqual([]);
  });

  it('an as-of date outside the year --year names', async () => {
    expect((await refused(['--year', '2023', '--as-of', '2024-03-31'])).stderr).toContain('截止日期 2024-03-31 不在 --year 指定的 2023 年度内');
  });

  it('says it in English with --lang en', async () => {
    expect((await refused(['--lang', 'en', '--as-of', '2023-02-30'])).stderr).toBe('jixiao: --as-of 2023-02-30 is not a real date');
  });
});

describe('argv mistakes', () => {
  it('an unknown option suggests the nearest: --rate-dispaly → --rate-display', async () => {
    expect((await refused(['--rate-dispaly', 'whole'])).stderr).toBe('jixiao: 未知选项 --rate-dispaly。您是否想输入 --rate-display？');
    expect((await refused(['--jsno=x.json'])).stderr).toContain('您是否想输入 --json？');
    expect((await refused(['--bogus'])).stderr).toContain('未知选项 --bogus。可用的选项见 jixiao --help');
    expect((await refused(['--lang', 'en', '--bogus'])).stderr).toBe('jixiao: Unknown option --bogus. See jixiao --help for the options.');
    // No name before the "=": the flag is "--", not a known option.
    expect((await refused(['--=x'])).stderr).toBe('jixiao: 未知选项 --。可用的选项见 jixiao --help。');
  });

  it('a file whose name starts with a dash reads as an option: the message says how to name it', async () => {
    expect((await refused(['-名单.xlsx'])).stderr).toBe('jixiao: 未知选项 -名单.xlsx。若这是文件名，请写作 ./-名单.xlsx，或写在 -- 之后（-- 之后的都当作文件名）。');
    expect((await refused(['--lang', 'en', '-名单.xlsx'])).stderr).toBe(
      'jixiao: Unknown option -名单.xlsx. If it is a file name, write ./-名单.xlsx or put it after -- (everything after -- is a file name).',
    );
  });

  it('after -- every word is a file name: --help, --lang or --strict put there are extra arguments, said in the language given before --', async () => {
    expect((await refused(['--', '--help'])).stderr).toBe('jixiao: 多余的参数：--help。-- 之后的都当作文件名，选项请写在 -- 之前。');
    expect((await refused(['--', '-名单.xlsx', '--lang', 'en'])).stderr).toBe('jixiao: 多余的参数：-名单.xlsx --lang en。-- 之后的都当作文件名，选项请写在 -- 之前。');
    expect((await refused(['--lang', 'en', '--', '--strict'])).stderr).toBe('jixiao: Unexpected argument: --strict. Everything after -- is a file name; put the options before --.');
    // "--" first: "--version" is the command, which there is none of.
    const version = await cli(['--', '--version']);
    expect(version.code).toBe(2);
    expect(version.stdout).toBe('');
    expect(version.stderr).toContain('jixiao: 未知命令 --version。');
  });

  it('"-" is a file name, not standard input, and a value of its own', async () => {
    const r = await cli(['report', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jixiao: 找不到输入文件：-\n');
    expect((await refused(['--json', '-'])).stderr).toBe('jixiao: --json 应为 .json 文件，收到“-”');
  });

  it('a one-letter slip: -O with Shift held means -o, and -v (as other tools have it) means --version', async () => {
    expect((await refused(['-O', 'out.xlsx'])).stderr).toBe('jixiao: 未知选项 -O。您是否想输入 --output？');
    expect((await refused(['-v'])).stderr).toBe('jixiao: 未知选项 -v。您是否想输入 --version？');
    expect((await refused(['-x'])).stderr).toBe('jixiao: 未知选项 -x。可用的选项见 jixiao --help。');
  });

  it('a long option typed with one dash', async () => {
    expect((await refused(['-docx', 'r.docx'])).stderr).toContain('选项 -docx 应以两个短横线开头：--docx');
  });

  it('an option without its value, or followed by another option', async () => {
    expect((await refused(['--json'])).stderr).toContain('--json 后缺少摘要.json，例：--json out/summary.json');
    expect((await refused(['--json', '--docx', path.join(dir, 'r.docx')])).stderr).toContain('--json 后缺少摘要.json');
    expect((await refused(['--year='])).stderr).toContain('--year 的值为空');
    expect((await refused(['--json', '   '])).stderr).toBe('jixiao: --json 的值为空，例：--json out/summary.json');
  });

  it('a switch given a value, an option given twice', async () => {
    expect((await refused(['--strict=yes'])).stderr).toContain('--strict 不带值');
    expect((await refused(['--json', 'a.json', '--json', 'b.json'])).stderr).toContain('--json 给了两次（“a.json”和“b.json”），只能给一次');
  });

  it('an output name that does not say what it holds', async () => {
    expect((await refused(['--json', path.join(dir, 'summary.txt')])).stderr).toContain('--json 应为 .json 文件，收到');
    expect((await refused(['--docx', path.join(dir, 'report.doc')])).stderr).toContain('--docx 应为 .docx 文件');
    const r = await cli(['report', input, '-o', path.join(dir, 'out.csv')]);
    expect(r.stderr).toContain('-o 应为 .xlsx 文件（启用宏的工作簿为 .xlsm），收到');
  });

  it('a second file name without -o', async () => {
    const r = await cli(['report', input, path.join(dir, 'out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('多余的参数');
    expect(r.stderr).toContain('输出文件请用 -o 指定');
  });

  it('a wrong or missing command suggests report', async () => {
    const typo = await cli(['reprot', input]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('未知命令 reprot。您是否想输入 report？');
    const missing = await cli([input, '-o', path.join(dir, 'out.xlsx')]);
    expect(missing.stderr).toContain(`缺少命令 report：请写 jixiao report ${input}`);
    const noInput = await cli(['report', '-o', path.join(dir, 'out.xlsx')]);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('缺少输入文件');
    // Options but no word that is not one: the command is missing (only a bare jixiao prints the usage alone).
    const noCommand = await cli(['-o', path.join(dir, 'out.xlsx')]);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toBe('jixiao: 缺少命令 report。 用法：jixiao report 输入.xlsx [-o 输出.xlsx] [--json 摘要.json] [--docx 报告.docx] [选项]\n');
    expect((await cli(['--strict', '--lang', 'en'])).stderr).toBe(
      'jixiao: The command report is missing. Usage: jixiao report IN.xlsx [-o OUT.xlsx] [--json SUMMARY.json] [--docx REPORT.docx] [options]\n',
    );
  });

  it('inputs it cannot read, known by their extension', async () => {
    for (const [name, phrase] of [
      ['账.xls', '旧版 Excel 97-2003 格式'],
      ['账.xlsb', '二进制工作簿（.xlsb）'],
      ['账.et', 'WPS 表格格式'],
      ['账.csv', '不是 Excel 工作簿'],
    ]) {
      const r = await cli(['report', path.join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(phrase);
      expect(r.stderr).toContain('另存为');
    }
  });
});

describe('--config is checked field by field against the settings schema', () => {
  const config = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('{"fiscalYear":"abc"} and {"reasonThreshold":"abc"} name the field and the file', async () => {
    const a = config('a.json', '{"fiscalYear":"abc"}');
    expect((await refused(['--config', a])).stderr).toBe(`jixiao: --config ${a}：fiscalYear 应为 1900–9999 之间的整数，如 2023，收到 "abc"`);
    expect((await refused(['--lang', 'en', '--config', a])).stderr).toBe(`jixiao: --config ${a}: fiscalYear must be a whole number from 1900 to 9999, e.g. 2023, not "abc"`);
    const b = config('b.json', '{"reasonThreshold":"abc"}');
    expect((await refused(['--config', b])).stderr).toContain(`--config ${b}：reasonThreshold 应为 0 到 1 之间的数（如 0.9 表示 90%），收到 "abc"`);
    const c = config('c.json', '{"reasonThreshold": 90}');
    expect((await refused(['--config', c])).stderr).toContain('reasonThreshold 应为 0 到 1 之间的数（90% 应写作 0.9）');
  });

  it('a misspelt field suggests the right one instead of being ignored', async () => {
    const f = config('typo.json', '{"reasonThreshhold": 0.8, "rateDisplay": "two-decimal"}');
    const r = await refused(['--config', f]);
    expect(r.stderr).toContain('reasonThreshhold 不是可用的字段，您是否想写 reasonThreshold？');
    expect(r.stderr).toContain('rateDisplay 只能是 whole 或 two-decimals，收到 "two-decimal"（您是否想写 two-decimals？）');
    // Each problem of the file, in the order of the file, joined the way each language joins them.
    expect(r.stderr).toBe(`jixiao: --config ${f}：reasonThreshhold 不是可用的字段，您是否想写 reasonThreshold？；rateDisplay 只能是 whole 或 two-decimals，收到 "two-decimal"（您是否想写 two-decimals？）`);
    expect((await refused(['--lang', 'en', '--config', f])).stderr).toBe(
      `jixiao: --config ${f}: reasonThreshhold is not a known field; did you mean reasonThreshold?; rateDisplay must be whole or two-decimals, not "two-decimal" (did you mean two-decimals?)`,
    );
    // `today` is the clock's: a file cannot set it.
    expect((await refused(['--config', config('today.json', '{"today": "2023-01-01"}')])).stderr).toContain('today 不是可用的字段');
  });

  it('mapping fields inside the file: unknown field, bad column letter, header row 0', async () => {
    const f = config('map.json', JSON.stringify({ mapping: { funds: { headerRow: 0, columns: { budgte: 'G', executed: 'G7' } }, payment: {} } }));
    const r = await refused(['--config', f]);
    expect(r.stderr).toContain('mapping.funds.headerRow 应为 1–1048576 之间的整数');
    expect(r.stderr).toContain('mapping.funds.columns.budgte 不是可用的字段，您是否想写 budget？');
    expect(r.stderr).toContain('mapping.funds.columns.executed 应为列字母（A–XFD，如 "G"）或 null');
    expect(r.stderr).toMatch(/"G7"（另有 1 处）$/);
    expect((await refused(['--lang', 'en', '--config', f])).stderr).toBe(
      `jixiao: --config ${f}: mapping.funds.headerRow must be a whole number from 1 to 1048576, e.g. 3, not 0; mapping.funds.columns.budgte is not a known field; did you mean budget?; ` +
        'mapping.funds.columns.executed must be a column letter (A–XFD, e.g. "G") or null (ignore the column), not "G7" (and 1 more)',
    );
  });

  it('not JSON says where; a missing file, a folder and a GBK file say what is wrong', async () => {
    const bad = config('bad.json', '{\n  "fiscalYear": 2023,\n  "asOf": "2023-07-31",,\n}');
    // The second comma of line 3 is its 24th character.
    expect((await refused(['--config', bad])).stderr).toBe(`jixiao: --config ${bad} 不是有效的 JSON（第 3 行第 24 列附近）。请检查引号、逗号和括号。`);
    expect((await refused(['--lang', 'en', '--config', bad])).stderr).toBe(`jixiao: --config ${bad} is not valid JSON (near line 3, column 24). Check the quotes, commas and brackets.`);
    // On line 1 the column counts from the first character too: {"a":1,} has its } at 8.
    expect((await refused(['--config', config('one.json', '{"a":1,}')])).stderr).toContain('（第 1 行第 8 列附近）');
    // Single quotes: Node's message names no position here, and the line still says what to check (no crash, no "undefined").
    const quoted = config('quoted.json', "{\"rateDisplay\": 'two-decimals'}");
    const said = (await refused(['--config', quoted])).stderr;
    expect(said.replace('（第 1 行第 17 列附近）', '')).toBe(`jixiao: --config ${quoted} 不是有效的 JSON。请检查引号、逗号和括号。`);
    expect((await refused(['--config', path.join(dir, 'none.json')])).stderr).toContain(`--config：找不到文件 ${path.join(dir, 'none.json')}`);
    const folder = path.join(dir, 'cfg.json');
    mkdirSync(folder, { recursive: true });
    expect((await refused(['--config', folder])).stderr).toContain('是一个文件夹，不是文件');
    // Refused before it is read: even where reading a folder gives bytes instead of failing (as some file systems do).
    const lenient = simFs({ readFile: (p) => (String(p) === folder ? Promise.resolve(new Uint8Array(Buffer.from('{}'))) : undefined) });
    const r = await cli(['report', input, '-o', path.join(dir, 'out.xlsx'), '--config', folder], { fs: lenient.fs });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--config：${folder} 是一个文件夹，不是文件`);
    expect(lenient.calls.filter((c) => c.op === 'readFile').map((c) => c.path)).toEqual([]);
    // {"mapping":{"funds":{"sheet":"项目资金"}}} as Notepad's ANSI (GBK) would save it.
    const gbk = Buffer.concat([Buffer.from('{"mapping":{"funds":{"sheet":"'), Buffer.from([0xcf, 0xee, 0xc4, 0xbf, 0xd7, 0xca, 0xbd, 0xf0]), Buffer.from('"}}}')]);
    expect((await refused(['--config', config('gbk.json', gbk)])).stderr).toContain('不是 UTF-8 编码');
  });

  it('a UTF-8 file with a byte-order mark (as Notepad saves it) is read', async () => {
    const f = config('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"rateDisplay": "two-decimals"}')]));
    const r = await cli(['report', input, '--config', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\s27\.78%\s/);
  });

  it('--map inline JSON is checked the same way, its problems under --map', async () => {
    expect((await refused(['--map', '{"funds": {"columns": {"budget": 7}}}'])).stderr).toContain('--map：funds.columns.budget 应为列字母');
    expect((await refused(['--map', '{not json'])).stderr).toContain('--map 不是有效的 JSON');
  });
});

describe('help, version and a bare jixiao', () => {
  it.each([[['--help']], [['-h']], [['help']], [['report', '--help']], [['report', input, '--bogus', '--help']]])('%j prints the help to stdout and exits 0', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('用法：jixiao report 输入.xlsx');
    expect(r.stdout).toContain('输入文件从不被修改');
  });

  it('lists every option with a line of explanation and an example', async () => {
    const { stdout } = await cli(['--help']);
    for (const [flag, example] of [
      ['-o, --output 输出.xlsx', '例：-o out/执行情况-计算后.xlsx'],
      ['--json 摘要.json', '例：--json out/summary.json'],
      ['--docx 报告.docx', '例：--docx out/绩效自评报告.docx'],
      ['--year 年份', '例：--year 2023'],
      ['--as-of 日期', '例：--as-of 2023-07-31'],
      ['--map 映射.json', '例：--map'],
      ['--config 设置.json', '例：--config 设置.json'],
      ['--rate-display whole|two-decimals', '例：--rate-display two-decimals'],
      ['--amount-display source|two-decimals', '例：--amount-display two-decimals'],
      ['--strict', '例：jixiao report 预算.xlsx --strict'],
      ['--lang 语言', '例：--lang en'],
      ['--report-date 日期', '例：--report-date 2024-01-15'],
    ]) {
      expect(stdout).toContain(flag);
      expect(stdout).toContain(example);
    }
    // Every option the parser takes is in the help, so a new one cannot go undocumented.
    for (const o of OPTIONS) expect({ option: o.name, listed: stdout.includes(`--${o.name}`) }).toEqual({ option: o.name, listed: true });
    for (const field of ['fiscalYear', 'asOf', 'rateDisplay', 'amountDisplay', 'progressMethod', 'reasonThreshold', 'mapping']) expect(stdout).toMatch(new RegExp(`^  ${field}\\s`, 'm'));
    expect(stdout).toContain('退出码：0');
  });

  it('speaks English with --lang en', async () => {
    const r = await cli(['--help', '--lang', 'en']);
    expect(r.stdout).toContain('Usage: jixiao report IN.xlsx');
    expect(r.stdout).toContain('e.g. --as-of 2023-07-31');
    expect(r.stdout).not.toContain('用法');
  });

  it('--version prints the version of package.json', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe((require('../../package.json') as { version: string }).version);
  });

  it('jixiao alone prints a short usage to stderr and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('用法：jixiao report 输入.xlsx');
    expect(r.stderr).toContain('jixiao --help');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});

it('left the input byte-identical through all of the above', () => {
  expect(sha256(input)).toBe(inputHash);
});

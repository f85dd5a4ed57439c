/**
 * Macro workbooks, templates and binary workbooks: the output's extension always matches the
 * content type of its workbook part, or the run is refused saying what to do — never an .xlsx that
 * Excel refuses to open because macros hide inside it.
 */
import { promises as nodePromises, existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { SAMPLE, cli, sha256 } from '../helpers/cli';
import { scratchDir } from './sim-fs';
import { partBytes, partText, withParts } from '../helpers/xlsx-package';

const dir = scratchDir('jixiao-kinds-');
const CT = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  xltm: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
};
/** Stand-in bytes for a VBA project: the tool must carry them over untouched. */
const VBA = Buffer.from('d0cf11e0a1b11ae1 VBA project stand-in', 'utf8');

/** The sample with its workbook part declared as `kind`, and a VBA project when macro-enabled; saved under `name`. */
async function bookOf(kind: keyof typeof CT, name: string): Promise<string> {
  const macro = kind === 'xlsm' || kind === 'xltm';
  const bytes = await withParts(new Uint8Array(readFileSync(SAMPLE)), {
    '[Content_Types].xml': (xml) => {
      let out = xml.replace(CT.xlsx, CT[kind]);
      if (macro) out = out.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
      return out;
    },
    ...(macro
      ? {
          'xl/vbaProject.bin': VBA.toString('latin1'),
          'xl/_rels/workbook.xml.rels': (xml: string) => xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
        }
      : {}),
  });
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The content type [Content_Types].xml gives the workbook part. */
async function mainContentType(file: string): Promise<string> {
  const types = (await partText(readFileSync(file), '[Content_Types].xml'))!;
  return /PartName="\/xl\/workbook\.xml" ContentType="([^"]+)"/.exec(types)![1];
}

/** What a user's spreadsheet program expects from the extension. */
function expectedType(file: string): string {
  return CT[path.extname(file).slice(1).toLowerCase() as keyof typeof CT];
}

async function refused(args: string[], ...phrases: string[]): Promise<string> {
  const r = await cli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const p of phrases) expect(r.stderr).toContain(p);
  return r.stderr;
}

describe('a macro-enabled workbook (.xlsm)', () => {
  it('-o OUT.xlsx is refused before reading, suggesting OUT.xlsm', async () => {
    const input = await bookOf('xlsm', '宏.xlsm');
    const out = path.join(dir, 'OUT.xlsx');
    const readFile = jest.spyOn(nodePromises, 'readFile');
    try {
      await refused(['report', input, '-o', out], '宏.xlsm 是启用宏的工作簿', `请改用 -o ${path.join(dir, 'OUT.xlsm')}`);
      // Its name said enough: the workbook was not read.
      expect(readFile.mock.calls.filter(([p]) => String(p) === input)).toEqual([]);
    } finally {
      readFile.mockRestore();
    }
    expect(existsSync(out)).toBe(false);
  });

  it('-o OUT.xlsm keeps the macro content type and the VBA project byte for byte', async () => {
    const input = await bookOf('xlsm', '宏2.xlsm');
    const before = sha256(input);
    const out = path.join(dir, 'OUT2.xlsm');
    const r = await cli(['report', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(await mainContentType(out)).toBe(expectedType(out));
    expect(await mainContentType(out)).toBe(CT.xlsm);
    expect(Buffer.from((await partBytes(readFileSync(out), 'xl/vbaProject.bin'))!)).toEqual(VBA);
    expect(sha256(input)).toBe(before);
  });

  it('one renamed to .xlsx is known by its content, and still refused as OUT.xlsx', async () => {
    const input = await bookOf('xlsm', '改名.xlsx');
    await refused(['report', input, '-o', path.join(dir, 'r.xlsx')], '改名.xlsx 是启用宏的工作簿（文件名虽为 .xlsx，内容是 .xlsm）', '.xlsm');
    expect(existsSync(path.join(dir, 'r.xlsx'))).toBe(false);
  });
});

describe('a plain workbook and the templates', () => {
  it('a workbook without macros is not written as .xlsm', async () => {
    await refused(['report', SAMPLE, '-o', path.join(dir, 'x.xlsm')], '是普通工作簿（不含宏），输出应为 .xlsx', `-o ${path.join(dir, 'x.xlsx')}`);
  });

  it.each([
    ['xltx', '模板.xltx'],
    ['xltm', '模板.xltm'],
    ['xltx', '模板藏在.xlsx'],
  ] as const)('a %s template (%s) is refused with the reason', async (kind, name) => {
    const input = await bookOf(kind, name);
    await refused(['report', input, '-o', path.join(dir, 't.xlsx')], `${name} 是 Excel 模板（.${kind}）`, '请在 Excel 中用此模板新建工作簿');
  });

  it('a template can still be checked without writing a workbook', async () => {
    const input = await bookOf('xltx', '只检查.xltx');
    expect((await cli(['report', input])).code).toBe(0);
  });
});

describe('what the tool writes always matches its extension', () => {
  it.each([
    [SAMPLE, 'plain.xlsx'],
    ['xlsm', 'macro.xlsm'],
  ])('%s → %s', async (source, outName) => {
    const input = source === 'xlsm' ? await bookOf('xlsm', 'm3.xlsm') : source;
    const out = path.join(dir, outName);
    expect((await cli(['report', input, '-o', out])).code).toBe(0);
    expect(await mainContentType(out)).toBe(expectedType(out));
  });
});

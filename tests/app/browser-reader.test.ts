/**
 * The page reads a workbook with the CLI's own reader: the browser entry (src/cli/xlsx-read/browser.ts,
 * fflate instead of zlib) is loaded with every Node built-in made to throw, and must give the very
 * snapshot the CLI's reader gives — every sheet, used range, cell, merge and table — for the sample
 * and every workbook in the fixtures, and the same one-line reason for each file it cannot read.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import type { WorkbookSnapshot } from '../../src/core';
import { readXlsx as readInNode } from '../../src/cli/xlsx-read/node';
import { WorkbookReadError } from '../../src/cli/xlsx-read';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', '黔南州大数据局-2023预算执行.xlsx');

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return xlsxFiles(full);
    return /\.xls[xm]?$/i.test(name) ? [full] : [];
  });
}

const FILES = [SAMPLE, ...xlsxFiles(path.join(ROOT, 'tests', 'fixtures'))];
const NODE_BUILTINS = ['fs', 'zlib', 'path', 'os', 'util', 'stream', 'buffer', 'crypto', 'events', 'child_process', 'worker_threads'];

type Outcome = { snapshot: WorkbookSnapshot } | { refused: string };

async function outcome(read: (bytes: Uint8Array) => Promise<WorkbookSnapshot>, bytes: Uint8Array, ReadError: typeof WorkbookReadError): Promise<Outcome> {
  try {
    return { snapshot: await read(bytes) };
  } catch (e) {
    if (e instanceof ReadError) return { refused: `${e.zh} | ${e.en}` };
    throw e;
  }
}

let browserRead: (bytes: Uint8Array) => Promise<WorkbookSnapshot>;
let BrowserReadError: typeof WorkbookReadError;

beforeAll(() => {
  for (const name of NODE_BUILTINS) {
    jest.doMock(name, () => {
      throw new Error(`the browser reader loaded Node's “${name}”`);
    });
  }
  jest.isolateModules(() => {
    // The guard itself works: inside this registry a Node built-in cannot be loaded.
    expect(() => require('zlib')).toThrow(/browser reader loaded Node's “zlib”/);
    const entry = require('../../src/cli/xlsx-read/browser') as typeof import('../../src/cli/xlsx-read/browser');
    browserRead = (bytes) => entry.readXlsx(bytes);
    BrowserReadError = entry.WorkbookReadError;
  });
});

afterAll(() => {
  for (const name of NODE_BUILTINS) jest.dontMock(name);
});

test('the fixtures include unreadable files, so refusals are compared too', async () => {
  const refused = [];
  for (const f of FILES) {
    const o = await outcome((b) => readInNode(b), new Uint8Array(readFileSync(f)), WorkbookReadError);
    if ('refused' in o) refused.push(path.basename(f));
  }
  expect(refused).toContain('not-an-xlsx.xlsx');
  expect(refused).toContain('libreoffice-budget.xls');
});

test.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s reads the same in the browser as in the CLI', async (_name, file) => {
  const bytes = new Uint8Array(readFileSync(file));
  const inNode = await outcome((b) => readInNode(b), bytes, WorkbookReadError);
  const inBrowser = await outcome(browserRead, bytes, BrowserReadError);
  expect(inBrowser).toEqual(inNode);
});

test('the sample read in the browser has its four sheets and the 州委大楼 project in 项目资金', async () => {
  const snapshot = await browserRead(new Uint8Array(readFileSync(SAMPLE)));
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标']);
  expect(snapshot.sheets[0].values.flat()).toContain('州委大楼网络运维外包服务经费');
});

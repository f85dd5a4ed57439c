/**
 * The reader's two choices, measured on the benchmark workbook's payments sheet (30 MB of XML) in
 * one run — CPU time, median of five, as the machine is shared:
 *   inflate: Node's zlib streaming inflater (the CLI's) vs fflate, the pure-JS inflater a browser uses;
 *   XML: our scanner vs saxes (a maintained streaming parser), both reporting every element.
 */
import { SaxesParser } from 'saxes';
import { readFileSync } from 'fs';
import { jsInflate } from '../src/cli/xlsx-read/js-codec';
import { nodeInflate } from '../src/cli/xlsx-read/node-codec';
import { XmlScanner } from '../src/cli/xlsx-read/xml-scan';
import { readCentralDirectory } from '../src/cli/xlsx-read/zip';
import { readWorkbookSnapshot } from '../src/cli/xlsx-read/workbook';
import { BenchResult } from './measure';

async function cpuMedian(times: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function benchRead({ file }: { file: string }): Promise<BenchResult[]> {
  const bytes = new Uint8Array(readFileSync(file));
  const entries = readCentralDirectory(bytes);
  const sheet = entries.reduce((a, b) => (b.size > a.size ? b : a));
  const pieces: Uint8Array[] = [];
  await nodeInflate.inflateRaw(sheet.data, (p) => pieces.push(p));
  const text = pieces.map((p) => Buffer.from(p).toString('utf8'));

  const zlibMs = await cpuMedian(5, () => nodeInflate.inflateRaw(sheet.data, () => {}));
  const fflateMs = await cpuMedian(5, () => jsInflate.inflateRaw(sheet.data, () => {}));
  let ours = 0;
  const scannerMs = await cpuMedian(5, () => {
    ours = 0;
    const s = new XmlScanner({ open: () => void ours++, close: () => {} }, sheet.name);
    for (const p of pieces) s.push(p);
    s.end();
  });
  let theirs = 0;
  const saxesMs = await cpuMedian(5, () => {
    theirs = 0;
    const p = new SaxesParser({ xmlns: true });
    p.on('opentag', () => void theirs++);
    p.on('text', () => {});
    for (const t of text) p.write(t);
    p.close();
  });
  if (ours !== theirs) throw new Error(`the scanner saw ${ours} elements, saxes ${theirs}`);
  const readZlib = await cpuMedian(5, () => readWorkbookSnapshot(bytes, { codec: nodeInflate }));
  const readJs = await cpuMedian(5, () => readWorkbookSnapshot(bytes, { codec: jsInflate }));
  const mb = (sheet.size / 1e6).toFixed(0);
  return [
    { name: `inflate the ${mb} MB sheet: Node zlib stream (CPU)`, value: zlibMs, unit: 'ms' },
    { name: `inflate the ${mb} MB sheet: fflate, pure JS (CPU)`, value: fflateMs, unit: 'ms' },
    { name: `XML of the ${mb} MB sheet: our scanner, ${ours} elements (CPU)`, value: scannerMs, unit: 'ms' },
    { name: `XML of the ${mb} MB sheet: saxes, same elements (CPU)`, value: saxesMs, unit: 'ms' },
    { name: 'saxes ÷ our scanner', value: saxesMs / scannerMs, unit: '×' },
    { name: 'read the whole workbook to a snapshot, zlib (CPU)', value: readZlib, unit: 'ms' },
    { name: 'read the whole workbook to a snapshot, fflate (CPU)', value: readJs, unit: 'ms' },
  ];
}

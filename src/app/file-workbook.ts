/**
 * The file-backed host: a workbook's bytes, opened once, and the same steps the CLI takes on them —
 * read the snapshot, analyze, build the report, and patch the package with the same edits — so the
 * page's computed workbook is the CLI's `jixiao report` output for the same input and settings.
 * Environment-neutral: the inflater and the patcher's compression are injected (zlib in Node tests,
 * fflate in the page's worker). The original bytes are never changed.
 */
import { type Analysis, type ReportDocument, type Settings, type WorkbookSnapshot, analyze, buildReport, fatalIssue } from '../core';
import { UsageError } from '../cli/cli-error';
import { type GeneratedSheets, generatedSheets, workbookEdits } from '../cli/workbook-edits';
import { kindOfContentType, outputExtension } from '../cli/workbook-content';
import { type PatchCodec, XlsxPatchError, patchWorkbook, workbookContentType } from '../cli/xlsx-patch';
import { type InflateCodec, WorkbookReadError, readCentralDirectory, readWorkbookSnapshot } from '../cli/xlsx-read';

export interface FileCodecs {
  inflate: InflateCodec;
  patch: PatchCodec;
}

export type FileStage = 'reading' | 'computing' | 'writing' | 'done';
export type FileProgress = (stage: FileStage, fraction: number) => void;

/** A failure said to the user in both languages, naming the file and what to do. */
export class FileActionError extends Error {
  override name = 'FileActionError';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}

export interface FileReport {
  analysis: Analysis;
  document: ReportDocument;
  /** 自评报告, or 自评报告 (2) when the workbook's own one was changed since it was generated. */
  sheetName: string;
  checklistSheetName: string;
  /** The 绩效自评表 written beside them, when the workbook has an indicators table. */
  formSheetName?: string;
  /** Sheets kept as they were because a person changed them since they were generated. */
  kept: string[];
}

export interface ComputedWorkbook extends FileReport {
  bytes: Uint8Array;
  /** 原名-计算后.xlsx (.xlsm for a macro workbook: its macros are copied untouched). */
  fileName: string;
  /** Cells the plan writes into the data sheets (the report sheets not counted). */
  cellsWritten: number;
}

/** The inflater, reporting how much of the parts it will read has been inflated so far. */
function countingInflater(codec: InflateCodec, total: number, onProgress: (fraction: number) => void): InflateCodec {
  let done = 0;
  let shown = -1;
  return {
    crc32: codec.crc32,
    inflateRaw: (data, sink) =>
      codec.inflateRaw(data, (piece) => {
        sink(piece);
        done += piece.length;
        const fraction = Math.min(1, done / total);
        // Whole percents only: a 100 MB sheet would otherwise post thousands of messages.
        if (Math.floor(fraction * 100) !== shown) {
          shown = Math.floor(fraction * 100);
          onProgress(fraction);
        }
      }),
  };
}

/** The bytes the reader will inflate: every part but media, binaries and VBA, as the zip records them. */
function readableBytes(bytes: Uint8Array): number {
  try {
    const total = readCentralDirectory(bytes)
      .filter((e) => /\.(xml|rels)$/i.test(e.name))
      .reduce((n, e) => n + e.size, 0);
    return Math.max(1, total);
  } catch {
    return 1; // the reader itself says what is wrong with the file
  }
}

function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '') || name;
}

export class FileWorkbook {
  private constructor(
    readonly name: string,
    private readonly bytes: Uint8Array,
    readonly snapshot: WorkbookSnapshot,
    private readonly codecs: FileCodecs,
  ) {}

  /** Reads the workbook once; a file that is not a readable workbook is refused with the reader's reason. */
  static async open(bytes: Uint8Array, name: string, codecs: FileCodecs, onProgress?: FileProgress): Promise<FileWorkbook> {
    onProgress?.('reading', 0);
    const codec = onProgress ? countingInflater(codecs.inflate, readableBytes(bytes), (f) => onProgress('reading', f)) : codecs.inflate;
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = await readWorkbookSnapshot(bytes, { codec });
    } catch (e) {
      if (e instanceof WorkbookReadError) throw new FileActionError(`无法读取 ${name}：${e.zh}`, `Cannot read ${name}: ${e.en}`);
      throw e;
    }
    onProgress?.('reading', 1);
    return new FileWorkbook(name, bytes, snapshot, codecs);
  }

  /** The last analysis, kept for the same settings: 下载计算后的工作簿 right after the results were shown does not analyze again. */
  private last?: { key: string; analysis: Analysis };

  analyze(settings: Settings): Analysis {
    const key = JSON.stringify(settings);
    if (this.last?.key !== key) this.last = { key, analysis: analyze(this.snapshot, settings) };
    return this.last.analysis;
  }

  /** The last report, kept with the analysis it was made from: 下载计算后的工作簿 after 生成报告 (or after prepareReport) builds it once. */
  private lastReport?: { analysis: Analysis; report: FileReport & { sheets: GeneratedSheets } };

  /** The report as the CLI builds it; refused, as the CLI refuses, when the tables were not found. */
  report(settings: Settings, analysis = this.analyze(settings)): FileReport & { sheets: GeneratedSheets } {
    if (this.lastReport?.analysis !== analysis) this.lastReport = { analysis, report: this.buildReport(analysis) };
    return this.lastReport.report;
  }

  /** The report for these settings made ahead, while the page draws the results; a failure waits for the user's own call, which says it. */
  prepareReport(settings: Settings): void {
    try {
      this.report(settings);
    } catch {
      // Nothing kept: 生成报告 or the download makes it again and reports why it cannot be made.
    }
  }

  private buildReport(analysis: Analysis): FileReport & { sheets: GeneratedSheets } {
    const fatal = fatalIssue(analysis);
    if (fatal) throw new FileActionError(`${fatal.cell ? `${fatal.cell}：` : ''}${fatal.message}`, `${fatal.cell ? `${fatal.cell}: ` : ''}${fatal.messageEn}`);
    const document = buildReport(analysis, this.snapshot);
    const sheets = generatedSheets(this.snapshot, Boolean(document.forms?.length));
    return {
      analysis,
      document,
      sheets,
      sheetName: sheets.report.sheetName,
      checklistSheetName: sheets.checklist.sheetName,
      ...(sheets.forms ? { formSheetName: sheets.forms.sheetName } : {}),
      kept: [...sheets.report.kept, ...sheets.checklist.kept, ...(sheets.forms?.kept ?? [])],
    };
  }

  /** The computed copy: the input's package patched with the plan, the 自评报告 and the 核对清单 — `jixiao report IN -o OUT`. */
  async computedWorkbook(settings: Settings, onProgress?: FileProgress): Promise<ComputedWorkbook> {
    onProgress?.('computing', 0);
    const analysis = this.analyze(settings);
    onProgress?.('computing', 0.6);
    const { sheets, ...report } = this.report(settings, analysis);
    const extension = this.outputExtension();
    onProgress?.('writing', 0);
    let bytes: Uint8Array;
    try {
      bytes = await patchWorkbook(this.bytes, workbookEdits(analysis, report.document, sheets), this.codecs.patch);
    } catch (e) {
      if (e instanceof XlsxPatchError) throw new FileActionError(e.message, e.message);
      throw e;
    }
    onProgress?.('done', 1);
    const cellsWritten = analysis.plan.blocks.reduce((n, b) => n + b.values.reduce((m, row) => m + row.length, 0), 0);
    return { ...report, bytes, fileName: `${baseName(this.name)}-计算后.${extension}`, cellsWritten };
  }

  /** .xlsx or .xlsm by the workbook's content, as the CLI's -o must be; templates and add-ins refused with the CLI's reason. */
  private outputExtension(): string {
    try {
      const kind = kindOfContentType(workbookContentType(this.bytes, this.codecs.patch));
      return kind ? outputExtension(kind, this.name) : 'xlsx';
    } catch (e) {
      if (e instanceof UsageError) throw new FileActionError(e.zh, e.en);
      if (e instanceof XlsxPatchError) throw new FileActionError(e.message, e.message);
      throw e;
    }
  }
}

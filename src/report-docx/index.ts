/**
 * The report document as a .docx in the official format: A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm, a
 * 28 pt exact line, 22 lines of 28 characters, body 仿宋_GB2312 三号 indented two characters,
 * headings 黑体 / 楷体_GB2312 / 仿宋 as Word's Heading 1–3 (so they show in the navigation pane),
 * page numbers "- 1 -" centred in 四号宋体. East Asian fonts are set explicitly (w:eastAsia) with
 * Times New Roman for Latin text; font-table.ts names the stand-ins Word uses where a font is missing.
 *
 * The 项目支出绩效自评表 follow the report, one to a page (forms.ts).
 *
 * No Node APIs: the add-in calls this in the browser; the CLI writes the bytes to a file.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  IBaseParagraphStyleOptions,
  IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
} from 'docx';
import { LATIN_FONT, PAGE, PAGE_NUMBER_FORMAT, REPORT_FORMATS } from '../core/report/formats';
import type { ParagraphFormat, ParagraphStyle, ReportDocument, ReportParagraph } from '../core/report';
import { fontTableXml } from './font-table';
import { FORM_PAGE_MARGINS_CM, formBlocks } from './forms';

const TWIPS_PER_CM = 1440 / 2.54;
export const cmToTwips = (cm: number): number => Math.round(cm * TWIPS_PER_CM);

/** 28 pt exact line spacing in twentieths of a point. */
const LINE = PAGE.lineHeightPt * 20;

/** 22 lines a page (28.95 pt pitch; the exact 28 pt line spacing governs each paragraph). */
const GRID = { type: DocumentGridType.LINES, linePitch: 579 };

/**
 * 28 characters a line: 16 pt characters are 0.21 pt too wide for 15.6 cm, so runs are condensed by
 * a quarter point. Word's character grid (linesAndChars) would do the same, but LibreOffice lays that
 * grid out with far fewer characters a line; run spacing reads the same everywhere.
 */
const TEXT_WIDTH_PT = (PAGE.textWidthCm / 2.54) * 72;
function condenseTwips(sizePt: number): number | undefined {
  const perLine = Math.floor((PAGE.charsPerLine * PAGE.bodySizePt) / sizePt);
  const twips = Math.floor((TEXT_WIDTH_PT / perLine - sizePt) * 20);
  return twips < 0 ? twips : undefined;
}

function fontsOf(fonts: readonly string[]): IFontAttributesProperties {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: fonts[0], cs: LATIN_FONT, hint: 'eastAsia' };
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function indentOf(f: ParagraphFormat) {
  // firstLineChars is Word's "2 字符"; firstLine (twips) is what other readers use. Zero is written
  // out, so nothing inherits an indent it should not have.
  return { firstLineChars: f.firstLineIndentChars * 100, firstLine: f.firstLineIndentChars * f.sizePt * 20 };
}

function runOptions(f: ParagraphFormat) {
  return { font: fontsOf(f.fonts), size: f.sizePt * 2, bold: f.bold, characterSpacing: condenseTwips(f.sizePt) };
}

/** A style's run and paragraph properties; the title is followed by a blank line. */
function styleOptions(style: ParagraphStyle, withParagraph = true): IBaseParagraphStyleOptions {
  const f = REPORT_FORMATS[style];
  const run = { ...runOptions(f), color: '000000' };
  const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: style === 'title' ? LINE : 0 };
  if (!withParagraph) return { run, paragraph: { spacing } };
  return { run, paragraph: { spacing, alignment: ALIGN[f.align], indent: indentOf(f) } };
}

const HEADINGS: Partial<Record<ParagraphStyle, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  title: HeadingLevel.TITLE,
  heading1: HeadingLevel.HEADING_1,
  heading2: HeadingLevel.HEADING_2,
  heading3: HeadingLevel.HEADING_3,
};

/**
 * Our own paragraph styles for what Word has no built-in style for. （1） paragraphs carry their
 * text on the same line (（1）资金使用情况：…), so they are not Word headings: the navigation pane
 * lists 一、 / （一） / 1. only.
 */
const CUSTOM_STYLES: Partial<Record<ParagraphStyle, { id: string; name: string }>> = {
  heading4: { id: 'ReportHeading4', name: '报告四级标题' },
  body: { id: 'ReportBody', name: '报告正文' },
  listItem: { id: 'ReportListItem', name: '报告列项' },
  addressee: { id: 'ReportAddressee', name: '报告主送机关' },
  signature: { id: 'ReportSignature', name: '报告落款' },
};

function customStyles() {
  return (Object.entries(CUSTOM_STYLES) as [ParagraphStyle, { id: string; name: string }][]).map(([style, { id, name }]) => ({
    id,
    name,
    basedOn: 'Normal',
    next: id,
    quickFormat: true,
    ...styleOptions(style),
  }));
}

/**
 * A paragraph's text as few runs as possible: the style carries fonts and sizes, so runs differ only
 * where a placeholder is highlighted or a cell's text breaks a line. (One run per figure would make
 * a 2,000-project report several times slower to write and no different to read.)
 */
function runsOf(p: ReportParagraph): TextRun[] {
  const pieces: { text: string; placeholder: boolean }[] = [];
  const add = (text: string, placeholder: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last && last.placeholder === placeholder) last.text += text;
    else pieces.push({ text, placeholder });
  };
  add(p.label, false);
  for (const r of p.runs) add(r.text, r.kind === 'placeholder');
  const runs: TextRun[] = [];
  for (const piece of pieces) {
    piece.text.split('\n').forEach((line, i) => {
      if (line === '' && i === 0 && !piece.placeholder) return;
      runs.push(new TextRun({ text: line, break: i ? 1 : undefined, highlight: piece.placeholder ? 'yellow' : undefined }));
    });
  }
  return runs;
}

function paragraphOf(p: ReportParagraph, firstSignature: boolean): Paragraph {
  return new Paragraph({
    children: runsOf(p),
    heading: HEADINGS[p.style],
    style: CUSTOM_STYLES[p.style]?.id,
    // The signature is set off from the text by a blank line, as on the printed page.
    spacing: firstSignature ? { before: LINE * 2 } : undefined,
  });
}

function pageNumberFooter(): Footer {
  const font = fontsOf(PAGE_NUMBER_FORMAT.fonts);
  const size = PAGE_NUMBER_FORMAT.sizePt * 2;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font, size })],
      }),
    ],
  });
}

function formsSection(doc: ReportDocument) {
  const m = FORM_PAGE_MARGINS_CM;
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: cmToTwips(PAGE.widthCm), height: cmToTwips(PAGE.heightCm), orientation: PageOrientation.PORTRAIT },
        margin: { top: cmToTwips(m.top), bottom: cmToTwips(m.bottom), left: cmToTwips(m.left), right: cmToTwips(m.right), header: cmToTwips(1.2), footer: cmToTwips(m.bottom - 1.2) },
      },
    },
    footers: { default: pageNumberFooter() },
    children: formBlocks(doc.forms ?? []),
  };
}

export function buildDocx(doc: ReportDocument): Document {
  const m = PAGE.marginsCm;
  return new Document({
    creator: '绩效自评助手',
    title: doc.title,
    styles: {
      default: {
        // The defaults carry the body's font and line but no indent or alignment: footers inherit them.
        document: styleOptions('body', false),
        title: styleOptions('title'),
        heading1: styleOptions('heading1'),
        heading2: styleOptions('heading2'),
        heading3: styleOptions('heading3'),
      },
      paragraphStyles: customStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: cmToTwips(PAGE.widthCm), height: cmToTwips(PAGE.heightCm), orientation: PageOrientation.PORTRAIT },
            // The footer sits 7 mm below the text block, as GB/T 9704 places the page number.
            margin: { top: cmToTwips(m.top), bottom: cmToTwips(m.bottom), left: cmToTwips(m.left), right: cmToTwips(m.right), header: cmToTwips(1.5), footer: cmToTwips(m.bottom - 1.2) },
            pageNumbers: { start: 1 },
          },
          grid: GRID,
        },
        footers: { default: pageNumberFooter() },
        children: doc.paragraphs.map((p, i) => paragraphOf(p, p.style === 'signature' && doc.paragraphs[i - 1]?.style !== 'signature')),
      },
      // The national 项目支出绩效自评表 after the report, each on a page of its own, page numbers running on.
      ...(doc.forms?.length ? [formsSection(doc)] : []),
    ],
  });
}

/** The .docx bytes (a Uint8Array in Node and in the browser). */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  return Packer.pack(buildDocx(doc), 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

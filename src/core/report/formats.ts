/**
 * The official document format (GB/T 9704-2012 as offices apply it in Word), shared by the three
 * renderings: fonts and sizes per paragraph style, the A4 page and its margins, the 28 pt line.
 */
import type { ParagraphFormat, ParagraphStyle } from './sheet-plan';

/** A4 with the margins offices use; 22 lines of 28 characters a page. */
export const PAGE = {
  widthCm: 21,
  heightCm: 29.7,
  marginsCm: { top: 3.7, bottom: 3.5, left: 2.8, right: 2.6 },
  /** 15.6 cm of text width. */
  textWidthCm: 15.6,
  /** Fixed line spacing (行距固定值 28 磅). */
  lineHeightPt: 28,
  /** Full-width characters a line holds at 16 pt (三号) on the 15.6 cm text width. */
  charsPerLine: 28,
  bodySizePt: 16,
} as const;

/** 仿宋_GB2312 is installed in offices; Windows ships 仿宋 (FangSong), macOS and Linux fall back further. */
export const FANGSONG = ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'];
const KAITI = ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'];
const HEITI = ['黑体', 'SimHei', 'STHeiti'];
/** 方正小标宋简体 is a commercial font; 华文中宋 / 宋体 are the usual stand-ins. */
export const XIAOBIAOSONG = ['方正小标宋简体', '华文中宋', '宋体', 'SimSun'];

const body = (over: Partial<ParagraphFormat> = {}): ParagraphFormat => ({ fonts: FANGSONG, sizePt: 16, bold: false, align: 'justify', firstLineIndentChars: 2, ...over });

export const REPORT_FORMATS: Record<ParagraphStyle, ParagraphFormat> = {
  title: { fonts: XIAOBIAOSONG, sizePt: 22, bold: false, align: 'center', firstLineIndentChars: 0 },
  addressee: body({ align: 'left', firstLineIndentChars: 0 }),
  body: body(),
  heading1: body({ fonts: HEITI, align: 'left' }),
  heading2: body({ fonts: KAITI, align: 'left' }),
  heading3: body({ bold: true, align: 'left' }),
  heading4: body(),
  listItem: body(),
  signature: body({ align: 'right', firstLineIndentChars: 0 }),
};

/** Latin text and digits in every style: offices set Times New Roman for them. */
export const LATIN_FONT = 'Times New Roman';

/** Page numbers: 四号 (14 pt) 宋体, "- 1 -". */
export const PAGE_NUMBER_FORMAT = { fonts: ['宋体', 'SimSun'], sizePt: 14 } as const;

/** The sheet's footer in Excel's header/footer codes: centred, 四号 (14 pt), "- 1 -" as 公文 number pages. */
export const PAGE_NUMBER_FOOTER = '&C&14- &P -';

/** The first-line indent written into sheet and plain text: two full-width spaces per the style. */
export function indentOf(style: ParagraphStyle): string {
  return '\u3000'.repeat(REPORT_FORMATS[style].firstLineIndentChars);
}

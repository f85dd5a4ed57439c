import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { renderReportDocx } from '../../src/report-docx';
import { reportOf, sampleSnapshot } from '../helpers/report';

describe('the .docx in the official format', () => {
  let zip: JSZip;
  let documentXml: string;
  let stylesXml: string;
  beforeAll(async () => {
    const { doc } = reportOf(await sampleSnapshot());
    zip = await JSZip.loadAsync(await renderReportDocx(doc));
    documentXml = await zip.file('word/document.xml')!.async('string');
    stylesXml = await zip.file('word/styles.xml')!.async('string');
  });

  it('is a valid Word package: content types, relationships, main part', async () => {
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/word/document.xml"');
    expect(types).toContain('wordprocessingml.document.main+xml');
    const rels = await zip.file('_rels/.rels')!.async('string');
    expect(rels).toContain('Target="word/document.xml"');
    // Every XML part is well-formed (xmllint parses each one; a truncated or badly escaped part fails).
    const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/fontTable.xml', 'word/settings.xml', 'word/_rels/document.xml.rels']));
    const xml = await Promise.all(parts.map(async (n) => ({ fileName: n.replace(/[^A-Za-z0-9.]/g, '_'), contents: await zip.file(n)!.async('string') })));
    const result = await validateXML({ xml, normalization: 'c14n' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is A4 with margins 3.7 / 3.5 / 2.8 / 2.6 cm', () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margins = /<w:pgMar ([^/]*)\/>/.exec(documentXml)![1];
    expect(margins).toContain('w:top="2098"');
    expect(margins).toContain('w:bottom="1984"');
    expect(margins).toContain('w:left="1587"');
    expect(margins).toContain('w:right="1474"');
  });

  it('sets exact 28 pt line spacing and a two-character first-line indent for body text', () => {
    const body = /<w:style w:type="paragraph" w:styleId="ReportBody">[\s\S]*?<\/w:style>/.exec(stylesXml)![0];
    expect(body).toContain('w:line="560" w:lineRule="exact"');
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(documentXml).toContain('<w:pStyle w:val="ReportBody"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    // （1）资金使用情况：… runs its text on: a styled paragraph, not a heading in the navigation pane.
    expect(documentXml).toContain('<w:pStyle w:val="ReportHeading4"/>');
    expect(documentXml).not.toContain('<w:pStyle w:val="Heading4"/>');
  });

  it('names the East Asian fonts explicitly, Times New Roman for Latin text, with stand-ins in the font table', async () => {
    for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体']) {
      expect(stylesXml).toMatch(new RegExp(`<w:rFonts w:ascii="Times New Roman"[^>]*w:eastAsia="${font}"`));
    }
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(stylesXml)![0];
    expect(heading1).toContain('w:eastAsia="黑体"');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:charset w:val="86"/>');
  });

  it('numbers the pages "- 1 -" in the footer with a PAGE field, centred, 四号', async () => {
    const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = await zip.file(footerName)!.async('string');
    expect(footer).toMatch(/<w:t xml:space="preserve">- <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> -<\/w:t>/);
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toContain('<w:sz w:val="28"/>');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(documentXml).toContain('<w:footerReference w:type="default"');
  });

  it('highlights the placeholders the staff must fill in', () => {
    expect(documentXml).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">【请填写：报告日期】<\/w:t>/);
  });
});

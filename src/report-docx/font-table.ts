/**
 * word/fontTable.xml naming a stand-in for each official font. Word substitutes a missing font by its
 * w:altName and then by its charset (86 = GB2312) and family, so a machine without 仿宋_GB2312 shows
 * 仿宋 (FangSong, shipped with Windows) rather than the default 宋体/等线.
 */

interface FontEntry {
  name: string;
  altName?: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'variable' | 'fixed';
  /** PANOSE of the usual stand-in, which Word also matches on. */
  panose?: string;
}

export const FONT_ENTRIES: FontEntry[] = [
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  { name: '楷体_GB2312', altName: '楷体', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  { name: '方正小标宋简体', altName: '华文中宋', family: 'roman', pitch: 'variable', panose: '02010600030101010101' },
  { name: '宋体', altName: 'SimSun', family: 'roman', pitch: 'variable', panose: '02010600030101010101' },
  { name: 'Times New Roman', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
];

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function fontTableXml(entries: FontEntry[] = FONT_ENTRIES): string {
  const fonts = entries
    .map((f) => {
      const latin = f.name === 'Times New Roman';
      return (
        `<w:font w:name="${escapeXml(f.name)}">` +
        (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
        (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : '') +
        `<w:charset w:val="${latin ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
        '</w:font>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

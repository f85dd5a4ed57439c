import { readFileSync } from 'fs';
import path from 'path';
import { validateManifest } from '../scripts/validate-manifest';
import { COMMAND_FUNCTIONS } from '../src/commands/names';
import { ENGLISH_DISPLAY_LOCALES, langOf } from '../src/excel/host';
import { pickLanguage } from '../src/taskpane/i18n';

// Regexes are enough for this small, hand-written file; a parser would be a dependency for nothing.
const ROOT = path.join(__dirname, '..');
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// Content checks ignore comments, which may mention element names in prose.
const CONTENT = MANIFEST.replace(/<!--[\s\S]*?-->/g, '');

function all(re: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(re)];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The text of the Home tab's <OfficeTab> element. */
function homeTab(): string {
  const tab = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(CONTENT);
  if (!tab) throw new Error('manifest.xml has no <OfficeTab id="TabHome">');
  return tab[1];
}

/** PNG width and height, read from the IHDR chunk that always follows the 8-byte signature. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('manifest.xml against the vendored XSDs (schemas/manifest/)', () => {
  test('is valid', async () => {
    const result = await validateManifest(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a copy with <Permissions> moved above <Hosts> fails, and the error names that line', async () => {
    const lines = MANIFEST.split('\n');
    const permissions = lines.findIndex((l) => l.includes('<Permissions>'));
    const [moved] = lines.splice(permissions, 1);
    const hosts = lines.findIndex((l) => l.trim() === '<Hosts>');
    lines.splice(hosts, 0, moved);

    const result = await validateManifest(lines.join('\n'), 'broken.xml');

    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({
      line: hosts + 1,
      message: expect.stringMatching(/Permissions.*not expected/),
    });
  });
});

describe('manifest.xml content', () => {
  test('declares ExcelApi 1.4 as the minimum requirement, on the Workbook host', () => {
    expect(all(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g, CONTENT).map((m) => m[1])).toEqual(['1.4']);
    expect(all(/<Host Name="(\w+)"\/>/g, CONTENT).map((m) => m[1])).toEqual(['Workbook']);
  });

  test('the Home tab group opens the task pane and runs ribbon functions', () => {
    const actions = all(/<Action xsi:type="(\w+)">/g, homeTab()).map((m) => m[1]);
    expect(actions).toContain('ShowTaskpane');
    expect(actions).toContain('ExecuteFunction');
    expect(homeTab()).toContain('<TaskpaneId>ButtonId1</TaskpaneId>');
  });

  test('its FunctionNames are exactly the ones commands.ts associates (COMMAND_FUNCTIONS)', () => {
    const inManifest = all(/<FunctionName>([^<]+)<\/FunctionName>/g, CONTENT).map((m) => m[1]);
    expect([...inManifest].sort()).toEqual(Object.values(COMMAND_FUNCTIONS).sort());
  });

  test('does not declare a shared runtime (the schemas, and this add-in, use the default one)', () => {
    expect(CONTENT).not.toContain('<Runtimes>');
  });

  test('every zh-CN string resource has an en-US override', () => {
    const strings = all(/<bt:String\b([^>]*?)(?:\/>|>([\s\S]*?)<\/bt:String>)/g, CONTENT);
    expect(strings.length).toBeGreaterThan(0);
    const missing = strings
      .filter((m) => !/<bt:Override Locale="en-US" Value="[^"]+"\/>/.test(m[2] ?? ''))
      .map((m) => attr(m[1], 'id'));
    expect(missing).toEqual([]);

    for (const element of ['DisplayName', 'Description']) {
      const block = new RegExp(`<${element} DefaultValue="[^"]+">([\\s\\S]*?)</${element}>`).exec(CONTENT);
      expect(block?.[1]).toMatch(/<Override Locale="en-US" Value="[^"]+"\/>/);
    }
    expect(CONTENT).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
  });

  test('every resid refers to a defined resource', () => {
    const defined = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/g, CONTENT).map((m) => m[1]));
    const undefinedIds = all(/\bresid="([^"]+)"/g, CONTENT)
      .map((m) => m[1])
      .filter((id) => !defined.has(id));
    expect(undefinedIds).toEqual([]);
  });

  test('every URL starts with https://localhost:3000/, which the production build rewrites', () => {
    const urls = all(/DefaultValue="(https?:[^"]+)"/g, CONTENT).map((m) => m[1]);
    expect(urls.filter((u) => !u.startsWith('https://localhost:3000/'))).toEqual([]);
  });

  test('every icon is a PNG in assets/ of the size the manifest declares', () => {
    const iconFile = (url: string) => path.join(ROOT, url.replace('https://localhost:3000/', ''));
    const imageUrl = new Map(
      all(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g, CONTENT).map((m) => [m[1], m[2]] as const),
    );
    const uses = all(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g, CONTENT);
    expect(uses.length).toBeGreaterThan(0);
    for (const [, size, resid] of uses) {
      const side = Number(size);
      expect({ resid, ...pngSize(iconFile(imageUrl.get(resid) ?? '')) }).toEqual({ resid, width: side, height: side });
    }

    const iconUrl = /<IconUrl DefaultValue="([^"]+)"\/>/.exec(CONTENT)?.[1] ?? '';
    const highResUrl = /<HighResolutionIconUrl DefaultValue="([^"]+)"\/>/.exec(CONTENT)?.[1] ?? '';
    expect(pngSize(iconFile(iconUrl))).toEqual({ width: 32, height: 32 });
    expect(pngSize(iconFile(highResUrl))).toEqual({ width: 64, height: 64 });
  });
});

describe('English for every English display language (issue 15, item 8)', () => {
  /** Each localised element: its zh-CN default and its overrides by locale. */
  function localised(): { id: string; overrides: Map<string, string> }[] {
    const out: { id: string; overrides: Map<string, string> }[] = [];
    for (const m of all(/<bt:String id="([^"]+)" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/g, CONTENT)) {
      out.push({ id: m[1], overrides: new Map(all(/<bt:Override Locale="([^"]+)" Value="([^"]*)"\/>/g, m[2]).map((o) => [o[1], o[2]])) });
    }
    for (const element of ['DisplayName', 'Description']) {
      const block = new RegExp(`<${element} DefaultValue="[^"]+">([\\s\\S]*?)</${element}>`).exec(CONTENT)![1];
      out.push({ id: element, overrides: new Map(all(/<Override Locale="([^"]+)" Value="([^"]*)"\/>/g, block).map((o) => [o[1], o[2]])) });
    }
    return out;
  }

  test('every string, the name and the description have the same English text for each English locale', () => {
    const items = localised();
    expect(items.length).toBeGreaterThan(10);
    for (const { id, overrides } of items) {
      const english = overrides.get('en-US');
      expect({ id, locales: [...overrides.keys()].sort() }).toEqual({ id, locales: [...ENGLISH_DISPLAY_LOCALES].sort() });
      for (const locale of ENGLISH_DISPLAY_LOCALES) expect({ id, locale, text: overrides.get(locale) }).toEqual({ id, locale, text: english });
    }
  });

  test('the pane and the ribbon’s messages agree: English for every en-* tag, Chinese for the rest', () => {
    for (const tag of [...ENGLISH_DISPLAY_LOCALES, 'en', 'EN-gb', 'en-KE']) {
      expect({ tag, pane: pickLanguage(tag), commands: langOf(tag) }).toEqual({ tag, pane: 'en', commands: 'en' });
    }
    for (const tag of ['zh-CN', 'zh-TW', 'fr-FR', 'eng', '', undefined]) {
      expect({ tag, pane: pickLanguage(tag), commands: langOf(tag) }).toEqual({ tag, pane: 'zh', commands: 'zh' });
    }
  });
});

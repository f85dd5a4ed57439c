/**
 * The build refuses to make an add-in that cannot work: a production manifest needs the address it
 * will be served from, and never points at localhost or the template's contoso placeholder.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { validateManifest } from '../../scripts/validate-manifest';

const ROOT = path.join(__dirname, '..', '..');
// webpack.config.js is CommonJS: a function for webpack, with its helpers attached.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<{ output: { path: string } }>;
  productionUrl(env: Record<string, unknown>): string;
  productionManifest(content: string, url: string): string;
  BuildRefused: new (m: string) => Error;
  TEST_URL: string;
  DEV_URL: string;
};
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Every URL the manifest makes Office load (attribute values, not the XML namespaces). */
const urlsOf = (xml: string) => [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/(?<!xmlns(?::\w+)?=")https?:\/\/[^"<\s]+/g)].map((m) => m[0]);

describe('a production build', () => {
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test('without ADDIN_URL is refused with a sentence that says what to do', async () => {
    delete process.env.ADDIN_URL;
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/A production build needs the address where dist\/ will be served: ADDIN_URL=https:\/\/your\.server\/jixiao\/ npm run build/);
  });

  test('with a placeholder, a development or a plain-http address is refused too', () => {
    expect(() => config.productionUrl({ addinUrl: 'https://www.contoso.com/jixiao/' })).toThrow(/placeholder/);
    expect(() => config.productionUrl({ addinUrl: 'https://localhost:3000/' })).toThrow(/development/);
    expect(() => config.productionUrl({ addinUrl: 'http://addins.example.gov.cn/' })).toThrow(/must be an https:\/\/ URL/);
  });

  test('with ADDIN_URL writes every manifest URL under it, and none at localhost or contoso', async () => {
    process.env.ADDIN_URL = 'https://addins.example.gov.cn/jixiao';
    expect(config.productionUrl({})).toBe('https://addins.example.gov.cn/jixiao/');
    const out = config.productionManifest(MANIFEST, config.productionUrl({}));
    const urls = urlsOf(out);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith('https://addins.example.gov.cn/jixiao/'))).toEqual([]);
    expect(out).not.toMatch(/localhost|contoso/i);
    expect(await validateManifest(out)).toMatchObject({ valid: true, errors: [] });
  });

  test('a manifest URL the rewrite would miss (another port, 127.0.0.1) stops the build', () => {
    const stray = MANIFEST.replace('https://localhost:3000/help.html', 'https://localhost:3001/help.html');
    expect(() => config.productionManifest(stray, 'https://addins.example.gov.cn/jixiao/')).toThrow(/still points at https:\/\/localhost:3001\/help\.html/);
  });

  test('the test flavour (npm run build:test) builds for a host that cannot exist, so its dist/ cannot be deployed by mistake', async () => {
    delete process.env.ADDIN_URL;
    expect(config.productionUrl({ flavour: 'test' })).toBe('https://jixiao.invalid/');
    await expect(config({ flavour: 'test' }, { mode: 'production' })).resolves.toMatchObject({ output: { path: path.join(ROOT, 'dist') } });
  });

  test('a development build keeps https://localhost:3000/ and needs no ADDIN_URL', async () => {
    delete process.env.ADDIN_URL;
    await expect(config({}, { mode: 'development' })).resolves.toBeDefined();
    expect(urlsOf(MANIFEST).every((u) => u.startsWith(config.DEV_URL))).toBe(true);
  });
});

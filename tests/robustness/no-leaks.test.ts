/**
 * Nothing leaked: workbook text never becomes markup, and the add-in's pages may talk to no one but
 * their own server. The source is read as it is (no React or HTML page may hand workbook text to the
 * DOM as HTML, and our code opens no network connection), each page's Content-Security-Policy is
 * parsed and held to its own origin plus Office's script host, and the clipboard HTML is checked
 * with fast-check over hostile strings. Each check is first shown to catch the thing it forbids.
 * That the running pane makes no request beyond localhost is the browser test's part
 * (tests/browser: every request is recorded, and a CSP refusal shows up as a console error).
 */
import fc from 'fast-check';
import { PROPERTY_SEED } from '../helpers/property';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { renderReportHtml } from '../../src/core';
import { reportOf } from '../helpers/report';
import { book, fundsSheet, sheet } from '../helpers/snap';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const SOURCES = filesUnder(SRC).filter((f) => /\.(tsx?|html)$/.test(f));

/** Ways to hand a string to the DOM as HTML. */
const AS_HTML = [/dangerouslySetInnerHTML/, /\.(inner|outer)HTML\s*[+]?=(?!=)/, /insertAdjacentHTML\s*\(/, /document\.write(ln)?\s*\(/];
/** Ways for page code to send data somewhere. */
const TO_NETWORK = [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bsendBeacon\s*\(/, /\bWebSocket\b/, /\bEventSource\b/];

function offending(text: string, patterns: RegExp[]): string[] {
  return text.split('\n').flatMap((line, i) => (patterns.some((p) => p.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

function offendingFiles(patterns: RegExp[], files: string[]): string[] {
  return files.flatMap((f) => offending(readFileSync(f, 'utf8'), patterns).map((hit) => `${path.relative(ROOT, f)}:${hit}`));
}

describe('workbook text never reaches the DOM as HTML', () => {
  it('the check catches dangerouslySetInnerHTML, innerHTML =, insertAdjacentHTML and document.write', () => {
    const bad = [
      '<div dangerouslySetInnerHTML={{ __html: project.name }} />',
      'el.innerHTML = issue.message;',
      'el.innerHTML += note;',
      "cell.outerHTML = '<b>' + name + '</b>';",
      "list.insertAdjacentHTML('beforeend', row);",
      'document.write(report.html);',
    ];
    for (const line of bad) expect(offending(line, AS_HTML)).toHaveLength(1);
    for (const line of ['el.textContent = issue.message;', 'if (el.innerHTML === "") show();', '<p>{project.name}</p>']) expect(offending(line, AS_HTML)).toEqual([]);
  });

  it(`no file under src/ uses them (${SOURCES.length} files read)`, () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    expect(SOURCES.some((f) => f.endsWith(path.join('components', 'IssuesStep.tsx')))).toBe(true);
    expect(offendingFiles(AS_HTML, SOURCES)).toEqual([]);
  });
});

describe('our code opens no network connection', () => {
  // The simulated Excel (src/testing) never ships in the add-in, but it makes no requests either.
  it('the check catches fetch, XMLHttpRequest, sendBeacon, WebSocket and EventSource', () => {
    for (const line of ["fetch('https://x/api', { body })", 'const x = new XMLHttpRequest();', "navigator.sendBeacon('/log', data)", "new WebSocket('wss://x')", "new EventSource('/events')"]) {
      expect(offending(line, TO_NETWORK)).toHaveLength(1);
    }
    expect(offending('const fetched = prefetchRows(sheet);', TO_NETWORK)).toEqual([]);
  });

  it('no file under src/ uses them', () => {
    expect(offendingFiles(TO_NETWORK, SOURCES)).toEqual([]);
  });
});

/** A page's Content-Security-Policy from its <meta http-equiv>, as directive → sources. */
function cspOf(html: string): Map<string, string[]> | undefined {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return undefined;
  return new Map(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/**
 * The hosts office.js loads scripts from, as the sources list them (OfficeDev/office-js #1005,
 * office-js-docs-pr #721: "script-src 'self' https://appsforoffice.microsoft.com:*
 * https://ajax.aspnetcdn.com:* https://browser.pipe.aria.microsoft.com:*"), each allowed whole.
 */
const OFFICE_SCRIPT_HOSTS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com', 'https://browser.pipe.aria.microsoft.com'];

/** What applies when a directive is absent (CSP level 3); the rest fall back to default-src, form-action to nothing. */
const FALLBACK: Record<string, string[]> = { 'frame-src': ['child-src', 'default-src'], 'form-action': [] };

/** Why a policy lets the page send data off its own server or run foreign code; [] when it does not. */
function cspProblems(csp: Map<string, string[]> | undefined): string[] {
  if (!csp) return ['no Content-Security-Policy'];
  const problems: string[] = [];
  const effective = (d: string) => {
    for (const name of [d, ...(FALLBACK[d] ?? ['default-src'])]) {
      const sources = csp.get(name);
      if (sources) return sources;
    }
    return ['*'];
  };
  const ownOnly = (sources: string[]) => sources.every((s) => s === "'self'" || s === "'none'");
  if (!ownOnly(effective('default-src'))) problems.push(`default-src ${effective('default-src').join(' ')}`);
  const connect = effective('connect-src');
  if (!(connect.length === 1 && (connect[0] === "'self'" || connect[0] === "'none'"))) problems.push(`connect-src ${connect.join(' ')}`);
  const scripts = effective('script-src');
  const foreign = scripts.filter((s) => s !== "'self'" && s !== "'none'" && !OFFICE_SCRIPT_HOSTS.includes(s));
  if (foreign.length) problems.push(`script-src ${foreign.join(' ')}`);
  // A page that runs no script can only post a form written into it, and none of ours has one.
  const scriptsRun = !(scripts.length === 1 && scripts[0] === "'none'");
  for (const d of ['img-src', 'frame-src', ...(scriptsRun ? ['form-action'] : [])]) {
    // data: and blob: are content the page itself made (an icon, a download it built): nothing leaves through them.
    const extra = effective(d).filter((s) => s !== "'self'" && s !== "'none'" && s !== 'data:' && !(d === 'img-src' && s === 'blob:'));
    if (extra.length) problems.push(`${d} ${extra.join(' ')}`);
  }
  if (!ownOnly(effective('object-src'))) problems.push('object-src');
  return problems;
}

const PAGES = ['src/app/app.html', 'src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/dialog.html', 'src/help/help.html'];

describe('each page’s Content-Security-Policy', () => {
  it('the check refuses a policy that lets the page connect, frame, post or load scripts elsewhere', () => {
    const good = cspOf(readFileSync(path.join(ROOT, PAGES[0]), 'utf8'))!;
    expect(cspProblems(good)).toEqual([]);
    const variant = (directive: string, sources: string[]) => new Map([...good, [directive, sources]]);
    expect(cspProblems(variant('connect-src', ["'self'", 'https://telemetry.example.com']))).toEqual(["connect-src 'self' https://telemetry.example.com"]);
    expect(cspProblems(variant('connect-src', ['*']))).toEqual(['connect-src *']);
    expect(cspProblems(variant('script-src', ["'self'", 'https://cdn.jsdelivr.net']))).toEqual(['script-src https://cdn.jsdelivr.net']);
    expect(cspProblems(variant('script-src', ["'self'", "'unsafe-eval'"]))).toEqual(["script-src 'unsafe-eval'"]);
    expect(cspProblems(variant('form-action', ['https://x.example']))).toEqual(['form-action https://x.example']);
    const withoutConnect = new Map(good);
    withoutConnect.delete('connect-src');
    withoutConnect.set('default-src', ['*']);
    expect(cspProblems(withoutConnect)).toEqual(['default-src *', 'connect-src *', 'frame-src *']);
    const withoutFormAction = new Map(good);
    withoutFormAction.delete('form-action');
    expect(cspProblems(withoutFormAction)).toEqual(['form-action *']);
    expect(cspProblems(cspOf('<html><head><title>x</title></head></html>'))).toEqual(['no Content-Security-Policy']);
  });

  it('every page of the add-in has one', () => {
    expect(filesUnder(SRC).filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}testing${path.sep}`)).map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort()).toEqual([...PAGES].sort());
  });

  it.each(PAGES)('%s: connects only to its own origin and runs only its own and Office’s scripts', (page) => {
    const html = readFileSync(path.join(ROOT, page), 'utf8');
    const csp = cspOf(html);
    expect(cspProblems(csp)).toEqual([]);
    expect(html).not.toMatch(/<form\b/i);
    // The pages the add-in runs (not the static help page) state connect-src and script-src outright,
    // allow office.js every host the sources name and the inline styles its host script applies
    // (office-js #1687), and keep the injection routes closed.
    if (page === 'src/app/app.html') {
      // The browser page over a local workbook (issue 14): no connection at all, its own scripts only, no
      // Office — and so none of office.js's hosts and exceptions.
      expect(csp!.get('connect-src')).toEqual(["'none'"]);
      expect(csp!.get('script-src')).toEqual(["'self'"]);
      expect(csp!.get('default-src')).toEqual(["'none'"]);
      expect(csp!.get('object-src')).toEqual(["'none'"]);
      expect(csp!.get('base-uri')).toEqual(["'none'"]);
      expect(csp!.get('form-action')).toEqual(["'none'"]);
    } else if (page !== 'src/help/help.html') {
      expect(csp!.get('connect-src')).toEqual(["'self'"]);
      expect(csp!.get('script-src')).toEqual(["'self'", ...OFFICE_SCRIPT_HOSTS]);
      expect(csp!.get('style-src')).toContain("'unsafe-inline'");
      expect(csp!.get('object-src')).toEqual(["'none'"]);
      expect(csp!.get('base-uri')).toEqual(["'self'"]);
      expect(csp!.get('form-action')).toEqual(["'self'"]);
      // The sources are cited beside the policy, so a reviewer can hold one against the other.
      expect(html).toMatch(/#1005/);
      expect(html).toMatch(/#721/);
      expect(html).toMatch(/#1687/);
    }
  });
});

describe('the clipboard HTML escapes every workbook string', () => {
  const RUNS = 200;
  /** Strings with markup in them: tags, entities, quotes, apostrophes, line breaks, anything else. */
  const hostile = fc
    .array(fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '<script>alert(1)</script>', '</p><p>', '<img src=x onerror=alert(1)>', '&amp;', '&lt;', '<!--', ']]>', '\n'), fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 8 })
    // Framed by 甲…乙 so that a report trimming a name's trailing punctuation keeps the string whole.
    .map((parts) => `甲${parts.join('')}乙`)
    // A < that opens none of the document's own tags (p, h1–h3, span, br …), so the raw string cannot
    // turn up in the html by coincidence — "。<" would, before "</p>".
    .filter((s) => /<[^pshbmt/!]/.test(s));

  /** The body's paragraphs as text again: our tags dropped, <br> as a line break, entities decoded. */
  function paragraphsOf(html: string): string[] {
    const start = '<!--StartFragment-->\n';
    const body = html.slice(html.indexOf(start) + start.length, html.indexOf('\n<!--EndFragment-->'));
    return body.split('\n').map((p) =>
      p
        .replace(/^<(p|h[1-3]) style="[^"]*">|<\/(p|h[1-3])>$/g, '')
        .replace(/<span style="[^"]*">|<\/span>/g, '')
        .replace(/<br>/g, '\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  }

  it(`a project name, its 项目实施情况 and the unit’s name with markup come out escaped, and read back whole (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, progress, unit) => {
        const snapshot = book(
          fundsSheet([[name, 10, 5, progress]], ['项目名称', '全年预算数', '执行数', '项目实施情况']),
          sheet('单位信息', [
            ['单位名称', unit],
            ['报送对象', '州财政局'],
          ]),
        );
        const { doc } = reportOf(snapshot);
        const { html } = renderReportHtml(doc);
        // The strings did reach the report …
        const text = doc.paragraphs.map((p) => p.text).join('\n');
        for (const s of [name, progress, unit]) expect(text).toContain(s);
        // … but never as markup: every < in the html opens one of the document's own tags.
        for (const s of [name, progress, unit]) expect(html).not.toContain(s);
        expect([...html.matchAll(/<(\/?[^\s>]*)/g)].map((m) => m[1]).filter((t) => !/^(\/?(html|head|meta|title|body|p|h[1-3]|span|br)|!--StartFragment--|!--EndFragment--)$/.test(t))).toEqual([]);
        // Nothing lost: the paragraphs read back from the html are the document's, character for character.
        expect(paragraphsOf(html)).toEqual(doc.paragraphs.map((p) => p.text));
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });
});

/**
 * `npm run try` when its port is taken (issue 13): it serves on the next free port and says so, rather
 * than dying with a stack trace; and when no port near it is free, it says that in one line.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { servePaneSite, TEST_PAGE } from '../browser/pane-site';

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, '..', '..');

/** Takes a free port and holds it, as another program on the machine would. */
function occupy(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_, res) => res.end('someone else'));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

test('a taken port: the site is served on the next one, and the one asked for is left to its owner', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-try-'));
  fs.writeFileSync(path.join(dir, TEST_PAGE), '<p>绩效自评助手</p>');
  const other = await occupy();
  try {
    const site = await servePaneSite(dir, other.port);
    try {
      const port = Number(new URL(site.url).port);
      expect(port).toBeGreaterThan(other.port);
      expect(port).toBeLessThan(other.port + 20);
      expect(await get(`${site.url}${TEST_PAGE}`)).toEqual({ status: 200, body: '<p>绩效自评助手</p>' });
      expect((await get(`http://127.0.0.1:${other.port}/`)).body).toBe('someone else');
    } finally {
      await site.close();
    }
    // Only one port allowed, and it is taken: the caller hears EADDRINUSE (the script says it in a line).
    await expect(servePaneSite(dir, other.port, '127.0.0.1', 1)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    await other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run try -- --port N with N taken serves the pane on another port and says which', async () => {
  const other = await occupy();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'try-pane.js'), '--port', String(other.port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = out.match(/http:\/\/localhost:(\d+)\/\S+/);
        if (found) {
          clearInterval(timer);
          resolve(found[0]);
        }
      }, 200);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`npm run try exited (${code}) before serving:\n${out}\n${err}`));
      });
    });
    const port = Number(new URL(url).port);
    expect(port).not.toBe(other.port);
    expect(out).toContain(`Port ${other.port} is in use; using ${port} instead.`);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
    const page = await get(url.replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('workbook.js');
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await other.close();
  }
});

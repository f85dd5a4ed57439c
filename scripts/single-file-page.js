/**
 * The browser page as one self-contained .html (issue 14): app.html with each of its scripts inlined
 * and the worker's source carried in a non-executing <script type="text/plain"> that the page turns into
 * a blob: worker. The page's CSP allows exactly those inline scripts by their SHA-256 hashes; connect-src
 * stays 'none'. Used by webpack.config.js after html-webpack-plugin has written app.html.
 */
const crypto = require('crypto');

/** The worker bundle's file name (hashed in production). */
function workerFileOf(compilation) {
  const entry = compilation.entrypoints.get('app-worker');
  const files = entry ? [...entry.getFiles()].filter((f) => f.endsWith('.js')) : [];
  if (files.length !== 1) throw new Error(`the app-worker entry should be one .js file, got ${JSON.stringify(files)}`);
  return files[0];
}

/** Text safe inside <script>…</script>: a "</script" in a string or regex would close the element. */
function scriptText(source) {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function singleFile(html, sourceOf, workerFile) {
  // The head (policy, worker meta) is edited on its own: the inlined bundles contain "</body>", "script-src" and the like.
  const split = html.indexOf('</head>');
  if (split < 0) throw new Error('app.html has no </head>');
  let head = html.slice(0, split);
  let body = html.slice(split);
  // The worker's source first, right after <body>: the page's script looks for it as it runs.
  const open = /<body[^>]*>/.exec(body);
  if (!open) throw new Error('app.html has no <body>');
  const at = open.index + open[0].length;
  const worker = `<script type="text/plain" id="jixiao-worker-source">${scriptText(sourceOf(workerFile))}</script>`;
  const hashes = [];
  // Replacement functions, never replacement strings: "$&" or "$'" in a bundle would be read as a pattern.
  body = body.slice(0, at) + body.slice(at).replace(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*><\/script>/g, (_, src) => {
    const text = scriptText(sourceOf(src));
    hashes.push(hash(text));
    return `<script>${text}</script>`;
  });
  body = body.slice(0, at) + worker + body.slice(at);
  if (!hashes.length) throw new Error('app.html loads no scripts to inline');
  if (!/script-src 'self'/.test(head) || !/worker-src 'self' blob:/.test(head)) throw new Error("app.html has lost its script-src 'self' / worker-src 'self' blob: policy");
  head = head
    .replace(/<meta name="?jixiao-worker"?[^>]*>/, () => '')
    .replace("script-src 'self'", () => `script-src ${hashes.join(' ')}`)
    .replace("worker-src 'self' blob:", () => 'worker-src blob:');
  return head + body;
}

class SingleFilePagePlugin {
  constructor({ page, output }) {
    this.page = page;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleFilePagePlugin', (compilation) => {
      // At the report stage: after minification and after webpack rewrote the bundles' real content hashes,
      // so the inlined scripts are byte for byte the files app.html loads, and their CSP hashes hold.
      compilation.hooks.processAssets.tap({ name: 'SingleFilePagePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const page = compilation.getAsset(this.page);
        if (!page) throw new Error(`${this.page} was not built`);
        const html = page.source.source().toString();
        const worker = /<meta name="?jixiao-worker"? content="?([^"\s>]+)"?/.exec(html);
        if (!worker) throw new Error(`${this.page} does not name its worker`);
        const sourceOf = (file) => {
          const asset = compilation.getAsset(file.replace(/^\.?\//, ''));
          if (!asset) throw new Error(`${this.page} loads ${file}, which the build did not produce`);
          return asset.source.source().toString();
        };
        compilation.emitAsset(this.output, new compiler.webpack.sources.RawSource(singleFile(html, sourceOf, worker[1])), { minimized: true });
      });
    });
  }
}

module.exports = { SingleFilePagePlugin, workerFileOf, singleFile };

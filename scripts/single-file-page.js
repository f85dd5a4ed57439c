/**
 * The browser page as one self-contained .html (issue 14): app.html with each of its scripts inlined
 * and the worker's source carried in a non-executing <script type="text/plain"> that the page turns into
 * a blob: worker. The page's CSP allows exactly those inline scripts by their SHA-256 hashes; connect-src
 * stays 'none'. Used by webpack.config.js after html-webpack-plugin has written app.html.
 */
const crypto = require('crypto');
const HtmlWebpackPlugin = require('html-webpack-plugin');

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
  const hashes = [];
  let out = html.replace(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g, (_, src) => {
    const text = scriptText(sourceOf(src));
    hashes.push(hash(text));
    return `<script>${text}</script>`;
  });
  const worker = scriptText(sourceOf(workerFile));
  // Replacement functions, never strings: a "$&" or "$'" in the bundles would be read as a pattern.
  out = out.replace(/<meta name="jixiao-worker"[^>]*>/, () => '').replace('</body>', () => `<script type="text/plain" id="jixiao-worker-source">${worker}</script>\n</body>`);
  if (!/script-src 'self'/.test(out)) throw new Error('app.html has lost its script-src \'self\' policy');
  out = out.replace("script-src 'self'", () => `script-src ${hashes.join(' ')}`).replace("worker-src 'self' blob:", () => 'worker-src blob:');
  // The worker's source is the last thing in the page: it must be before </body>, once.
  if (out.split('id="jixiao-worker-source"').length !== 2) throw new Error('the single-file page should carry the worker once');
  return out;
}

class SingleFilePagePlugin {
  constructor({ page, output }) {
    this.page = page;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleFilePagePlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('SingleFilePagePlugin', (data) => {
        if (data.outputName !== this.page) return data;
        const sourceOf = (file) => {
          const asset = compilation.getAsset(file.replace(/^\.?\//, ''));
          if (!asset) throw new Error(`${this.page} loads ${file}, which the build did not produce`);
          return asset.source.source().toString();
        };
        const html = singleFile(data.html, sourceOf, workerFileOf(compilation));
        // Marked minimized: its scripts already are, and the JS minimizer must not parse the page as a script.
        compilation.emitAsset(this.output, new compiler.webpack.sources.RawSource(html), { minimized: true });
        return data;
      });
    });
  }
}

module.exports = { SingleFilePagePlugin, workerFileOf, singleFile };

/* Builds the Excel add-in (task pane + ribbon commands) into dist/. The CLI is built by tsc into lib/.
 *
 *   npm run build        production build; manifest URLs rewritten to ADDIN_URL, which it requires
 *   npm run build:test   production build for the tests (--env flavour=test): https://jixiao.invalid/, a host that cannot exist
 *   npm run build:dev    development build, URLs stay https://localhost:3000/
 *   npm run dev-server   serves over HTTPS on port 3000 with office-addin-dev-certs
 *
 * ADDIN_URL: where dist/ will be hosted, e.g. ADDIN_URL=https://addins.example.gov.cn/jixiao/ npm run build
 * (or `npm run build -- --env addinUrl=https://…/`, which also works in Windows cmd).
 */
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { SingleFilePagePlugin, workerFileOf } = require('./scripts/single-file-page');

const DEV_URL = 'https://localhost:3000/';
/** The URL `npm run build:test` builds for: the reserved .invalid domain, so such a dist/ cannot be deployed by mistake. */
const TEST_URL = 'https://jixiao.invalid/';
const DEV_SERVER_PORT = 3000;
/** The oldest browser the pages' libraries are compiled for (README: supported browsers). */
const CHROMIUM_FLOOR = 'chrome >= 86';

/** A build that cannot make a working add-in stops with this, as one line and no stack trace. */
class BuildRefused extends Error {}

/**
 * Where the production dist/ will be served. There is no default: a manifest pointing at a
 * placeholder or at localhost installs fine and then shows every user a blank pane.
 */
function productionUrl(env) {
  const url = env.flavour === 'test' ? TEST_URL : env.addinUrl || process.env.ADDIN_URL;
  if (!url) {
    throw new BuildRefused(
      'A production build needs the address where dist/ will be served: ADDIN_URL=https://your.server/jixiao/ npm run build ' +
        '(Windows: npm run build -- --env addinUrl=https://your.server/jixiao/). For a local try use npm run build:dev or npm start; the tests use npm run build:test.',
    );
  }
  // Office only loads add-in pages over HTTPS; a non-HTTPS URL here is a mistake, not a choice.
  if (!/^https:\/\/[^/]+/.test(url)) throw new BuildRefused(`ADDIN_URL must be an https:// URL, got "${url}".`);
  if (/^https:\/\/(localhost|127\.|\[::1\])|contoso\.com/i.test(url)) throw new BuildRefused(`ADDIN_URL "${url}" is a development or placeholder address; give the server the users' Excel will load the add-in from.`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** manifest.xml with every development URL replaced; refuses a result that still points at localhost or a placeholder. */
function productionManifest(content, addinUrl) {
  // The comments are notes for developers (they name localhost); the shipped manifest goes without them.
  const out = content.replaceAll(DEV_URL, addinUrl).replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
  const leftover = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*|https?:\/\/[^"<\s]*contoso\.com[^"<\s]*|localhost|contoso/i.exec(out);
  if (leftover) throw new BuildRefused(`manifest.xml still points at ${leftover[0]} after rewriting ${DEV_URL} to ${addinUrl}; write every URL in the manifest as ${DEV_URL}…`);
  return out;
}

async function devServerHttpsOptions() {
  // Required lazily: only `webpack serve` needs the certificates, so a production build works offline.
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/**
 * unsupported.html, which the ribbon's ES5 fallback opens in a dialog: taskpane.html's static
 * "cannot start" message (between its startup-fallback comments) on a page of its own, no scripts.
 */
function unsupportedPage() {
  const pane = fs.readFileSync(path.join(__dirname, 'src/taskpane/taskpane.html'), 'utf8');
  const block = /<!-- startup-fallback:[\s\S]*?-->([\s\S]*?)<!-- \/startup-fallback -->/.exec(pane);
  if (!block) throw new Error('src/taskpane/taskpane.html has lost its <!-- startup-fallback --> block');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'" />
    <title>绩效自评助手无法在这里启动</title>
    <link rel="stylesheet" href="taskpane-fallback.css" />
  </head>
  <body>${block[1].replace('id="startup-fallback"', 'id="startup-fallback" class="standalone"')}</body>
</html>
`;
}

async function makeConfig(env, options) {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = dev ? DEV_URL : productionUrl(env);

  const config = {
    // Separate .map files, never eval-based: the pages' CSP forbids 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
      // The browser page over a local workbook (issue 14) and its Web Worker, which does the work.
      app: './src/app/index.tsx',
      'app-worker': './src/app/worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '...'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              swcrc: false,
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: dev } },
                // Our own code also parses in older Office webviews (EdgeHTML); node_modules are not transpiled.
                target: 'es2017',
              },
              module: { type: 'es6' }, // leave imports to webpack, so it can tree-shake and split
            },
          },
        },
        {
          // The libraries' own JavaScript, down to what the page promises: Chromium 86 and newer (older 360 and
          // 奇安信 builds). tabster, under Fluent UI, ships class static blocks (Chromium 94), which would
          // stop the whole bundle from parsing there. swc rewrites only what Chromium 86 lacks; ES modules
          // and CommonJS files are left to webpack as they are. scripts/browser-syntax.js checks the result.
          test: /\.[cm]?js$/,
          include: /[\\/]node_modules[\\/]/,
          use: {
            loader: 'swc-loader',
            options: {
              swcrc: false,
              isModule: 'unknown',
              jsc: { parser: { syntax: 'ecmascript' }, loose: false },
              env: { targets: CHROMIUM_FLOOR },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // Initial node_modules (React, Fluent UI) go to their own chunk, cached across our releases;
        // dynamic import('docx') in the task pane becomes an async chunk loaded only when needed.
        // The worker stays one file: it starts from a URL (or the single-file page's inlined source) and loads no chunks.
        chunks: (chunk) => chunk.name !== 'app-worker',
        cacheGroups: {
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            filename: dev ? 'vendors-[name].js' : 'vendors-[name].[contenthash:8].js',
          },
        },
      },
    },
    performance: {
      // The task pane loads over the department's network on every open; warn before it gets heavy.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
      assetFilter: (file) => file.endsWith('.js'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'dialog.html',
        template: './src/commands/dialog.html',
        chunks: ['dialog'],
      }),
      new HtmlWebpackPlugin({
        filename: 'app.html',
        template: './src/app/app.html',
        chunks: ['app'],
        // At the end of <body>: the single-file build inlines them there, where #container already exists.
        inject: 'body',
        scriptLoading: 'blocking',
        templateParameters: (compilation) => ({ workerFile: workerFileOf(compilation) }),
      }),
      // dist/jixiao-app.html: app.html with every script inside, to open from disk (no server).
      new SingleFilePagePlugin({ page: 'app.html', output: 'jixiao-app.html' }),
      new HtmlWebpackPlugin({
        filename: 'unsupported.html',
        templateContent: unsupportedPage,
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The pages' first scripts, hand-written ES5: copied as they are, never through swc or the minifier.
          { from: 'src/static/*', to: '[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : productionManifest(content.toString(), addinUrl)),
          },
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      port: DEV_SERVER_PORT,
      server: { type: 'https', options: await devServerHttpsOptions() },
      static: false,
    };
  }

  return config;
}

module.exports = async (env = {}, options = {}) => {
  try {
    return await makeConfig(env, options);
  } catch (e) {
    // webpack-cli would print the stack of a thrown error; a refusal is a sentence for the person building.
    if (e instanceof BuildRefused && /[\\/]webpack(-cli)?(\.js|\.cmd)?$|[\\/]webpack(-cli)?[\\/]bin[\\/]/.test(process.argv[1] ?? '')) {
      console.error(`\nBuild refused: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
};
module.exports.productionUrl = productionUrl;
module.exports.productionManifest = productionManifest;
module.exports.BuildRefused = BuildRefused;
module.exports.TEST_URL = TEST_URL;
module.exports.DEV_URL = DEV_URL;
module.exports.CHROMIUM_FLOOR = CHROMIUM_FLOOR;

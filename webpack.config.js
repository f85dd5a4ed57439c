/* Builds the Excel add-in (task pane + ribbon commands) into dist/. The CLI is built by tsc into lib/.
 *
 *   npm run build        production build; manifest URLs rewritten to ADDIN_URL
 *   npm run build:dev    development build, URLs stay https://localhost:3000/
 *   npm run dev-server   serves over HTTPS on port 3000 with office-addin-dev-certs
 *
 * ADDIN_URL: where dist/ will be hosted, e.g. ADDIN_URL=https://addins.example.gov.cn/jixiao/ npm run build
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PROD_URL = 'https://www.contoso.com/jixiao/';
const DEV_SERVER_PORT = 3000;

function productionUrl() {
  const url = process.env.ADDIN_URL || DEFAULT_PROD_URL;
  // Office only loads add-in pages over HTTPS; a non-HTTPS URL here is a mistake, not a choice.
  if (!/^https:\/\/[^/]+/.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// URL, got "${url}"`);
  }
  return url.endsWith('/') ? url : `${url}/`;
}

async function devServerHttpsOptions() {
  // Required lazily: only `webpack serve` needs the certificates, so a production build works offline.
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = dev ? DEV_URL : productionUrl();

  const config = {
    // Separate .map files, never eval-based: the pages' CSP forbids 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
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
      ],
    },
    optimization: {
      splitChunks: {
        // Initial node_modules (React, Fluent UI) go to their own chunk, cached across our releases;
        // dynamic import('docx') in the task pane becomes an async chunk loaded only when needed.
        chunks: 'all',
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
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help/help.html', to: 'help.html' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, addinUrl)),
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
};

// Builds the task pane into dist/ (as Microsoft's Office add-in template does): the bundle, taskpane.html
// (the bundle loads office.js from Microsoft's CDN, or from dist/office-js/ with DANH_MUC_OFFICE_JS=local), icons
// and the manifest. The manifest's https://localhost:3000/
// URLs are replaced by DANH_MUC_URL in production builds. `npm run build` needs no network.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const fs = require('fs');
const webpack = require('webpack');
const { CSP } = require('./scripts/serve.js');

/**
 * The plan-schema validator as plain code (ajv standalone), so that the pane needs no `new Function` (CSP without
 * 'unsafe-eval'); `ajv` is aliased to src/taskpane/ajvPrecompiled.ts in the bundle.
 */
function planValidatorModule() {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ allErrors: false, strict: false, code: { source: true } });
  const validate = ajv.compile(require('./schemas/plan.schema.json'));
  const dir = path.join(__dirname, '.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'plan-validator.js');
  fs.writeFileSync(file, standaloneCode(ajv, validate));
  return file;
}

const urlDev = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Where the pane loads office.js from: Microsoft's CDN (default), or, with DANH_MUC_OFFICE_JS=local, the add-in's
 * own origin (for networks without internet access, as Microsoft documents for firewalled deployments): the files
 * of @microsoft/office-js/dist are copied to dist/office-js/ (debug builds left out).
 */
function officeJsSource(mode = process.env.DANH_MUC_OFFICE_JS) {
  if (!mode || mode === 'cdn') return { url: OFFICE_JS_CDN, plugins: [] };
  if (mode !== 'local') throw new Error(`DANH_MUC_OFFICE_JS must be "local" or "cdn", not "${mode}"`);
  const from = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');
  // a plain file copy after emit (copy-webpack-plugin hashes each of the ~4,000 files and is far slower)
  const copyOfficeJs = {
    apply: (compiler) => compiler.hooks.afterEmit.tap('CopyOfficeJs', () => {
      fs.cpSync(from, path.join(compiler.options.output.path, 'office-js'), {
        recursive: true, filter: (f) => !f.endsWith('.debug.js'),
      });
    }),
  };
  return { url: 'office-js/office.js', plugins: [copyOfficeJs] };
}

/** The manifest for a production URL (DANH_MUC_URL): every https://localhost:3000/ replaced, as in Microsoft's template. */
function manifestFor(xml, url) {
  if (!url) return xml;
  const base = url.replace(/\/?$/, '/');
  return xml.split(urlDev).join(base).split(urlDev.slice(0, -1)).join(base.slice(0, -1));
}

/**
 * The manifest with Microsoft's shared runtime (build with DANH_MUC_SHARED_RUNTIME=1), as Microsoft documents it
 * ("Configure your Office Add-in to use a shared runtime"): SharedRuntime 1.1 required, <Runtimes> first in the
 * workbook <Host> with the pane's page (resid Taskpane.Url, lifetime long), and the ribbon's "Kiểm tra" and
 * "Tạo phụ lục" as ExecuteFunction commands handled in that runtime (src/taskpane/commands.ts), so one click checks
 * the active sheet even when the pane is already open. Excel without SharedRuntime 1.1 (Excel 2019) does not offer
 * an add-in built this way; the default manifest works there. Not the default because the manifest schema this
 * project validates against (an older revision) has no <Runtimes>; see docs/excel-versions.md.
 */
function sharedRuntimeManifest(xml) {
  const swaps = [
    ['<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>\n      <Set Name="SharedRuntime" MinVersion="1.1"/>'],
    ['<Host xsi:type="Workbook">\n', '<Host xsi:type="Workbook">\n        <Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n'],
    ['<SourceLocation resid="Functions.Page.Url"/>', '<SourceLocation resid="Taskpane.Url"/>'],
    ['</GetStarted>\n', '</GetStarted>\n          <FunctionFile resid="Taskpane.Url"/>\n'],
    [/\s*<bt:Url id="Functions.Page.Url"[^>]*\/>/, ''],
    [/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>DanhMuc.Pane<\/TaskpaneId>\s*<SourceLocation resid="Pane.Check.Url"\/>\s*<\/Action>/,
      '<Action xsi:type="ExecuteFunction">\n                    <FunctionName>checkActiveSheet</FunctionName>\n                  </Action>'],
    [/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>DanhMuc.Pane<\/TaskpaneId>\s*<SourceLocation resid="Pane.Build.Url"\/>\s*<\/Action>/,
      '<Action xsi:type="ExecuteFunction">\n                    <FunctionName>openBuild</FunctionName>\n                  </Action>'],
    [/\s*<bt:Url id="Pane.Check.Url"[^>]*\/>/, ''],
    [/\s*<bt:Url id="Pane.Build.Url"[^>]*\/>/, ''],
  ];
  return swaps.reduce((out, [from, to]) => {
    const next = out.replace(from, to);
    if (next === out) throw new Error(`manifest.xml: cannot add the shared runtime (${String(from).slice(0, 60)}… not found)`);
    return next;
  }, xml);
}

/** functions.json from the JSDoc of the custom functions, by Microsoft's custom-functions-metadata (no code injected). */
class FunctionsMetadataPlugin {
  constructor(input) {
    this.input = path.resolve(__dirname, input);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadata', (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.hooks.processAssets.tapPromise(
        { name: 'FunctionsMetadata', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
          const r = await generateCustomFunctionsMetadata([this.input], false);
          for (const e of r.errors) compilation.errors.push(new webpack.WebpackError(`${this.input}: ${e}`));
          if (!r.errors.length) compilation.emitAsset('functions.json', new webpack.sources.RawSource(r.metadataJson));
        },
      );
    });
  }
}

/**
 * HTTPS for the dev server: office-addin-dev-certs creates (and tries to trust) a localhost certificate. When the CA
 * cannot be installed (no sudo, no keychain), the certificate it generated is still used; without any certificate
 * the server falls back to HTTP, saying so.
 */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const [crt, key, ca] = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
    if (fs.existsSync(crt) && fs.existsSync(key)) {
      console.warn(`Chưa cài được chứng chỉ gốc (${String(e.message).split('\n')[0]}). Dùng chứng chỉ localhost đã tạo trong ${dir};`);
      console.warn('trình duyệt/Excel sẽ chỉ tin nó sau khi chạy "npx office-addin-dev-certs install" với quyền quản trị.');
      return { cert: fs.readFileSync(crt), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
    }
    console.warn(`Không tạo được chứng chỉ HTTPS cho localhost (${e.message}); máy chủ phát triển chạy HTTP.`);
    console.warn('Excel chỉ nạp tiện ích qua HTTPS: chạy "npx office-addin-dev-certs install" rồi thử lại.');
    return null;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = process.argv.includes('serve');
  const cert = serving ? await httpsOptions() : null;
  const officeJs = officeJsSource();
  return {
    devtool: dev ? 'source-map' : false,
    // functions.js: =DANHMUC.BANGCHU alone, for Excel's JavaScript-only runtime (the manifest names it, so no hash);
    // the pane's bundle registers the same function itself when it is the shared runtime
    entry: { taskpane: './src/taskpane/index.tsx', functions: './src/functions/entry.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: (f) => (f.chunk.name === 'functions' ? '[name].js' : '[name].[contenthash:8].js'),
      // named lazy chunks (sample, xlsx): with a function as `filename`, webpack would name them by id only
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: {
        ajv$: path.resolve(__dirname, 'src/taskpane/ajvPrecompiled.ts'),
        'danh-muc-plan-validator$': planValidatorModule(),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // ES modules so that webpack can drop the unused parts of Fluent UI.
          options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: dev } },
        },
      ],
    },
    performance: { maxEntrypointSize: 900_000, maxAssetSize: 900_000 },
    plugins: [
      new webpack.DefinePlugin({ DANH_MUC_OFFICE_JS: JSON.stringify(officeJs.url) }),
      ...officeJs.plugins,
      new FunctionsMetadataPlugin('src/functions/functions.ts'),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp: CSP, // written first in <head> by the template, before any script
      }),
      new HtmlWebpackPlugin({
        filename: 'functions.html',
        template: './src/functions/functions.html',
        chunks: ['functions'],
        csp: CSP,
        customFunctionsRuntime: officeJs.url.replace(/office\.js$/, 'custom-functions-runtime.js'),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => {
              const xml = process.env.DANH_MUC_SHARED_RUNTIME === '1' ? sharedRuntimeManifest(content.toString()) : content.toString();
              return Buffer.from(dev ? xml : manifestFor(xml, process.env.DANH_MUC_URL));
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': CSP },
      server: cert ? { type: 'https', options: cert } : { type: 'http' },
      port: process.env.npm_package_config_dev_server_port || 3000,
      client: { overlay: false },
    },
  };
};

module.exports.manifestFor = manifestFor;
module.exports.officeJsSource = officeJsSource;
module.exports.sharedRuntimeManifest = sharedRuntimeManifest;

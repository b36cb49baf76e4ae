// Builds the add-in into dist/: one page (taskpane.html) that hosts both the task pane and the
// custom functions (shared runtime), functions.json generated from the functions' JSDoc, the
// icons and the manifest.
//
//   npm run build       production: minified, no source maps, no eval (the pane's CSP forbids it)
//   npm run build:dev   development: readable, external source maps (never eval-based devtools)
//   npm run dev-server  https://localhost:3000 for sideloading (npm start)
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataFlagsPlugin } = require("./scripts/functions-metadata.cjs");
const { manifestFor } = require("./scripts/manifest-url.cjs");

const FUNCTIONS_FILE = "./src/functions/functions.ts";

/**
 * A trusted localhost certificate from office-addin-dev-certs (what Office expects when it
 * sideloads from https://localhost), or webpack-dev-server's own self-signed one when the
 * tool cannot install its CA (e.g. headless Linux): the browser then asks once.
 */
async function httpsOptions() {
  // The dev-server test (and anyone without the tool) asks for the self-signed one outright.
  if (process.env.DEV_SERVER_SELF_SIGNED) return { type: "https" };
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (error) {
    console.warn(`office-addin-dev-certs unavailable (${error.message}); using a self-signed certificate.`);
    return { type: "https" };
  }
}


/** A split chunk's name: its kind and the (sorted) names of the chunks that load it. */
function splitName(kind) {
  return (_module, chunks) => [kind, ...chunks.map((c) => c.name || String(c.id)).sort()].join("-");
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    mode: dev ? "development" : "production",
    // Production ships no maps. Development uses separate .map files: eval-based devtools
    // ("eval-source-map", webpack's dev default) would break under the pane's CSP.
    devtool: dev ? "source-map" : false,
    // ES2020 matches tsconfig and every Excel that has SharedRuntime 1.1 (Edge WebView2, Safari).
    // It also lets webpack's runtime use globalThis instead of its `new Function("return this")`
    // fallback, which the pane's CSP (no 'unsafe-eval') would refuse.
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_FILE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entries keep stable names: the manifest points at functions.js.
      filename: "[name].js",
      // Lazy chunks (e.g. exceljs, imported with import() by the pane) get content hashes so
      // Office's aggressive cache never serves a stale one.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          // exceljs's browser bundle (lazy, for reading an uploaded .xlsx in the pane) builds
          // code from strings in three polyfill idioms; rewrite them so nothing shipped needs
          // 'unsafe-eval'. See the loader for each rewrite.
          test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/].*\.js$/,
          use: path.resolve(__dirname, "scripts", "no-string-code-loader.cjs"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are reported by `npm run typecheck`; the bundle only needs JS.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    optimization: {
      // Both entries run on one page: a single webpack runtime means one copy of each module
      // (React, the engine) shared by the pane and the functions.
      runtimeChunk: "single",
      splitChunks: {
        // Initial vendor code is split so the pane and the functions share it; anything imported
        // with import() stays in its own lazy chunk, loaded only when the pane asks for it.
        chunks: "all",
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: -10 },
          // exceljs (~250 KiB gzip) only ever loads on demand; name its chunk so the bench says so.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 10 },
          // Our own modules both entries use (the engine): one file with a stable name.
          shared: { name: "shared", chunks: "initial", minChunks: 2, minSize: 0, priority: -20, reuseExistingChunk: true },
          // webpack's own groups (npm packages of lazy chunks; our modules two or more chunks
          // use), as before but named after the chunks that load them, so the build output says
          // what each file is: split-vendor-revisions-settings holds Fluent parts only those two
          // lazy views use; split-shared-excel-functions the engine code the functions (first
          // paint) and the lazy Excel adapter share.
          defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true, name: splitName("split-vendor") },
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true, name: splitName("split-shared") },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_FILE }),
      // allowErrorForDataTypeAny / allowCustomDataForDataTypeAny: see the script for why.
      new FunctionsMetadataFlagsPlugin({ file: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the functions are registered by the same page as the pane. Named
        // entries bring their runtime and vendor chunks with them.
        chunks: ["taskpane", "functions"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]", globOptions: { ignore: ["**/*.md"] } },
          // Dev URLs, or ADDIN_URL's origin and path for a deployment (docs/DEPLOY.md).
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content, process.env.ADDIN_URL) },
        ],
      }),
    ],
    performance: {
      // Fluent UI makes the pane larger than webpack's web-page defaults; `npm run bench`
      // reports the gzip sizes instead of a warning on every build.
      hints: false,
    },
    stats: "errors-warnings",
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          server: await httpsOptions(),
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: { warnings: false } },
          // Excel on the web fetches functions.json (and the scripts) from its own origin: without
          // Access-Control-Allow-Origin the custom functions never register (Microsoft's
          // custom-functions troubleshooting; OfficeDev/office-js#3970). The Office templates
          // serve "*" the same way; docs/DEPLOY.md gives the header for each static host.
          headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
        }
      : undefined,
  };
};

// Test-only bundle: the fake Office host the browser tests inject before the pane's own
// scripts (page.addInitScript). Never shipped; built into test-artifacts/.
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

/** @type {import('webpack').Configuration} */
module.exports = {
  // Development keeps names readable in stack traces; devtool false means no eval(),
  // which the pane's Content Security Policy would (rightly) block.
  mode: 'development',
  devtool: false,
  target: 'web',
  context: root,
  entry: { host: path.join(__dirname, 'host', 'hostEntry.ts') },
  output: {
    path: process.env.E2E_HOST_OUT || path.join(root, 'test-artifacts', 'e2e-host'),
    filename: '[name].js',
    iife: true,
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          // Type-checking is tsc's job (npm run typecheck); half-written files elsewhere must
          // not stop the host from building.
          options: { transpileOnly: true, configFile: path.join(root, 'tsconfig.json') },
        },
      },
    ],
  },
  performance: { hints: false },
  stats: 'errors-warnings',
};

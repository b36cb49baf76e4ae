// ESLint 9 flat config. Besides the usual recommended sets it enforces the architecture
// (docs/ARCHITECTURE.md): which layer may import what, and that only src/excel touches `Excel`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";

// eslint-plugin-office-addins bundles eslint-plugin-react; its `react` config starts with
// React's flat recommended set, so we take React from there rather than rely on hoisting.
const reactRecommended = officeAddins.configs.react[0];
const reactPlugin = reactRecommended.plugins.react;

// The plugin's recommended rules, minus `prettier/prettier`: this repository has no Prettier
// config, and formatting is not a lint failure here.
const officeAddinsRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith("office-addins/")),
);

const officeGlobals = { Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" };

const NODE_BUILTINS = ["fs", "fs/promises", "path", "os", "child_process", "crypto", "util", "zlib", "stream", "buffer", "url", "module"];

/** Relative imports that climb out of a layer into an adapter, at any depth (../excel, ../../cli). */
const adapter = (names) => `^(\\./)?(\\.\\./)+(${names.join("|")})(/|$)`;

export default tseslint.config(
  {
    ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test-artifacts/**", "out/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommended],
    // Type-aware, for the two rules below (about 10 s more on this repository).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // setTimeout("code") and friends, seen through the types.
      "@typescript-eslint/no-implied-eval": "error",
      // An un-awaited Excel.run or context.sync() is an Office error nobody sees (STYLE.md 8).
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Everything: code is never built from strings (the pane's CSP forbids it anyway).
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...officeGlobals } },
  },
  {
    // The Office.js load/sync rules: where Office.js proxies are used. Not src/xlsx or src/cli,
    // whose exceljs cells would trip the rules' name-based heuristics.
    files: ["src/excel/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ["src/**/*.tsx", "test/**/*.tsx"],
    ...reactRecommended,
    plugins: { react: reactPlugin },
    languageOptions: { ...reactRecommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: "19.0" } },
    rules: {
      ...reactRecommended.rules,
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): no React import needed.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are typed with TypeScript.
      "react/prop-types": "off",
    },
  },

  // Layer rules (docs/ARCHITECTURE.md).
  {
    files: ["src/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "src/domain is pure TypeScript: no React." },
            { name: "exceljs", message: "src/domain is pure TypeScript: exceljs belongs in src/cli or src/xlsx." },
            { name: "@microsoft/office-js", message: "src/domain is pure TypeScript: no Office." },
            { name: "office-js", message: "src/domain is pure TypeScript: no Office." },
            ...NODE_BUILTINS.map((name) => ({ name, message: "src/domain runs in Excel and Node alike: no Node modules." })),
          ],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*"], message: "src/domain is pure TypeScript: no React." },
            { group: ["@fluentui/*"], message: "src/domain is pure TypeScript: no Fluent UI." },
            { group: ["node:*"], message: "src/domain runs in Excel and Node alike: no Node modules." },
            {
              regex: adapter(["excel", "taskpane", "functions", "cli", "xlsx"]),
              message: "src/domain is the engine: adapters import it, never the other way round.",
            },
          ],
        },
      ],
      // import() is not covered by no-restricted-imports.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/^(react|react-dom|exceljs|@fluentui|node:|fs$|path$)/]",
          message: "src/domain is pure TypeScript: no dynamic import of UI, Office, exceljs or Node modules.",
        },
      ],
      // The engine never looks at the host.
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/domain must not use Office." },
        { name: "Excel", message: "src/domain must not use Excel." },
        { name: "CustomFunctions", message: "Only src/functions builds CustomFunctions.Error." },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: adapter(["excel"]),
              message: "Pane components get an AddinApi (src/taskpane/api.ts); only src/taskpane/index.tsx wires in src/excel.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "The pane never touches Excel: ask the AddinApi (src/excel implements it)." },
      ],
    },
  },
  {
    files: ["src/functions/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "Custom functions run without the pane: no React." },
            { name: "exceljs", message: "Custom functions run in Excel: exceljs is for the CLI." },
          ],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*", "@fluentui/*"], message: "Custom functions run without the pane: no React or Fluent UI." },
          ],
        },
      ],
    },
  },

  // Node-side files: build config, scripts, benchmarks, tests.
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["**/*.mjs", "scripts/**", "bench/**"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["test/**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...officeGlobals } },
  },
  {
    // Pages served to the browser in tests.
    files: ["test/**/fixtures/**/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
);

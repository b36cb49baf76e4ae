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

/** `Excel.run` (called or passed on): only src/excel/io/run.ts may. */
const EXCEL_RUN = {
  selector: "MemberExpression[object.name='Excel'][property.name='run']",
  message: "Only src/excel/io/run.ts calls Excel.run; take the request context you are given (or an ExcelRunner).",
};

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

  // Layer rules (docs/ARCHITECTURE.md). Each file of src/ matches exactly one fence below
  // (a later block's no-restricted-imports would replace an earlier one's, not add to it).
  //   domain    <- everything; imports nothing of ours outside itself
  //   port      <- taskpane, excel; imports domain types only
  //   functions, excel, xlsx: adapters; import domain (excel: and port), never each other
  // test/build/lint.test.ts checks every pair of layers against this list.
  //   cli       the command-line tool: domain + its adapter, xlsx
  //   taskpane  the pane: port + domain; only index.tsx (the composition root) wires in adapters
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
              regex: adapter(["excel", "taskpane", "functions", "cli", "xlsx", "port"]),
              message: "src/domain is the engine: adapters (and the port) import it, never the other way round.",
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
    files: ["src/port/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["react", "exceljs", ...NODE_BUILTINS].map((name) => ({ name, message: "src/port is types shared by the pane and the Excel adapter: it imports only src/domain." })),
          ],
          patterns: [
            { group: ["react-dom", "react/*", "@fluentui/*", "node:*"], message: "src/port is types shared by the pane and the Excel adapter: it imports only src/domain." },
            { regex: adapter(["excel", "taskpane", "functions", "cli", "xlsx"]), message: "src/port sits below the pane and the adapters: it imports only src/domain." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/port declares what the pane may ask; src/excel does it with Office.js." },
        { name: "Excel", message: "src/port declares what the pane may ask; src/excel does it with Office.js." },
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
            ...NODE_BUILTINS.map((name) => ({ name, message: "Custom functions run in Excel: no Node modules." })),
          ],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*", "@fluentui/*"], message: "Custom functions run without the pane: no React or Fluent UI." },
            { group: ["node:*"], message: "Custom functions run in Excel: no Node modules." },
            { regex: adapter(["excel", "taskpane", "cli", "xlsx", "port"]), message: "src/functions wraps src/domain only: no other adapter, no pane code." },
          ],
        },
      ],
      "no-restricted-syntax": ["error", EXCEL_RUN],
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "src/excel implements the port with Office.js: no React (the pane is src/taskpane)." },
            { name: "exceljs", message: "src/excel talks to Excel through Office.js; exceljs is the file adapter's (src/xlsx)." },
            ...NODE_BUILTINS.map((name) => ({ name, message: "src/excel runs in the Office webview: no Node modules." })),
          ],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*", "@fluentui/*"], message: "src/excel implements the port with Office.js: no React or Fluent UI." },
            { group: ["node:*"], message: "src/excel runs in the Office webview: no Node modules." },
            {
              regex: adapter(["taskpane", "functions", "cli", "xlsx"]),
              message: "src/excel imports src/domain and src/port only: no other adapter, no pane code (a reader it needs is passed in through the port).",
            },
          ],
        },
      ],
      "no-restricted-syntax": ["error", EXCEL_RUN],
    },
  },
  {
    // The one place that calls Excel.run.
    files: ["src/excel/io/run.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["src/xlsx/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "react", message: "src/xlsx reads and writes .xlsx files: no React." }],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*", "@fluentui/*"], message: "src/xlsx reads and writes .xlsx files: no React or Fluent UI." },
            { regex: adapter(["excel", "taskpane", "functions", "cli", "port"]), message: "src/xlsx imports src/domain only: no other adapter, no pane or CLI code, not the pane's port." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/xlsx works on files, without Office." },
        { name: "Excel", message: "src/xlsx works on files, without Office." },
      ],
    },
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "react", message: "The CLI has no UI: no React." }],
          patterns: [
            { group: ["react-dom", "react-dom/*", "react/*", "@fluentui/*"], message: "The CLI has no UI: no React or Fluent UI." },
            { regex: adapter(["excel", "taskpane", "functions", "port"]), message: "The CLI uses src/domain and its file adapter src/xlsx only." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "The CLI works on files, without Office." },
        { name: "Excel", message: "The CLI works on files, without Office." },
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
          paths: [
            { name: "exceljs", message: "The pane reads files through the port (WorkbookFileReader), wired in by src/taskpane/index.tsx." },
            ...NODE_BUILTINS.map((name) => ({ name, message: "The pane runs in the Office webview: no Node modules." })),
          ],
          patterns: [
            { group: ["node:*"], message: "The pane runs in the Office webview: no Node modules." },
            {
              regex: adapter(["excel", "xlsx", "cli", "functions"]),
              message: "Pane components get an AddinApi (src/port/api.ts); only src/taskpane/index.tsx wires in src/excel and src/xlsx.",
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
    // The composition root: builds the Office.js AddinApi (src/excel) with the file reader (src/xlsx).
    files: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: adapter(["cli", "functions"]), message: "The pane's composition root wires src/excel and src/xlsx only." }] },
      ],
      "no-restricted-syntax": ["error", EXCEL_RUN],
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

// Lints snippets as if they were files at given paths, with the repository's eslint.config.mjs,
// and prints the rule ids hit. A child process: ESLint loads its flat config with import(),
// which jest's CommonJS sandbox cannot do.
// stdin: [{ "file": "src/domain/x.ts", "code": "..." }]   stdout: [["rule-id", ...], ...]
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cases = JSON.parse(readFileSync(0, "utf8"));
const eslint = new ESLint({
  cwd: root,
  // The snippets are not files in the TypeScript project, so the type-aware rules are off here;
  // everything else is the real configuration.
  overrideConfig: {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { "@typescript-eslint/no-implied-eval": "off", "@typescript-eslint/no-floating-promises": "off" },
  },
});
const out = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  out.push(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));

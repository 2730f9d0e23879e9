// ESLint 9 flat config. `npm run lint` runs it, then `tsc --noEmit`.
// - JavaScript and typescript-eslint recommended rules everywhere;
// - the Office add-in rules of Microsoft's template (office-addin-lint: load before read, sync
//   before read, isNullObject, …) on the code that talks to Office.js — they recognise a batch's
//   request context only when it is named `context`, as in the template;
// - the React hooks rules (rules-of-hooks, exhaustive-deps) on the React code. The React Compiler
//   rules of eslint-plugin-react-hooks 7 are not enabled: the pane is not compiled with it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "dist-workbench/**", "dist-wps/**", "dist-cli/**", "build/**", "coverage/**", "test-results/**", ".certs/**"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { globals: globals.node, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: globals.node, sourceType: "module" } },
  // Browser tests: functions passed to page.evaluate run in the page.
  { files: ["test/e2e/**/*.js"], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  // Tests: exceljs rows are 1-based (`[, "a", "b"]` is what `row.values` gives), and the build
  // scripts they check are CommonJS files loaded with require().
  { files: ["test/**/*.{ts,tsx}"], rules: { "no-sparse-arrays": "off", "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts", "test/excel/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Identifier[name='ctx']", message: "请把请求上下文命名为 context (name the request context `context`: the office-addins rules only see `context.sync()`)" },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/workbench/**/*.{ts,tsx}", "test/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
);

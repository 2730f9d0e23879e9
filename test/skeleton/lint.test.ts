/**
 * The lint configuration really checks the Office.js code: eslint-plugin-office-addins' rules
 * apply to src/excel, and they see a batch only when its request context is named `context`,
 * which the configuration enforces there.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

function lint(file: string, code: string): string[] {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "eslint", "bin", "eslint.js"), "--format", "json", "--stdin", "--stdin-filename", file], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  const out = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
  return out[0].messages.map((m) => m.ruleId ?? "(fatal)").sort();
}

const batch = (name: string, body: string) =>
  `export async function read(${name}: Excel.RequestContext): Promise<string> {\n${body}\n}\n`;

test("a property read before context.sync() fails the lint in src/excel", () => {
  const code = batch("context", `  const r = context.workbook.getSelectedRange();\n  r.load("address");\n  return r.address;`);
  expect(lint("src/excel/probe.ts", code)).toEqual(["office-addins/call-sync-after-load", "office-addins/call-sync-before-read"]);
});

test("the same read after the sync passes", () => {
  const code = batch("context", `  const r = context.workbook.getSelectedRange();\n  r.load("address");\n  await context.sync();\n  return r.address;`);
  expect(lint("src/excel/probe.ts", code)).toEqual([]);
});

test("a null object tested against null fails the lint", () => {
  const code = batch(
    "context",
    `  const s = context.workbook.worksheets.getItemOrNullObject("x");\n  await context.sync();\n  return s === null ? "" : "x";`,
  );
  expect(lint("src/excel/probe.ts", code)).toContain("office-addins/test-for-null-using-isNullObject");
});

test("a request context named ctx (invisible to the Office rules) is refused in src/excel", () => {
  const code = batch("ctx", `  const r = ctx.workbook.getSelectedRange();\n  r.load("address");\n  await ctx.sync();\n  return r.address;`);
  expect(lint("src/excel/probe.ts", code)).toContain("no-restricted-syntax");
});

import * as fs from "fs";
import { openWorkbookFile, pickSheet } from "../../src/cli/io";
import { monthlySpec } from "../../src/core/validate/specs";
import { acreSpec } from "../../src/core/acre/spec";
import { poolSpec } from "../../src/core/pool/spec";
import { targetsSpec } from "../../src/core/monitor/targets";
import { TableSpec } from "../../src/core/table";
import { loadFilePort } from "../../src/workbook/fileAdapter";

import { jx, tempDir } from "./helpers";

const tmp = tempDir("jx-template-");

const cases: [string, TableSpec, string, string[]][] = [
  ["monthly", monthlySpec, "月报", ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"]],
  ["acre", acreSpec, "亩均数据", ["企业名称", "统一社会信用代码", "规模", "用地面积(亩)"]],
  ["pool", poolSpec, "培育库", ["企业名称", "统一社会信用代码", "乡镇/园区", "培育层级", "包保领导"]],
  ["targets", targetsSpec, "目标", ["指标", "类型", "年度目标", "单位", "1-本月完成"]],
];

test.each(cases)("jx template %s writes a workbook its reader recognises", async (kind, spec, sheet, firstHeaders) => {
  const out = tmp(`${kind}.xlsx`);
  const r = await jx("template", kind, out);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain(out);
  const opened = await openWorkbookFile(out);
  if ("error" in opened) throw new Error(opened.error);
  const picked = await pickSheet(opened.port, spec);
  if ("error" in picked) throw new Error(picked.error);
  expect(picked.sheet.name).toBe(sheet);
  expect(picked.sheet.values[0].slice(0, firstHeaders.length)).toEqual(firstHeaders);
  expect(picked.table.missing).toEqual([]);
  expect(await opened.port.activeSheet()).toBe(sheet);
});

test("the monthly template keeps the credit-code column as text", async () => {
  const out = tmp("m2.xlsx");
  await jx("template", "monthly", out);
  // The number format is no value: read it with the in-memory adapter.
  const port = await loadFilePort(fs.readFileSync(out), "m2.xlsx");
  expect(port.workbook.getWorksheet("月报")!.getCell("B2").numFmt).toBe("@");
});

test("an existing file needs --force; an unknown kind is exit 2", async () => {
  const out = tmp("twice.xlsx");
  expect((await jx("template", "pool", out)).code).toBe(0);
  const again = await jx("template", "pool", out);
  expect(again.code).toBe(2);
  expect(again.err).toContain("--force");
  expect((await jx("template", "pool", out, "--force")).code).toBe(0);
  const unknown = await jx("template", "weekly", tmp("w.xlsx"));
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain("未知模板“weekly”");
  expect(fs.existsSync(tmp("w.xlsx"))).toBe(false);
});

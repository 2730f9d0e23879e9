import {
  RULE_SETS,
  validateSheet,
  isUnusable,
  SheetValidation,
  ValidationResult,
  monthlyRuleSet,
  acreRuleSet,
  poolRuleSet,
  verdictText,
} from "../../../src/core/validate";
import type { SheetLike } from "../../../src/core/table";
import {
  FixtureSheet,
  monthlyDefects,
  monthlyPrevious,
  monthlyClean,
  monthlyTitled,
  monthlyTwoRowHeader,
  monthlyMissingColumn,
  acreDefects,
  poolDefects,
  uscc,
} from "../../../scripts/make-validate-fixtures";

const [C1, C2, C3] = [uscc(1), uscc(2), uscc(3)];

/** A fixture sheet as the port reads it: "" for empty cells, rectangular. */
export function sheetOf(f: FixtureSheet): SheetLike {
  const width = Math.max(0, ...f.rows.map((r) => r.length));
  return { name: f.name, startRow: 1, startCol: 1, values: f.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

function run(f: FixtureSheet, choice: "auto" | "monthly" | "acre" | "pool" = "auto", options = {}): SheetValidation {
  const v = validateSheet(sheetOf(f), RULE_SETS, choice, options);
  if (isUnusable(v)) throw new Error(v.error);
  return v;
}

const pairs = (r: ValidationResult) => r.findings.map((f) => [f.rule, f.cell]).sort();
const sorted = (xs: Array<[string, string]>) => [...xs].sort();

describe("monthly report (月报)", () => {
  test("one finding per seeded defect, by rule id and cell address", () => {
    const f = monthlyDefects();
    const { result, ruleSet } = run(f);
    expect(ruleSet).toBe(monthlyRuleSet);
    expect(pairs(result)).toEqual(sorted(f.expected!));
    // no last month, last year, sales columns or region given
    expect(result.skipped.map((s) => s.rule)).toEqual(["M-YTD-DECREASE", "M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-REGION", "M-LAST-YEAR"]);
    expect(result.skipped[0].reason).toContain("未提供上月报表");
    expect(result.month).toBe(10); // from the sheet name 10月
    expect(result.rowCount).toBe(14);
  });

  test("with last month's sheet, a decreasing year to date is an error at D18", () => {
    const f = monthlyDefects();
    const { result } = run(f, "monthly", { previousSheet: sheetOf(monthlyPrevious()) });
    // 本月 = 1-本月 − 上月累计 (500 = 5000 − 4500) fails where this month is negative (C11), above
    // the year to date (C13), ×10 (D16) and below last month (D18)
    const identity: Array<[string, string]> = ["C11", "C13", "C16", "C18"].map((c) => ["M-MONTH-IDENTITY", c]);
    expect(pairs(result)).toEqual(sorted([...f.expected!, ["M-YTD-DECREASE", "D18"], ...identity]));
    expect(result.previous).toEqual({ sheet: "9月", how: "指定 (given)" });
    expect(result.skipped.map((s) => s.rule)).toEqual(["M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-REGION", "M-LAST-YEAR"]);
    const d = result.findings.find((x) => x.rule === "M-YTD-DECREASE")!;
    expect(d.message).toBe("“1-本月工业总产值”5000 小于上月累计 5100（9月 第 15 行）(year to date 5000 is below last month's 5100, 9月 row 15)");
  });

  test("severities, explained warnings, counts and the verdict", () => {
    const { result } = run(monthlyDefects());
    const sev = Object.fromEntries(result.findings.map((f) => [`${f.rule}@${f.cell}`, f.severity]));
    expect(sev["M-USCC-FMT@B7"]).toBe("error");
    expect(sev["M-USCC-CHK@B8"]).toBe("warning");
    expect(sev["M-YOY@D14"]).toBe("warning");
    expect(sev["M-UNIT@D16"]).toBe("warning");
    expect(sev["M-PACE@G17"]).toBe("warning");
    expect(sev["RATE@C2"]).toBe("warning");
    const explained = result.findings.filter((f) => f.explained).map((f) => f.cell);
    expect(explained).toEqual(["D15"]);
    // 8 errors, 6 warnings of which 1 explained
    expect(result.counts).toEqual({ error: 8, warning: 6, explained: 1, unexplained: 5 });
    expect(result.ready).toBe(false);
    expect(result.reasons).toEqual([
      "有 8 个错误须修改 (8 error(s) must be fixed)",
      "有 5 个提示未在“说明”列解释 (5 warning(s) not explained in the 说明 column)",
    ]);
    expect(verdictText(result)).toMatch(/^不能提交：有 8 个错误/);
    // errors first, then by row
    expect(result.findings.map((f) => f.severity)).toEqual([...Array(8).fill("error"), ...Array(6).fill("warning")]);
    expect(result.findings[0].cell).toBe("H6");
    expect(result.findings[8].cell).toBe("C2");
  });

  test("messages: zh-CN first, English gloss; 120万元 proposes the number; check digit shows the expected one", () => {
    const { result } = run(monthlyDefects());
    const by = (cell: string) => result.findings.find((f) => f.cell === cell)!;
    expect(by("D10").message).toBe(
      "“1-本月工业总产值”：单元格含单位“万元”，请只填数字（按万元为 5200）(contains the unit 万元; enter the number only, 5200 in 万元)",
    );
    expect(by("D10").value).toBe("5200万元");
    expect(by("B8").message).toMatch(/^统一社会信用代码校验位应为“.”，实际为“.”，请核实（勿自动更正）/);
    expect(by("D14").message).toBe(
      "“1-本月工业总产值”同比增长 66.7%（本期 5000，上年同期 3000），超过 ±30%，请在“说明”列说明原因 (year-on-year +66.7%, beyond ±30%: explain it in 说明)",
    );
    expect(by("D16").message).toBe(
      "“1-本月工业总产值”50000 约为上年同期的 10 倍：本期是否按千元填报？（上年同期 4900）(≈10× last year: entered in 千元 instead of 万元? last year 4900)",
    );
    expect(by("G17").message).toBe(
      "按 1-10 月营业收入 1500 万元推算，全年约 1800 万元，低于规上标准 2000 万元 (at this pace the annual revenue is about 1800 万元, below the 2000 万元 above-scale line)",
    );
    expect(by("C2").message).toBe(
      "“报送率”所列 93.3% 与 13/14 = 92.857% 不符（按所列精度四舍五入为 92.9%，截断为 92.8%）；如分母口径不同，请说明 " +
        "(stated 93.3% does not match 13/14 = 92.857%: 92.9% rounded, 92.8% truncated; explain it if the base differs)",
    );
    expect(by("H19").message).toMatch(/^合计“从业人员”为 1561，各行之和为 1560，相差 1/);
    expect(by("B9").message).toBe("统一社会信用代码与第 5 行重复 (same credit code as row 5)");
  });

  test("the clean table (header variants, text numbers, full-width digits, a correct 合计) has no finding and is ready", () => {
    const { result, table } = run(monthlyClean());
    expect(table.columns.outputYtd.header).toBe("1—本月工业总产值（万元）");
    expect(result.findings).toEqual([]);
    expect(result.ready).toBe(true);
    expect(verdictText(result)).toBe("可以提交 (ready to submit)");
  });

  test("headers on row 3 under a merged title: the month comes from the title", () => {
    const f = monthlyTitled();
    const { result, table } = run(f);
    expect(table.headerRow).toBe(3);
    expect(result.month).toBe(10);
    expect(pairs(result)).toEqual(sorted(f.expected!));
  });

  test("a two-row header with merged group cells", () => {
    const f = monthlyTwoRowHeader();
    const { result, table } = run(f);
    expect(table.headerRow).toBe(2);
    expect(Object.keys(table.columns).sort()).toEqual(["employees", "name", "note", "outputMonth", "outputYtd", "outputYtdLastYear", "revenueYtd", "uscc", "valueAddedYtd"]);
    // no month anywhere (sheet 两行表头, no title): M-PACE is not run, and the result says so
    expect(pairs(result)).toEqual(sorted(f.expected!));
    expect(result.skipped.map((s) => s.rule)).toEqual(["M-YTD-DECREASE", "M-PACE", "M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-REGION", "M-LAST-YEAR"]);
  });

  test("a two-row header 工业总产值 / 营业收入 over 本月 | 累计 | 上年同期: 上年同期 is last year's year to date", () => {
    const C = [uscc(1000), uscc(1001)];
    const f: FixtureSheet = {
      name: "Sheet1",
      rows: [
        ["单位名称", "统一社会信用代码", "工业总产值(万元)", null, null, "工业增加值", "营业收入", null, "从业人员", "备注"],
        [null, null, "本月", "累计", "上年同期", "1—本月", "1—本月", "上年同期", null, null],
        ["甲公司", C[0], 500, 5000, 4800, 1200, 5200, 5000, 120, null],
        ["乙公司", C[1], 500, 5000, 3000, 1200, 5200, 5100, 120, null],
      ],
    };
    const { result, table } = run(f);
    expect(table.columns.outputYtdLastYear?.col).toBe(5);
    expect(table.columns.revenueYtdLastYear?.col).toBe(8);
    expect(pairs(result)).toEqual([["M-YOY", "D4"]]);
  });

  test("--month wins over the sheet name; a 月份 column is used per row", () => {
    const f = monthlyDefects();
    // month 12: 1500 is below 2000 at any pace; revenue 5200 too? 5200 × 12/12 = 5200 ≥ 2000
    const m12 = run(f, "auto", { month: 12 }).result;
    expect(m12.month).toBe(12);
    expect(m12.findings.find((x) => x.rule === "M-PACE")!.message).toContain("全年约 1500 万元");
    const withColumn: FixtureSheet = {
      name: "Sheet1",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "1-本月营业收入", "月份"],
        ["甲", C1, 10, 100, 900, "6月"],
        ["乙", C1, 10, 100, 900, 3],
      ],
    };
    const r = run(withColumn, "monthly").result;
    // 900 × 12/6 = 1800 < 2000; 900 × 12/3 = 3600
    expect(r.findings.filter((x) => x.rule === "M-PACE").map((x) => x.cell)).toEqual(["E2"]);
  });

  test("absent optional columns: their rules are not run, and the result says which column", () => {
    const minimal: FixtureSheet = {
      name: "10月",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"],
        ["甲公司", "91340722MA2N0001", 10, 100],
      ],
    };
    const { result } = run(minimal);
    const skipped = Object.fromEntries(result.skipped.map((s) => [s.rule, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(
      ["M-PACE", "M-UNIT", "M-VA-GT-OUT", "M-YOY", "M-YTD-DECREASE", "M-MONTH-IDENTITY", "M-NOT-REPORTED", "M-EXPORT-GT-SALES", "M-SALES-RATIO", "M-USCC-REGION", "M-LAST-YEAR"].sort(),
    );
    expect(skipped["M-VA-GT-OUT"]).toBe("缺少列“1-本月工业增加值”，未运行 (column 1-本月工业增加值 absent; rule not run)");
    expect(skipped["M-PACE"]).toContain("1-本月营业收入");
    expect(pairs(result)).toEqual([["M-USCC-FMT", "B2"]]);
  });

  test("without a 说明 column, warnings are listed but do not block", () => {
    const f: FixtureSheet = {
      name: "10月",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
        ["甲公司", C1, 100, 1000, 500],
      ],
    };
    const { result } = run(f);
    expect(pairs(result)).toEqual([["M-YOY", "D2"]]);
    expect(result.findings[0].explained).toBe(false);
    expect(result.counts).toEqual({ error: 0, warning: 1, explained: 0, unexplained: 0 });
    expect(result.ready).toBe(true);
    expect(result.notes).toContain("表中无“说明”列：提示仅供核实，不影响提交 (no 说明 column: warnings are listed but do not block)");
  });

  test("every warning explained → ready", () => {
    const f: FixtureSheet = {
      name: "10月",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值", "说明"],
        ["甲公司", C1, 100, 1000, 500, "新生产线投产"],
        ["乙公司", C2, 100, 1000, 980, ""],
      ],
    };
    const { result } = run(f);
    expect(pairs(result)).toEqual([["M-YOY", "D2"]]);
    expect(result.ready).toBe(true);
    expect(verdictText(result)).toBe("可以提交（1 个提示均已说明） (ready to submit)");
  });

  test("the YoY threshold is configurable; the boundary itself is not reported", () => {
    const f: FixtureSheet = {
      name: "10月",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
        ["甲", C1, 100, 1300, 1000], // +30% exactly
        ["乙", C2, 100, 1250, 1000], // +25%
      ],
    };
    expect(run(f).result.findings).toEqual([]);
    expect(run(f, "auto", { yoyThreshold: 0.2 }).result.findings.map((x) => x.cell)).toEqual(["D2", "D3"]);
  });

  test("unit suspicion: ~10×, ~10 000× and the inverse; 3× is a plain YoY warning", () => {
    const f: FixtureSheet = {
      name: "10月",
      rows: [
        ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
        ["a", C1, 1, 48000000, 5000], // ×9600: 元?
        ["b", C2, 1, 480, 5000], // ×0.096
        ["c", C3, 1, 15000, 5000], // ×3
      ],
    };
    const r = run(f).result;
    expect(r.findings.map((x) => [x.rule, x.cell])).toEqual([
      ["M-UNIT", "D2"],
      ["M-UNIT", "D3"],
      ["M-YOY", "D4"],
    ]);
    expect(r.findings[0].message).toContain("本期是否按元填报");
    expect(r.findings[1].message).toContain("1/10");
  });

  test("a required column missing is unusable, naming the column", () => {
    const v = validateSheet(sheetOf(monthlyMissingColumn()), RULE_SETS, "monthly");
    expect(isUnusable(v)).toBe(true);
    expect((v as { error: string }).error).toBe(
      "工作表“10月”缺少必需列“1-本月工业总产值”（月报） (sheet 10月: required column 1-本月工业总产值 of the monthly table is missing)",
    );
  });

  test("an empty sheet and a sheet without a recognisable header are unusable", () => {
    expect(validateSheet({ name: "Sheet1", startRow: 1, startCol: 1, values: [] }, RULE_SETS)).toEqual({ error: "工作表“Sheet1”是空的 (sheet Sheet1 is empty)" });
    const v = validateSheet({ name: "说明", startRow: 1, startCol: 1, values: [["填表说明"], ["请按月填报"]] }, RULE_SETS);
    expect(isUnusable(v) && v.error).toMatch(/^工作表“说明”的前 15 行中找不到可识别的表头/);
  });

  test("the rule set is detected from the headers", () => {
    expect(run(monthlyDefects()).ruleSet.id).toBe("monthly");
    expect(run(acreDefects()).ruleSet.id).toBe("acre");
    expect(run(poolDefects()).ruleSet.id).toBe("pool");
  });

  test("validation never changes its input", () => {
    const s = sheetOf(monthlyDefects());
    const before = JSON.stringify(s);
    validateSheet(s, RULE_SETS, "auto", { previousSheet: sheetOf(monthlyPrevious()) });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe("per-mu data (亩均) and pool (培育库)", () => {
  test("acre: one finding per seeded defect", () => {
    const f = acreDefects();
    const { result, ruleSet } = run(f, "acre");
    expect(ruleSet).toBe(acreRuleSet);
    expect(pairs(result)).toEqual(sorted(f.expected!));
    const by = (cell: string) => result.findings.find((x) => x.cell === cell)!;
    expect(by("D12").severity).toBe("warning");
    expect(by("D12").message).toBe("规下企业用地 2.5 亩，不足 3 亩，不在评价范围，请核实或移出 (below-scale firm with 2.5 亩 < 3 亩 is outside the evaluation; verify or remove it)");
    expect(by("A7").message).toBe("企业名称与第 2 行重复 (same firm name as row 2)");
    // no 说明 column in the per-mu table: the scope warning does not block, the errors do
    expect(result.counts).toEqual({ error: 11, warning: 2, explained: 0, unexplained: 0 });
    expect(result.ready).toBe(false);
  });

  test("pool: one finding per seeded defect", () => {
    const f = poolDefects();
    const { result, ruleSet } = run(f, "pool");
    expect(ruleSet).toBe(poolRuleSet);
    expect(pairs(result)).toEqual(sorted(f.expected!));
    const by = (cell: string) => result.findings.find((x) => x.cell === cell)!;
    expect(by("D9").message).toBe(
      "“培育层级”应为 拟进规、高成长性、专精特新、专精特新“小巨人” 之一，实际为“规上培育” (the tier must be one of 拟进规, 高成长性, 专精特新, 专精特新“小巨人”; found 规上培育)",
    );
    expect(by("E11").message).toBe("拟进规企业须有“包保领导” (every 拟进规 firm needs a leader, 包保领导)");
  });
});

describe("rule ids", () => {
  test("stable, short, unique per set, each documented in docs/validation.md with its severity", () => {
    const doc: string = require("fs").readFileSync(require("path").join(__dirname, "..", "..", "..", "docs", "validation.md"), "utf8");
    for (const set of RULE_SETS) {
      const ids = set.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of set.rules) {
        expect(r.id).toMatch(/^((M|A|P|AP)-[A-Z-]+|RATE)$/);
        const row = doc.split("\n").find((l) => l.startsWith("| ") && new RegExp(`[| ,/]${r.id}[ ,/|]`).test(l));
        expect([r.id, row !== undefined]).toEqual([r.id, true]);
        const sev = row!.split("|")[2];
        expect([r.id, sev.includes(r.severity === "error" ? "错误" : "提示")]).toEqual([r.id, true]);
      }
    }
  });
});

/**
 * Property tests over core parsing (fast-check): parseNumber, parseDate, normalizeHeader and
 * readTable never throw and never produce NaN/±Infinity; numbers round-trip through every way
 * a cell may write them (plain, fixed, thousands-separated with commas or spaces, full-width,
 * percent, bracketed negatives); a generated monthly table is read back exactly whatever the
 * formatting of its cells. 10 000 runs per property under CI=true, 1 000 otherwise.
 * (The custom functions have their own property tests: test/functions/properties.test.ts.)
 */
import fc from "fast-check";
import { parseNumber, toHalfWidth } from "../../src/core/num";
import { dateToSerial, isReadError, normalizeHeader, parseDate, readTable, SheetLike, Table } from "../../src/core/table";
import { monthlySpec } from "../../src/core/validate/specs";
import { poolSpec } from "../../src/core/pool/spec";
import { acreSpec } from "../../src/core/acre/spec";
import { parseAddress } from "../../src/workbook/port";

const numRuns = process.env.CI === "true" ? 10000 : 1000;

/** Half-width ASCII → full-width (what a Chinese input method types). */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Digits of an integer grouped by threes with a separator. */
function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."0123456789.,-+e%()万亿元千 \u3000") }),
  fc.string({ unit: fc.constantFrom(..."０１２３４５６７８９．，－％（）") }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, "1e400", "1e400万元", "-1e400%", "#N/A", "#DIV/0!", "", " ", "\u3000"),
  fc.boolean(),
  fc.constant(null),
);

/** A decimal number as text: sign, integer digits (no leading zeros), optional fraction digits. */
const decimal = fc.record({
  negative: fc.boolean(),
  int: fc.bigInt({ min: 0n, max: 999_999_999_999n }).map(String),
  frac: fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 4 }), { nil: undefined }),
});
type Decimal = { negative: boolean; int: string; frac: string | undefined };
const plainOf = (d: Decimal) => `${d.negative ? "-" : ""}${d.int}${d.frac ? "." + d.frac : ""}`;

describe("parseNumber", () => {
  test("never throws; a number is always finite; an invalid value always has a message", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const p = parseNumber(raw as never);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
        else if (p.kind === "invalid") {
          expect(p.message.length).toBeGreaterThan(0);
          if (p.suggestion !== undefined) expect(Number.isFinite(p.suggestion)).toBe(true);
        } else expect(p.kind).toBe("blank");
      }),
      { numRuns },
    );
  });

  test("a finite number, and its shortest text, read back exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseNumber(x)).toEqual({ kind: "number", value: x });
        const p = parseNumber(String(x));
        expect(p.kind === "number" && p.value === x).toBe(true);
      }),
      { numRuns },
    );
  });

  test("toFixed, thousands-separated (commas or spaces), full-width, padded and bracketed forms all read as the same number", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(",", " ", "，"), (d, sep) => {
        const value = Number(plainOf(d));
        const grouped = `${group(d.int, sep)}${d.frac ? "." + d.frac : ""}`;
        const forms = [
          plainOf(d),
          `${d.negative ? "-" : ""}${grouped}`,
          fullWidth(`${d.negative ? "-" : ""}${grouped.replace(/，/g, ",")}`),
          `  ${d.negative ? "−" : ""}${grouped}\u3000`,
          d.negative ? `(${grouped})` : `+${grouped}`,
          value.toFixed(2) === Number(value.toFixed(2)).toFixed(2) ? value.toFixed(2) : plainOf(d),
        ];
        for (const f of forms) {
          const p = parseNumber(f);
          const expected = f === value.toFixed(2) ? Number(value.toFixed(2)) : value;
          expect({ f, p }).toEqual({ f, p: { kind: "number", value: expected === 0 ? 0 : expected } });
        }
      }),
      { numRuns },
    );
  });

  test("a percentage reads as its decimal without binary noise (5.9% → 0.059)", () => {
    fc.assert(
      fc.property(decimal, fc.boolean(), (d, full) => {
        const text = `${plainOf(d)}%`;
        const p = parseNumber(full ? fullWidth(text) : text);
        const expected = Number(`${plainOf(d)}e-2`);
        expect(p).toEqual({ kind: "number", value: expected === 0 ? 0 : expected });
      }),
      { numRuns },
    );
  });

  test("a unit in the cell is never read as a number; the suggestion is the amount in 万元", () => {
    const units: Array<[string, number]> = [
      ["万元", 1],
      ["万", 1],
      ["亿元", 1e4],
      ["亿", 1e4],
      ["千万元", 1e3],
      ["千元", 0.1],
      ["元", 1e-4],
    ];
    fc.assert(
      fc.property(decimal, fc.constantFrom(...units), ([...[d]]) => d, (d, [unit, factor]) => {
        const p = parseNumber(`${plainOf(d)}${unit}`);
        expect(p.kind).toBe("invalid");
        const expected = Number((Number(plainOf(d)) * factor).toPrecision(15));
        if (p.kind === "invalid") {
          expect(p.suggestion).toBe(expected === 0 ? 0 : expected);
          expect(p.message).toContain(unit === "万" ? "万元" : unit === "亿" ? "亿元" : unit);
        }
      }),
      { numRuns },
    );
  });

  test("digits split by spaces that are not thousands groups are not a number (\"12 34\")", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 }), (a, b) => {
        expect(parseNumber(`${a} ${String(b).padStart(2, "0")}`).kind).toBe("invalid");
      }),
      { numRuns },
    );
  });
});

describe("parseDate", () => {
  test("never throws; a date is a whole serial ≥ 1", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const d = parseDate(raw as never);
        if (d.kind === "date") expect(Number.isInteger(d.serial) && d.serial >= 1).toBe(true);
      }),
      { numRuns },
    );
  });

  test("every written form of a calendar date reads as its serial", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (dt) => {
        const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
        const serial = dateToSerial(y, m, d);
        const p2 = (n: number) => String(n).padStart(2, "0");
        for (const text of [`${y}-${p2(m)}-${p2(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}${p2(m)}${p2(d)}`, `${y}.${m}.${d}`, fullWidth(`${y}-${p2(m)}-${p2(d)}`)]) {
          expect({ text, d: parseDate(text) }).toEqual({ text, d: { kind: "date", serial } });
        }
        expect(parseDate(serial + 0.75)).toEqual({ kind: "date", serial });
      }),
      { numRuns },
    );
  });
});

describe("normalizeHeader", () => {
  test("never throws; full-width and spacing variants of a header normalise alike", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const h = normalizeHeader(raw);
        expect(typeof h.name).toBe("string");
      }),
      { numRuns },
    );
    for (const f of monthlySpec.fields) {
      const h = normalizeHeader(f.header);
      expect(normalizeHeader(fullWidth(f.header))).toEqual(h);
      expect(normalizeHeader(` ${[...f.header].join(" ")} `)).toEqual(h);
    }
  });
});

const HEADERS = [...monthlySpec.fields, ...poolSpec.fields.slice(0, 10), ...acreSpec.fields].flatMap((f) => [f.header, ...(f.synonyms ?? []).slice(0, 2)]);
const gridCell = fc.oneof({ weight: 3, arbitrary: anyCell }, { weight: 2, arbitrary: fc.constantFrom(...HEADERS, "合计", "小计", "合 计", "10月") }, { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100000 }) });
const grid = fc.array(fc.array(gridCell, { maxLength: 8 }), { maxLength: 10 });

function checkTable(t: Table, sheet: SheetLike): void {
  const lastRow = sheet.startRow + sheet.values.length - 1;
  expect(t.headerRow).toBeGreaterThanOrEqual(sheet.startRow);
  const rows = [...t.rows, ...t.totalRows];
  for (const r of rows) {
    expect(r.row).toBeGreaterThan(t.headerRow);
    expect(r.row).toBeLessThanOrEqual(lastRow);
    for (const v of Object.values(r.values)) {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      else if (v !== null) expect(typeof v).toBe("string");
    }
  }
  for (const i of t.issues) {
    const { row, col } = parseAddress(i.address);
    expect([row, col]).toEqual([i.row, i.col]);
    expect(t.rows.some((r) => r.row === i.row)).toBe(true); // never on a header or a 合计 row
    expect(t.columns[i.key].col).toBe(i.col);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

describe("readTable", () => {
  test("never throws on arbitrary small grids (any offset); what it returns is consistent", () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(monthlySpec, poolSpec, acreSpec), (values, startRow, startCol, spec) => {
        const sheet: SheetLike = { name: "S", startRow, startCol, values: values as SheetLike["values"] };
        const t = readTable(sheet, spec);
        if (isReadError(t)) expect(t.error).toMatch(/找不到/);
        else checkTable(t, sheet);
      }),
      { numRuns },
    );
  });

  test("a monthly table is read back exactly, whatever the way each number is written", () => {
    const writeAs = (x: number, how: number): string | number => {
      const s = String(x);
      switch (how) {
        case 0:
          return x;
        case 1:
          return s;
        case 2:
          return group(s.split(".")[0], ",") + (s.includes(".") ? "." + s.split(".")[1] : "");
        case 3:
          return fullWidth(s);
        default:
          return ` ${s}\u3000`;
      }
    };
    const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100);
    const row = fc.tuple(amount, amount, amount, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 3 }), (rows, titleRows) => {
        const header = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"];
        const values = [
          ...Array.from({ length: titleRows }, (_, i) => [i === 0 ? "2023年10月报表" : "单位：万元"]),
          header,
          ...rows.map(([a, b, c, ha, hb, hc], i) => [`企业${i}`, `CODE${i}`, writeAs(a, ha), writeAs(b, hb), writeAs(c, hc)]),
        ];
        const t = readTable({ name: "10月", startRow: 1, startCol: 1, values }, monthlySpec);
        if (isReadError(t)) throw new Error(t.error);
        expect(t.headerRow).toBe(titleRows + 1);
        expect(t.issues).toEqual([]);
        expect(t.rows.map((r) => [r.values.outputMonth, r.values.outputYtd, r.values.outputYtdLastYear])).toEqual(rows.map(([a, b, c]) => [a, b, c]));
        expect(t.rows.map((r) => r.row)).toEqual(rows.map((_, i) => titleRows + 2 + i));
      }),
      { numRuns: Math.ceil(numRuns / 4) },
    );
  });

  test("a header unit converts exactly to 万元 (千元 ÷ 10, 亿元 × 10 000, 元 ÷ 10 000)", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom<[string, number]>(["千元", 10], ["亿元", -1e4], ["元", 1e4]), (d, [unit, f]) => {
        const text = plainOf({ ...d, negative: false });
        const t = readTable({ name: "S", startRow: 1, startCol: 1, values: [["企业名称", `本月工业总产值（${unit}）`], ["甲", text]] }, monthlySpec) as Table;
        const expected = f > 0 ? Number(`${text}e-${Math.log10(f)}`) : Number(`${text}e${Math.log10(-f)}`);
        expect(t.rows[0].values.outputMonth).toBe(Number(expected.toPrecision(15)));
      }),
      { numRuns },
    );
  });

  test("toHalfWidth is the identity on half-width text and inverts the full-width mapping", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."!\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~") }), (s) => {
        expect(toHalfWidth(s)).toBe(s);
        expect(toHalfWidth(fullWidth(s))).toBe(s);
      }),
      { numRuns },
    );
  });
});

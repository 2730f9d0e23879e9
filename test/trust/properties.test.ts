/**
 * Property tests over core parsing (fast-check): parseNumber, parseDate, normalizeHeader and
 * readTable never throw and never produce NaN/±Infinity; numbers round-trip through every way
 * a cell may write them (plain, fixed, thousands-separated with commas or spaces, full-width,
 * percent, bracketed negatives); a generated monthly table is read back exactly whatever the
 * formatting of its cells. 10 000 runs per property under CI=true, 1 000 otherwise.
 * (The custom functions have their own property tests: test/functions/properties.test.ts.)
 */
import fc from "fast-check";
import { MAX_MAGNITUDE, MIN_MAGNITUDE, parseNumber, toHalfWidth } from "../../src/core/num";
import { dateToExcelSerial, isReadError, normalizeHeader, parseDate, readTable, SheetLike, Table } from "../../src/core/table";
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
/** A cheap assertion for hot property loops (expect() is slow at 10 000 runs): throws with what differed. */
function check(ok: boolean, what: () => unknown): void {
  if (!ok) throw new Error(`property failed: ${JSON.stringify(what())}`);
}

/** The outcome of parseNumber with −0 read as 0 (a cell cannot tell them apart). */
const outcome = (raw: unknown) => {
  const p = parseNumber(raw as never);
  return p.kind === "number" ? p.value + 0 : p.kind;
};

describe("parseNumber", () => {
  test("never throws; a number is always finite; an invalid value always has a message", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const p = parseNumber(raw as never);
        if (p.kind === "number") check(Number.isFinite(p.value), () => ({ raw, p }));
        else if (p.kind === "invalid") check(p.message.length > 0 && (p.suggestion === undefined || Number.isFinite(p.suggestion)), () => ({ raw, p }));
        else check(p.kind === "blank", () => ({ raw, p }));
      }),
      { numRuns },
    );
  });

  test("beyond sense (|x| > 1e15, up to ±Infinity): a cell error naming the value, never Infinity or NaN in a message", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 1e15, noNaN: true }), fc.double({ max: -1e15, noNaN: true })).filter((x) => Math.abs(x) > MAX_MAGNITUDE), (x) => {
        for (const raw of [x, String(x)]) {
          const p = parseNumber(raw);
          expect(p.kind).toBe("invalid");
          if (p.kind === "invalid") expect(p.message).not.toMatch(/NaN|Infinity(?!”)/);
        }
      }),
      { numRuns },
    );
  });

  const withinSense = (x: number) => x === 0 || (Math.abs(x) <= MAX_MAGNITUDE && Math.abs(x) >= MIN_MAGNITUDE);

  test("a finite number within sense (0, or 1e-100 ≤ |x| ≤ 1e15), and its shortest text, read back exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, noNaN: true }).filter(withinSense), (x) => {
        expect(parseNumber(x)).toEqual({ kind: "number", value: x });
        const p = parseNumber(String(x));
        expect(p.kind === "number" && p.value === x).toBe(true);
      }),
      { numRuns },
    );
  });

  test("a non-zero number below 1e-100 (down to 5e-324) is a cell error, as a number and as text", () => {
    fc.assert(
      fc.property(fc.double({ min: -MIN_MAGNITUDE, max: MIN_MAGNITUDE, noNaN: true }).filter((x) => x !== 0 && Math.abs(x) < MIN_MAGNITUDE), (x) => {
        expect(parseNumber(x).kind).toBe("invalid");
        expect(parseNumber(String(x)).kind).toBe("invalid");
      }),
      { numRuns },
    );
  });

  test("x.toFixed(k) reads as Number(x.toFixed(k))", () => {
    fc.assert(
      fc.property(fc.double({ min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, k) => {
        const text = x.toFixed(k);
        expect({ text, read: outcome(text) }).toEqual({ text, read: Number(text) + 0 });
      }),
      { numRuns },
    );
  });

  test("thousands-separated (commas, spaces, full-width commas), full-width, padded, signed and bracketed forms all read as the same number", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(",", " ", "，"), (d, sep) => {
        const value = Number(plainOf(d)) + 0;
        const grouped = `${group(d.int, sep)}${d.frac ? "." + d.frac : ""}`;
        const minus = d.negative ? "-" : "";
        const forms = [
          plainOf(d),
          `${minus}${grouped}`,
          fullWidth(`${minus}${grouped.replace(/，/g, ",")}`),
          `  ${d.negative ? "−" : ""}${grouped}\u3000`,
          d.negative ? `(${grouped})` : `+${grouped}`,
          d.negative ? fullWidth(`(${grouped.replace(/，/g, ",")})`) : fullWidth(`+${grouped.replace(/，/g, ",")}`),
        ];
        for (const f of forms) check(outcome(f) === value, () => ({ f, read: outcome(f), value }));
      }),
      { numRuns },
    );
  });

  test("a percentage reads as its decimal without binary noise (5.9% → 0.059)", () => {
    fc.assert(
      fc.property(decimal, fc.boolean(), (d, full) => {
        const text = `${plainOf(d)}%`;
        expect(outcome(full ? fullWidth(text) : text)).toBe(Number(`${plainOf(d)}e-2`) + 0);
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
    // At most 15 significant digits (what Excel keeps), so the expected product is exact to 15 digits.
    const decimal15 = decimal.map((d) => ({ ...d, int: d.int.slice(0, 10) }));
    fc.assert(
      fc.property(decimal15, fc.constantFrom(...units), (d, [unit, factor]) => {
        const p = parseNumber(`${plainOf(d)}${unit}`);
        expect(p.kind).toBe("invalid");
        const expected = Number((Number(plainOf(d)) * factor).toPrecision(15));
        if (p.kind === "invalid") {
          expect(p.suggestion! + 0).toBe(expected + 0);
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
        check(d.kind !== "date" || (Number.isInteger(d.serial) && d.serial >= 1), () => ({ raw, d }));
      }),
      { numRuns },
    );
  });

  test("every written form of a calendar date reads as its serial", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (dt) => {
        const [y, m, d] = [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
        const serial = dateToExcelSerial(y, m, d);
        const p2 = (n: number) => String(n).padStart(2, "0");
        for (const text of [`${y}-${p2(m)}-${p2(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}${p2(m)}${p2(d)}`, `${y}.${m}.${d}`, fullWidth(`${y}-${p2(m)}-${p2(d)}`), serial + 0.75]) {
          const got = parseDate(text);
          check(got.kind === "date" && got.serial === serial, () => ({ text, got, serial }));
        }
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
  check(t.headerRow >= sheet.startRow, () => ({ headerRow: t.headerRow }));
  const dataRows = new Set(t.rows.map((r) => r.row));
  for (const r of [...t.rows, ...t.totalRows]) {
    check(r.row > t.headerRow && r.row <= lastRow, () => ({ row: r.row, headerRow: t.headerRow, lastRow }));
    for (const v of Object.values(r.values)) check(v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)), () => ({ row: r.row, v }));
  }
  for (const i of t.issues) {
    const { row, col } = parseAddress(i.address);
    // on a data row (never a header or a 合计 row), in the field's own column
    check(row === i.row && col === i.col && dataRows.has(i.row) && t.columns[i.key].col === i.col && i.message.length > 0, () => i);
  }
}

describe("readTable", () => {
  test("never throws on arbitrary small grids (any offset); what it returns is consistent", () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(monthlySpec, poolSpec, acreSpec), (values, startRow, startCol, spec) => {
        const sheet: SheetLike = { name: "S", startRow, startCol, values: values as SheetLike["values"] };
        const t = readTable(sheet, spec);
        if (isReadError(t)) check(/找不到/.test(t.error), () => t);
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
    const amount = fc.record({
      int: fc.integer({ min: 0, max: 9_999_999_999 }).map(String),
      frac: fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(amount, fc.constantFrom<[string, number]>(["千元", -1], ["亿元", 4], ["元", -4]), (a, [unit, exp]) => {
        const text = `${a.int}${a.frac ? "." + a.frac : ""}`;
        const t = readTable({ name: "S", startRow: 1, startCol: 1, values: [["企业名称", `本月工业总产值（${unit}）`], ["甲", text]] }, monthlySpec) as Table;
        expect({ text, unit, read: t.rows[0].values.outputMonth }).toEqual({ text, unit, read: Number(`${text}e${exp}`) });
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

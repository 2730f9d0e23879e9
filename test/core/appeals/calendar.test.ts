import { WorkCalendar, builtInCalendar, officialWorkday, LAST_KNOWN_YEAR, KNOWN_YEARS } from "../../../src/core/appeals";
import { serialToIso } from "../../../src/core/table";
import { serial } from "./fixture";

const cal = new WorkCalendar("工作日");
const due = (from: string, n: number) => serialToIso(cal.addWorkdays(serial(from), n));
const between = (a: string, b: string) => cal.workdaysAfter(serial(a), serial(b));

describe("the official calendar (chinese-days data)", () => {
  test("2023 National Day + Mid-Autumn: 9/29–10/6 off, Saturday 10/7 and Sunday 10/8 worked", () => {
    expect(officialWorkday(serial("2023-09-28"))).toBe(true);
    for (const d of ["2023-09-29", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06"]) {
      expect([d, officialWorkday(serial(d))]).toEqual([d, false]);
    }
    expect(officialWorkday(serial("2023-10-07"))).toBe(true); // Saturday, make-up working day
    expect(officialWorkday(serial("2023-10-08"))).toBe(true); // Sunday, make-up working day
    expect(officialWorkday(serial("2023-10-14"))).toBe(false); // an ordinary Saturday
  });

  test("the n-th working day after receipt across the holiday", () => {
    // received Thu 9/28: the 1st working day after is Sat 10/7, the 2nd Sun 10/8, the 3rd Mon 10/9
    expect(due("2023-09-28", 1)).toBe("2023-10-07");
    expect(due("2023-09-28", 2)).toBe("2023-10-08");
    expect(due("2023-09-28", 3)).toBe("2023-10-09");
    expect(due("2023-09-28", 5)).toBe("2023-10-11");
    // received on a holiday: counting starts from the next working day
    expect(due("2023-10-02", 1)).toBe("2023-10-07");
    // received Fri 9/22: Mon 25, Tue 26, Wed 27, Thu 28, then Sat 10/7
    expect(due("2023-09-22", 5)).toBe("2023-10-07");
  });

  test("later published years: 2025 Spring Festival and 2026 National Day with their make-up days", () => {
    // 2025 (State Council notice of Nov 2024): 1/28–2/4 off; Sun 1/26 and Sat 2/8 worked
    expect(due("2025-01-24", 1)).toBe("2025-01-26");
    expect(due("2025-01-24", 3)).toBe("2025-02-05"); // 1/26, 1/27, then 2/5
    expect(between("2025-01-27", "2025-02-08")).toBe(4); // 2/5, 2/6, 2/7 and Sat 2/8
    expect(officialWorkday(serial("2025-02-08"))).toBe(true);
    // 2026: 10/1–10/7 off; Sun 9/20 and Sat 10/10 worked
    expect(officialWorkday(serial("2026-09-20"))).toBe(true);
    expect(due("2026-09-30", 1)).toBe("2026-10-08");
    expect(due("2026-09-30", 3)).toBe("2026-10-10");
  });

  test("working days between two dates (a < d ≤ b)", () => {
    expect(between("2023-09-28", "2023-10-09")).toBe(3);
    expect(between("2023-10-09", "2023-10-20")).toBe(9);
    expect(between("2023-09-28", "2023-09-28")).toBe(0);
    expect(between("2023-10-09", "2023-09-28")).toBe(-3);
  });

  test("a year boundary: 2023-12-28 + 5 working days, 元旦 2024-01-01 off", () => {
    // Fri 12/29 (1); Sat/Sun; Mon 1/1 元旦; Tue 1/2 (2), 1/3 (3), 1/4 (4), Fri 1/5 (5)
    expect(due("2023-12-28", 5)).toBe("2024-01-05");
    expect(between("2023-12-28", "2024-01-05")).toBe(5);
    // 2024 Spring Festival: Sun 2/4 and Sun 2/18 worked, 2/10–2/17 off
    expect(due("2024-02-08", 1)).toBe("2024-02-09");
    expect(due("2024-02-09", 1)).toBe("2024-02-18");
    expect(due("2024-02-02", 1)).toBe("2024-02-04");
  });

  test("calendar days (自然日)", () => {
    const n = new WorkCalendar("自然日");
    expect(serialToIso(n.addWorkdays(serial("2023-09-28"), 3))).toBe("2023-10-01");
    expect(n.workdaysAfter(serial("2023-10-01"), serial("2023-10-20"))).toBe(19);
    expect(n.unknownYearNotes(serial("2027-01-01"), serial("2027-12-31"))).toEqual([]);
  });

  test("a 节假日 override: a local day off, and a day staff make a working day", () => {
    const local = new WorkCalendar("工作日", [
      { serial: serial("2023-10-09"), work: false },
      { serial: serial("2023-10-14"), work: true },
    ]);
    expect(serialToIso(local.addWorkdays(serial("2023-09-28"), 3))).toBe("2023-10-10");
    expect(local.workdaysAfter(serial("2023-10-10"), serial("2023-10-16"))).toBe(5); // 11, 12, 13, Sat 14, 16
  });

  test("years the package does not know: Monday–Friday, and a note naming the year", () => {
    expect(KNOWN_YEARS.has(2023)).toBe(true);
    const y = LAST_KNOWN_YEAR + 1;
    const notes = cal.unknownYearNotes(serial("2023-06-01"), serial(`${y}-01-10`));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`${y} 年`);
    expect(cal.unknownYearNotes(serial("2023-06-01"), serial("2023-12-31"))).toEqual([]);
    // a 节假日 sheet listing days of that year makes it known
    const staffed = new WorkCalendar("工作日", [{ serial: serial(`${y}-01-01`), work: false }]);
    expect(staffed.unknownYearNotes(serial(`${y}-01-01`), serial(`${y}-03-01`))).toEqual([]);
  });

  test("the built-in calendar is shared and has no overrides", () => {
    expect(builtInCalendar()).toBe(builtInCalendar());
    expect(builtInCalendar().workdaysAfter(serial("2023-09-28"), serial("2023-10-09"))).toBe(3);
  });

  test("long ranges: 250 working days after a date and back", () => {
    const start = serial("2023-01-03");
    const end = cal.addWorkdays(start, 250);
    expect(cal.workdaysAfter(start, end)).toBe(250);
    expect(cal.isWorkday(end)).toBe(true);
  });
});

import { serialToIso, todayIso, todaySerial } from "../../../src/core/table/dates";

test("today is the local calendar day, whatever the hour (no UTC shift)", () => {
  expect(todayIso(new Date(2023, 9, 8, 0, 5))).toBe("2023-10-08");
  expect(todayIso(new Date(2023, 9, 8, 23, 55))).toBe("2023-10-08");
  expect(todayIso(new Date(2024, 1, 29, 12))).toBe("2024-02-29");
  // Excel serial of 2023-10-08 is 45207.
  expect(todaySerial(new Date(2023, 9, 8, 18))).toBe(45207);
  expect(serialToIso(todaySerial(new Date(2023, 0, 1)))).toBe("2023-01-01");
});

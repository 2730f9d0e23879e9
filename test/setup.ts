/**
 * jest setup for every test file.
 * - The DOM tests' waitFor / findBy wait up to 10 s (not 1 s), so that a pane test on a loaded
 *   2-core machine fails only when the pane is wrong, not slow.
 * - A pane test ends only when the pane is idle: each tab marks its root aria-busy while work it
 *   started runs (src/taskpane/shared/useWork.ts), and this hook — registered before
 *   testing-library's cleanup, so it runs first — waits for it to clear. (@testing-library/dom's
 *   waitFor runs through the act-aware wrapper @testing-library/react installs when a test loads it.)
 * - A React "not wrapped in act(...)" warning fails the test that caused it: it means the pane
 *   changed after the test stopped looking, so the test asserted on a half-finished state.
 */
import { configure, waitFor } from "@testing-library/dom";

configure({ asyncUtilTimeout: 10000 });

const inDom = typeof document !== "undefined";
let actWarnings: string[] = [];
let spy: jest.SpyInstance | null = null;

if (inDom) {
  const original = console.error;
  beforeEach(() => {
    actWarnings = [];
    spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(" ");
      if (/not wrapped in act\(/.test(text)) actWarnings.push(text.split("\n")[0]);
      original(...args);
    });
  });

  afterEach(async () => {
    await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
    spy?.mockRestore();
    if (actWarnings.length) {
      throw new Error(`React updated the pane outside act() ${actWarnings.length}× — wait for the pane (test/taskpane/settle.ts) before the next step:\n${[...new Set(actWarnings)].join("\n")}`);
    }
  });
}

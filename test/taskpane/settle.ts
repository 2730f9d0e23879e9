/**
 * Waiting for the pane in the jsdom tests. Every tab marks its root aria-busy while work it started
 * runs (src/taskpane/shared/useWork.ts); `idle` waits until none does. `press` clicks a button once
 * it is enabled and then waits until the pane is idle again, with no gap between the click and
 * the wait in which the pane's work could update it outside testing-library's waiting — so the
 * next line sees the finished result and React has nothing to warn about.
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";

export const busyElement = (): Element | null => document.querySelector('[aria-busy="true"]');

/** Resolves once no part of the pane is busy. */
export async function idle(): Promise<void> {
  await waitFor(() => expect(busyElement()).toBeNull());
}

const enabled = (b: HTMLElement) => !(b as HTMLButtonElement).disabled && b.getAttribute("aria-disabled") !== "true";

/** Clicks the button (by accessible name, or the element itself) once enabled; resolves when the pane is idle again. */
export async function press(button: RegExp | string | HTMLElement): Promise<void> {
  const find = () => (typeof button === "object" && !(button instanceof RegExp) ? button : screen.getByRole("button", { name: button }));
  await waitFor(() => expect(enabled(find())).toBe(true));
  fireEvent.click(find());
  await idle();
}

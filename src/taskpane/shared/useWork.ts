/**
 * A tab's work in flight. `busy` is true while any tracked task runs. It is a count, so a refresh
 * that an action starts keeps the tab busy until the last task ends, and two overlapping tasks
 * cannot clear each other's spinner. Each tab puts it on its root as `aria-busy` (a screen reader
 * hears that the region is updating; the pane tests wait for it to clear before they end).
 * Every asynchronous thing a tab does goes through `track`.
 */
import * as React from "react";

export interface Work {
  busy: boolean;
  /** Runs a task (or follows a promise already started) while the tab shows it is busy. */
  track: <T>(task: Promise<T> | (() => Promise<T>)) => Promise<T>;
}

export function useWork(): Work {
  const [count, setCount] = React.useState(0);
  const track = React.useCallback(<T,>(task: Promise<T> | (() => Promise<T>)): Promise<T> => {
    setCount((c) => c + 1);
    let p: Promise<T>;
    try {
      p = typeof task === "function" ? task() : task;
    } catch (e) {
      p = Promise.reject(e);
    }
    return p.finally(() => setCount((c) => c - 1));
  }, []);
  return { busy: count > 0, track };
}

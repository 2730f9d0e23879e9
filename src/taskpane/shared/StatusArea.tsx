/**
 * The tabs' feedback under their buttons. StatusBar: one MessageBar for a status (Pool and
 * Validate use it alone). StatusArea: busy spinner, error bar, status bar (Per-mu, Monitoring).
 * The tabs differ only in the spinner's label, the bars' data-testid (tests look for them) and
 * whether the bars are always multiline, so those are props; a testid left out renders none,
 * and without `multiline` the bars keep Fluent's default (auto) layout.
 */
import * as React from "react";
import type { JSX } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";

export type Status = { intent: "success" | "warning" | "error" | "info"; text: string } | null;

export interface StatusBarProps {
  status: Status;
  testId?: string;
  multiline?: boolean;
}

/** One MessageBar for a status, or nothing when there is none. */
export function StatusBar({ status, testId, multiline }: StatusBarProps): JSX.Element | null {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} layout={multiline ? "multiline" : undefined} data-testid={testId}>
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}

export interface StatusAreaProps {
  busy?: boolean;
  busyLabel?: string;
  error?: string | null;
  status?: Status;
  errorTestId?: string;
  statusTestId?: string;
  multiline?: boolean;
}

/** Spinner (while busy), then the error bar, then the status bar. */
export function StatusArea({ busy, busyLabel, error, status, errorTestId, statusTestId, multiline }: StatusAreaProps): JSX.Element {
  return (
    <>
      {busy ? <Spinner size="tiny" label={busyLabel} /> : null}
      <StatusBar status={error ? { intent: "error", text: error } : null} testId={errorTestId} multiline={multiline} />
      <StatusBar status={status ?? null} testId={statusTestId} multiline={multiline} />
    </>
  );
}

/**
 * Waiting for Office.js, with a timeout: outside Office (or when office.js fails to load),
 * `Office.onReady` may never settle, and the pane must say so instead of staying blank.
 */
export type OfficeState =
  | { kind: "excel" }
  | { kind: "other-host"; host: string | null }
  | { kind: "no-office"; reason: "missing" | "timeout" | "error"; detail?: string };

export const OFFICE_READY_TIMEOUT_MS = 10_000;

type OfficeLike = Pick<typeof Office, "onReady" | "HostType">;

export function waitForOffice(
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): Promise<OfficeState> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ kind: "no-office", reason: "missing" });
  return new Promise<OfficeState>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "no-office", reason: "timeout" }), timeoutMs);
    const done = (s: OfficeState) => {
      clearTimeout(timer);
      resolve(s);
    };
    try {
      Promise.resolve(office.onReady()).then(
        (info) => {
          const host = info && info.host ? String(info.host) : null;
          done(info && info.host === office.HostType.Excel ? { kind: "excel" } : { kind: "other-host", host });
        },
        (e: unknown) => done({ kind: "no-office", reason: "error", detail: String(e) }),
      );
    } catch (e) {
      done({ kind: "no-office", reason: "error", detail: String(e) });
    }
  });
}

/** The message shown when the pane cannot run: zh-CN first, English second. */
export function officeStateMessage(state: Exclude<OfficeState, { kind: "excel" }>, timeoutMs = OFFICE_READY_TIMEOUT_MS): { title: string; body: string } {
  if (state.kind === "other-host") {
    if (state.host === null) {
      return {
        title: "未在 Excel 中运行 (Not running inside Excel)",
        body:
          "请在 Excel 中通过“开始 › 经信助手”打开本加载项；没有 Excel 的电脑可使用浏览器工作台（npm run workbench）。" +
          " (Open this add-in from Excel: Home › Jingxin. Without Excel, use the browser workbench: npm run workbench.)",
      };
    }
    return {
      title: "仅支持 Excel (Excel only)",
      body: `本加载项只能在 Excel 中使用，当前宿主为 ${state.host}。 (This add-in runs in Excel only; the current host is ${state.host}.)`,
    };
  }
  if (state.reason === "missing") {
    return {
      title: "Office.js 未能加载 (Office.js did not load)",
      body:
        "找不到 office-js/office.js。请确认加载项已完整部署（office-js 文件夹与 taskpane.html 同级），然后重新打开任务窗格。" +
        " (office-js/office.js could not be loaded. Check that the add-in was deployed completely — the office-js folder next to taskpane.html — and reopen the task pane.)",
    };
  }
  if (state.reason === "timeout") {
    const s = Math.round(timeoutMs / 1000);
    return {
      title: `Excel 在 ${s} 秒内未响应 (Excel did not respond within ${s} s)`,
      body:
        "请关闭并重新打开任务窗格；若仍出现，请重启 Excel，并参阅 docs/deployment.md 的“Troubleshooting”部分。" +
        " (Close and reopen the task pane; if this persists, restart Excel and see docs/deployment.md › Troubleshooting.)",
    };
  }
  return {
    title: "Office 初始化失败 (Office failed to initialise)",
    body: `${state.detail ?? ""} — 请重新打开任务窗格。 (Reopen the task pane.)`,
  };
}

/**
 * The ribbon: one 经信助手 tab with one 经信助手 group whose button opens the task pane
 * (`Application.CreateTaskPane(url, title)`), as the wpsjs templates do. The pane's ID is kept
 * in PluginStorage so a second click shows the same pane instead of opening another; a pane
 * the user closed for good (Delete) is created again. ribbon.xml names these callbacks as
 * `ribbon.OnAddinLoad`, `ribbon.OnAction`, `ribbon.GetImage`.
 */
export const PANE_BUTTON = "jxOpenPane";
export const PANE_TITLE = "经信助手";
const PANE_KEY = "jingxin_taskpane_id";
/** Kso.MsoCTPDockPosition.msoCTPDockPositionRight */
const DOCK_RIGHT = 2;

export interface TaskPaneLike {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

export interface RibbonHost {
  CreateTaskPane(url: string, title?: string): TaskPaneLike;
  GetTaskPane(id: number): TaskPaneLike | null | undefined;
  PluginStorage: { getItem(key: string): string | null | undefined; setItem(key: string, value: string | number): void };
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
}

/** Show the pane, creating it the first time (or again when WPS no longer knows it). */
export function openPane(host: RibbonHost, url: string): TaskPaneLike {
  const known = Number(host.PluginStorage.getItem(PANE_KEY) || 0);
  let pane: TaskPaneLike | null | undefined = null;
  if (known) {
    try {
      pane = host.GetTaskPane(known);
    } catch {
      pane = null;
    }
  }
  if (!pane) {
    pane = host.CreateTaskPane(url, PANE_TITLE);
    pane.DockPosition = DOCK_RIGHT;
    pane.Width = 420;
    host.PluginStorage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

export function createRibbon(host: () => RibbonHost, paneUrl: () => string): RibbonCallbacks {
  return {
    OnAddinLoad: () => true,
    OnAction(control) {
      if (control.Id === PANE_BUTTON) openPane(host(), paneUrl());
      return true;
    },
    GetImage: () => "assets/icon-32.png",
  };
}

/** The ribbon button's pane handling (src/wps/ribbon.ts) under a stub WPS Application. */
import { createRibbon, openPane, PANE_BUTTON, PANE_TITLE, RibbonHost, TaskPaneLike } from "../../src/wps/ribbon";

function stubHost() {
  const panes: (TaskPaneLike & { url: string; title?: string; deleted?: boolean })[] = [];
  const store = new Map<string, string>();
  const host: RibbonHost = {
    CreateTaskPane: (url, title) => {
      const p = { ID: 100 + panes.length, Visible: false, DockPosition: 0, Width: 0, url, title };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id) => {
      const p = panes.find((x) => x.ID === id);
      if (!p || p.deleted) throw new Error("no such task pane");
      return p;
    },
    PluginStorage: { getItem: (k) => store.get(k) ?? "", setItem: (k, v) => void store.set(k, String(v)) },
  };
  return { host, panes };
}

test("the first click creates the 经信助手 pane docked right; later clicks show the same one", () => {
  const { host, panes } = stubHost();
  const ribbon = createRibbon(() => host, () => "file:///x/taskpane.html");
  expect(ribbon.OnAction({ Id: PANE_BUTTON })).toBe(true);
  panes[0].Visible = false;
  ribbon.OnAction({ Id: PANE_BUTTON });
  ribbon.OnAction({ Id: "somethingElse" });
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2, url: "file:///x/taskpane.html", title: PANE_TITLE });
});

test("a pane WPS no longer knows (deleted) is created again", () => {
  const { host, panes } = stubHost();
  openPane(host, "taskpane.html");
  panes[0].deleted = true;
  const p = openPane(host, "taskpane.html");
  expect(panes).toHaveLength(2);
  expect(p).toBe(panes[1]);
  expect(p.Visible).toBe(true);
});

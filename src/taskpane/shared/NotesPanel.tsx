/**
 * Data notes (what the CLI prints to stderr: blank months counted as 0, unreadable cells, a
 * parameter not used …), grouped by where they come from and collapsible, so a long list never
 * pushes the results out of a 320 px pane. Closed when a group has more than three notes.
 */
import * as React from "react";
import type { JSX } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "4px" },
  list: { margin: "4px 0 0", paddingLeft: "18px", display: "flex", flexDirection: "column", rowGap: "2px" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface NoteGroup {
  title: string;
  notes: string[];
}

export function NotesPanel({ groups, testId = "notes" }: { groups: NoteGroup[]; testId?: string }): JSX.Element | null {
  const s = useStyles();
  const shown = groups.map((g) => ({ ...g, notes: [...new Set(g.notes)] })).filter((g) => g.notes.length);
  if (!shown.length) return null;
  return (
    <section className={s.root} aria-label="数据提示 (data notes)" data-testid={testId}>
      {shown.map((g) => (
        <details key={g.title} open={g.notes.length <= 3}>
          <summary>
            <Text size={200} weight="semibold">
              {g.title}（{g.notes.length} 条）
            </Text>
          </summary>
          <ul className={s.list}>
            {g.notes.slice(0, 200).map((n) => (
              <li key={n}>
                <Text size={200} className={s.muted}>
                  注意 (note)：{n}
                </Text>
              </li>
            ))}
            {g.notes.length > 200 ? (
              <li>
                <Text size={200} className={s.muted}>
                  …另有 {g.notes.length - 200} 条 (and {g.notes.length - 200} more)
                </Text>
              </li>
            ) : null}
          </ul>
        </details>
      ))}
    </section>
  );
}

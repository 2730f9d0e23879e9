/** A full-pane message when the pane cannot run (no host, host too old, no workbook). */
import * as React from "react";
import { FluentProvider, webLightTheme, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function Notice({ title, body, intent = "warning" }: { title: string; body: string; intent?: "warning" | "error" }): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh" }}>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <div>{body}</div>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

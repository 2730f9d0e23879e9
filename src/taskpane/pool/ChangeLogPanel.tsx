/** The 变动记录 (change log), newest first, each with 撤销 (undo). */
import * as React from "react";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { ChangeRecord } from "../../core/pool/actions";

export function ChangeLogPanel({ log, error, busy, onUndo }: { log: ChangeRecord[]; error: string | null; busy: boolean; onUndo: (r: ChangeRecord) => void }): React.JSX.Element {
  if (error) return <Text role="alert">变动记录无法读取 (change log unreadable)：{error}</Text>;
  if (log.length === 0) return <Text>暂无变动记录 (no changes recorded yet)</Text>;
  return (
    <Table size="small" aria-label="变动记录 (change log)">
      <TableHeader>
        <TableRow>
          {["日期", "企业名称", "字段", "原值", "新值", "原因", ""].map((h, i) => (
            <TableHeaderCell key={i}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {log.map((r) => (
          <TableRow key={r.row} data-testid="log-row">
            <TableCell>{r.date}</TableCell>
            <TableCell>{r.firm}</TableCell>
            <TableCell>{r.field}</TableCell>
            <TableCell>{String(r.old)}</TableCell>
            <TableCell>{String(r.new)}</TableCell>
            <TableCell>{r.reason}</TableCell>
            <TableCell>
              <Button size="small" disabled={busy} onClick={() => onUndo(r)} aria-label={`撤销 ${r.firm} ${r.field}`}>
                撤销
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

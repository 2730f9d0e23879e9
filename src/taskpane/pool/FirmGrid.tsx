/** The firm list: a Fluent DataGrid, sorted by the tab (gap ascending by default). */
import * as React from "react";
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  createTableColumn,
  Badge,
  ProgressBar,
  Text,
  TableColumnDefinition,
  SortDirection,
  TableColumnId,
} from "@fluentui/react-components";
import type { SortKey } from "../../core/pool/analyze";
import type { FirmRowModel } from "./model";

// Rows arrive sorted (sortFirms): the grid keeps their order. Fluent deems a column sortable by
// its compare function's arity, hence the two unused parameters.
const keep = (_a: FirmRowModel, _b: FirmRowModel) => 0;

const columns: TableColumnDefinition<FirmRowModel>[] = [
  createTableColumn<FirmRowModel>({
    columnId: "name",
    compare: keep,
    renderHeaderCell: () => "企业名称",
    renderCell: (r) => (
      <span title={r.title}>
        {r.name}{" "}
        {r.atRisk ? (
          <Badge color="danger" size="small" data-testid="at-risk">
            预警
          </Badge>
        ) : null}
      </span>
    ),
  }),
  createTableColumn<FirmRowModel>({
    columnId: "gap",
    compare: keep,
    renderHeaderCell: () => "差距 / 尚需月均",
    renderCell: (r) => (
      <span style={{ display: "flex", flexDirection: "column" }}>
        <Text data-testid="gap" style={{ color: r.firm.measured && r.firm.gap !== null && r.firm.gap < 0 ? "#c50f1f" : undefined }}>
          {r.gap}
        </Text>
        {r.firm.measured && r.needed !== "—" ? (
          // 尚需月均 beside the firm's own average: "needs 250 a month, averages 150" at a glance
          <span style={{ display: "flex", flexWrap: "wrap", columnGap: "6px" }}>
            <Text size={200} data-testid="needed" style={{ color: r.behindPace ? "#c50f1f" : undefined }}>
              月需 {r.needed}
            </Text>
            <Text size={200} data-testid="avg">
              月均 {r.avg}
            </Text>
          </span>
        ) : null}
        {r.hint ? (
          <Text size={200} data-testid="firm-hint" style={{ color: r.reached ? "#107c10" : r.atRisk || r.behindPace ? "#c50f1f" : undefined }}>
            {r.hint}
          </Text>
        ) : null}
      </span>
    ),
  }),
  createTableColumn<FirmRowModel>({
    columnId: "progress",
    renderHeaderCell: () => "进度",
    // the progress toward 2000 万 is the 拟进规 tier's; the other tiers have their own criteria
    renderCell: (r) =>
      r.firm.measured ? <ProgressBar value={r.progress} color={r.progress >= 1 ? "success" : r.atRisk ? "warning" : "brand"} aria-label={`${Math.round(r.progress * 100)}%`} /> : "—",
  }),
];

/**
 * Three columns that fit a 320 px pane: the name, the gap with 尚需月均 and the hint, the
 * progress bar (月需 beside 月均). Tier, status, leader, 1-本月 and 预计全年 are in the firm's detail.
 */
const columnSizing = {
  name: { minWidth: 110, idealWidth: 130 },
  gap: { minWidth: 80, idealWidth: 96 },
  progress: { minWidth: 44, idealWidth: 52 },
};

export interface SortState {
  key: SortKey;
  dir: "asc" | "desc";
}

export function FirmGrid({
  rows,
  sort,
  onSort,
  selected,
  onSelect,
}: {
  rows: FirmRowModel[];
  sort: SortState;
  onSort: (s: SortState) => void;
  selected: string | null;
  onSelect: (row: FirmRowModel) => void;
}): React.JSX.Element {
  const sortState = { sortColumn: sort.key as TableColumnId, sortDirection: (sort.dir === "asc" ? "ascending" : "descending") as SortDirection };
  return (
    <div style={{ overflowX: "auto" }} data-scroll-x>
    <DataGrid
      items={rows}
      columns={columns}
      resizableColumns
      columnSizingOptions={columnSizing}
      sortable
      sortState={sortState}
      onSortChange={(_, s) => onSort({ key: s.sortColumn as SortKey, dir: s.sortDirection === "ascending" ? "asc" : "desc" })}
      getRowId={(r) => r.key}
      size="small"
      aria-label="培育企业列表 (pool firms)"
    >
      <DataGridHeader>
        <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
      </DataGridHeader>
      <DataGridBody<FirmRowModel>>
        {({ item, rowId }) => (
          <DataGridRow<FirmRowModel>
            key={rowId}
            data-testid="firm-row"
            aria-selected={selected === item.key}
            style={{ cursor: "pointer", background: selected === item.key ? "#ebf3fc" : undefined }}
            onClick={() => onSelect(item)}
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
    </div>
  );
}

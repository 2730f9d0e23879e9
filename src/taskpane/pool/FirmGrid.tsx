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
  createTableColumn<FirmRowModel>({ columnId: "tier", renderHeaderCell: () => "层级", renderCell: (r) => r.tier }),
  createTableColumn<FirmRowModel>({ columnId: "status", renderHeaderCell: () => "状态", renderCell: (r) => r.status }),
  createTableColumn<FirmRowModel>({ columnId: "leader", compare: keep, renderHeaderCell: () => "包保领导", renderCell: (r) => r.leader }),
  createTableColumn<FirmRowModel>({ columnId: "ytd", compare: keep, renderHeaderCell: () => "1-本月", renderCell: (r) => r.ytd }),
  createTableColumn<FirmRowModel>({ columnId: "projection", compare: keep, renderHeaderCell: () => "预计全年", renderCell: (r) => r.projection }),
  createTableColumn<FirmRowModel>({
    columnId: "gap",
    compare: keep,
    renderHeaderCell: () => "差距/增速",
    renderCell: (r) => <Text style={{ color: r.firm.measured && r.firm.gap !== null && r.firm.gap < 0 ? "#c50f1f" : undefined }}>{r.gap}</Text>,
  }),
  createTableColumn<FirmRowModel>({
    columnId: "needed",
    renderHeaderCell: () => "尚需月均",
    renderCell: (r) => <Text style={{ color: r.behindPace ? "#c50f1f" : undefined }}>{r.needed}</Text>,
  }),
  createTableColumn<FirmRowModel>({ columnId: "avg", renderHeaderCell: () => "本年月均", renderCell: (r) => r.avg }),
  createTableColumn<FirmRowModel>({
    columnId: "hint",
    renderHeaderCell: () => "提示",
    renderCell: (r) =>
      r.hint ? (
        <Text size={200} data-testid="firm-hint" style={{ color: r.reached ? "#107c10" : r.atRisk || r.behindPace ? "#c50f1f" : undefined }}>
          {r.hint}
        </Text>
      ) : null,
  }),
  createTableColumn<FirmRowModel>({
    columnId: "progress",
    renderHeaderCell: () => "进度",
    // the progress toward 2000 万 is the 拟进规 tier's; the other tiers have their own criteria
    renderCell: (r) =>
      r.firm.measured ? <ProgressBar value={r.progress} color={r.progress >= 1 ? "success" : r.atRisk ? "warning" : "brand"} aria-label={`${Math.round(r.progress * 100)}%`} /> : "—",
  }),
];

/** Widths for a narrow task pane: the name keeps room, the figures stay compact; the grid scrolls sideways. */
const columnSizing = {
  name: { minWidth: 140, idealWidth: 170 },
  tier: { minWidth: 52, idealWidth: 60 },
  status: { minWidth: 52, idealWidth: 56 },
  leader: { minWidth: 56, idealWidth: 64 },
  ytd: { minWidth: 64, idealWidth: 72 },
  projection: { minWidth: 64, idealWidth: 72 },
  gap: { minWidth: 60, idealWidth: 68 },
  needed: { minWidth: 60, idealWidth: 68 },
  avg: { minWidth: 60, idealWidth: 68 },
  progress: { minWidth: 60, idealWidth: 72 },
  hint: { minWidth: 120, idealWidth: 180 },
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
    <div style={{ overflowX: "auto" }}>
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

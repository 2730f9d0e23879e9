/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model (typings: et-jsapi-declare, lib.et.d.ts) that Jingxin
 * uses, and nothing more: the WPS adapter is written against these types, and the test fake
 * (test/wps/fakeEt.ts) implements exactly them. Every member is picked from the typings, so a
 * name or signature the typings do not have does not compile.
 *
 * The object model is synchronous (VBA-style): every property read and method call goes to
 * WPS and back before the next line runs. Indices are 1-based; colours are BGR numbers.
 * The typings' enums are ambient (no runtime object): the values used are constants below.
 */

export type EtInterior = Pick<Et.Interior, "Color" | "Pattern">;
export type EtValidation = Pick<Et.Validation, "Add" | "Delete">;

export interface EtRange extends Pick<Et.Range, "Row" | "Column" | "Value2" | "Formula" | "NumberFormat" | "Select" | "Clear" | "UnMerge" | "Left" | "Top"> {
  readonly Rows: Pick<Et.Range, "Count">;
  readonly Columns: Pick<Et.Range, "Count">;
  readonly Interior: EtInterior;
  readonly Validation: EtValidation;
}

export type EtListObject = Pick<Et.ListObject, "Name" | "Delete">;

export interface EtListObjects extends Pick<Et.ListObjects, "Count"> {
  Item(index: number): EtListObject;
  /** ListObjects.Add of VBA; the typings list only `_Add` (same parameters). */
  Add?: EtListObjects["_Add"];
  _Add(SourceType?: number, Source?: EtRange, LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObject;
}

export interface EtChart extends Pick<Et.Chart, "HasTitle"> {
  SetSourceData(Source: EtRange, PlotBy?: number): void;
  readonly ChartTitle: Pick<Et.ChartTitle, "Text">;
}

export interface EtShape extends Pick<Et.Shape, "Name" | "Delete"> {
  readonly Chart: EtChart;
}

export interface EtShapes extends Pick<Et.Shapes, "Count"> {
  Item(index: number): EtShape;
  AddChart2(...args: Parameters<Et.Shapes["AddChart2"]>): EtShape;
}

export interface EtWorksheet extends Pick<Et.Worksheet, "Name" | "Activate" | "Visible"> {
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(cell1: string): EtRange;
  readonly ListObjects: EtListObjects;
  readonly Shapes: EtShapes;
}

export interface EtSheets extends Pick<Et.Sheets, "Count"> {
  /** 1-based; a name that is not a sheet gives no usable sheet (the adapter never asks for one). */
  Item(index: number): EtWorksheet;
  /** May return null in WPS (a third-party report): the new sheet is then the active one. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet | null;
}

export interface EtWorkbook extends Pick<Et.Workbook, "Name"> {
  readonly Sheets: EtSheets;
}

export interface EtApplication extends Pick<Et.Application, "ScreenUpdating"> {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
}

/** Constants of the typings' enums (XlSheetVisibility, Constants, XlDVType, …). */
export const ET = {
  xlSheetVisible: -1,
  xlSheetHidden: 0,
  /** Interior.Pattern of a cell without fill (Constants.xlNone). */
  xlNone: -4142,
  xlSolid: 1,
  xlValidateList: 3,
  xlValidAlertStop: 1,
  xlBetween: 1,
  xlSrcRange: 1,
  xlYes: 1,
  xlColumnClustered: 51,
  xlBarClustered: 57,
  xlLine: 4,
  xlColumns: 2,
} as const;

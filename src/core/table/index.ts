/**
 * core/table: how every table is read (docs/reading.md). One module per rule:
 *   units.ts   the unit table (元 … 亿元, 亩/平方米/公顷, 吨标煤, counts, %) and conversions
 *   dates.ts   Excel serials ↔ dates (1900 leap-year bug), date cells incl. month precision
 *   fields.ts  shared columns (企业名称, 统一社会信用代码 …) and their synonyms
 *   headers.ts header normalisation (units split off by units.ts)
 *   read.ts    the reader: header row, table end, typed rows, cell issues
 *   month.ts   the report month: one resolver, one precedence
 *   chooser.ts which sheet holds which table kind (kinds.ts lists the kinds)
 */
export * from "./read";
export * from "./headers";
export * from "./month";
export * from "./units";
export * from "./dates";
export * from "./fields";
export * from "./chooser";

/**
 * Enterprise appeals (企业诉求闭环, domain.md §5): the register, its working-day calendar, the
 * analysis as of a date, the JSON and sheet faces, and the cell function's card.
 */
export * from "./card";
export * from "./calendar";
export * from "./spec";
export * from "./params";
export * from "./analyze";
export * from "./report";
export * from "./load";
export * from "./template";

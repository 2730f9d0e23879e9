export * from "./read";
export * from "./headers";
export * from "./month";

export * from "./auth";
export * from "./client";
export * from "./database";
export * from "./sql-counter";
export * from "./system";
export * from "./matrix";
export * from "./crawler";
export * from "./boundary-probes";

export * from "./quorum";
export * from "./notice";

export { parseFuzzArgs, parseSubgraphs, oversizedPlan, type FuzzArgs } from "./cli-args";
export { generate, type Plan } from "./generator";
export { loadTargets, readSchemas, subgraphSchema, supergraphSchema, ROOT, type Target } from "./model";
export { FAILURE_KINDS, judge, type FailureKind, type Finding, type Verdict } from "./oracle";
export { countByKind, describeRequest, failureMessage, formatSummary, writeReport } from "./report";
export { runFuzz, type Failure, type RunOptions, type RunResult } from "./runner";
export { credentials, type Credential, type TokenSettings } from "./tokens";

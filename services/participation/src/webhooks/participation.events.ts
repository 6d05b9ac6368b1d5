import { globalId, type OutboxEvent } from "@contagem/schema";
import type { ProcessEntity } from "../processes/process.entity";

/**
 * `process.results_published`: a process's results stand (an election's official results were recorded, or the
 * process closed). Public fields only; the figures themselves are read from the graph by the id, with their
 * suppression rules applied.
 */
export const resultsPublished = (process: ProcessEntity): OutboxEvent => ({
  type: "process.results_published",
  data: {
    id: globalId("ParticipatoryProcess", process.id),
    council: process.councilId ? globalId("Council", process.councilId) : null,
    kind: process.kind,
    status: process.status,
  },
});

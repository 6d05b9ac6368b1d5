import { conflict } from "@contagem/schema";
import { PhaseKind, ProcessStatus } from "../processes/process.enums";
import { ProposalStatus } from "./proposal.enums";

/**
 * A proposal's life: PUBLISHED → SELECTED or NOT_SELECTED (STAFF decides, once citizens are done with the process),
 * or PUBLISHED → WITHDRAWN (its author while the process is OPEN, or STAFF). Every other step is CONFLICT: a
 * decision or a withdrawal is final.
 */
export function requirePublished(status: ProposalStatus, step: string): void {
  if (status !== ProposalStatus.PUBLISHED) {
    throw conflict(`The proposal is ${status}: only a PUBLISHED proposal can be ${step}.`, { status });
  }
}

/** Phases in which citizens act on a process: a decision waits until none of them runs or is still to come. */
const CITIZEN_PHASES = new Set<PhaseKind>([PhaseKind.PROPOSALS, PhaseKind.SUPPORTS, PhaseKind.VOTING]);

/**
 * STAFF decides after the voting (or, for a process without one, after the proposals and supports): the process is
 * OPEN or CLOSED and every citizens' phase has ended. A phase whose end is not on record has ended once the process
 * is CLOSED.
 */
export function requireCitizensDone(status: ProcessStatus, phases: { kind: PhaseKind; endsAt?: Date | null }[], now: Date): void {
  if (status !== ProcessStatus.OPEN && status !== ProcessStatus.CLOSED) {
    throw conflict(`The process is ${status}: its proposals are not decided.`, { status });
  }
  const running = phases.find((p) => CITIZEN_PHASES.has(p.kind) && (p.endsAt ? p.endsAt > now : status !== ProcessStatus.CLOSED));
  if (running) throw conflict(`The ${running.kind} phase has not ended: proposals are decided after it.`);
}

/** The author withdraws only while the process takes part; STAFF at any time. */
export function requireOpenForAuthor(status: ProcessStatus, byStaff: boolean): void {
  if (!byStaff && status !== ProcessStatus.OPEN) {
    throw conflict(`The process is ${status}: only STAFF withdraws its proposals now.`, { status });
  }
}

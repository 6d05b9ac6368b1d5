import { AppError, badInput, conflict, COUNCIL, ErrorCode, loadForWrite, MEETING, optionalFact, replaceSources, requireFact, requireSameCouncil, sourcesInput, TERRITORY, write, type MeetingFacts, type RequestContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { canManageParticipation } from "../participants/participant.policy";
import { PhaseEntity, ProcessEntity, ProcessMeetingEntity } from "./process.entity";
import { PhaseKind, ProcessStatus } from "./process.enums";
import { resultsPublished } from "../webhooks/participation.events";
import type { CreateProcessInput, PhaseInput, UpdateProcessInput } from "./process.inputs";

export const STAFF_ONLY = "Only STAFF or ADMIN may manage participatory processes.";

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 3 || trimmed.length > max) throw badInput(field, `"${field}" must have 3 to ${max} characters.`);
  return trimmed;
}

function checkPhases(phases: PhaseInput[]): PhaseInput[] {
  phases.forEach((phase, i) => {
    text(phase.title, `phases[${i}].title`, 200);
    if (phase.endsAt && phase.endsAt <= phase.startsAt) throw badInput(`phases[${i}].endsAt`, "A phase ends after it starts.");
  });
  return phases;
}

/** Meetings named by a process must exist (asked of the meetings subgraph before the transaction, all at once). */
const meetingFacts = (ctx: RequestContext, meetingIds: string[] | undefined): Promise<MeetingFacts[] | undefined> =>
  meetingIds ? Promise.all(meetingIds.map((id, i) => requireFact(ctx, MEETING, id, `meetingIds[${i}]`))) : Promise.resolve(undefined);

/** A council's process links only that council's meetings; a process of no council, any meeting. */
function meetingsOf(process: ProcessEntity, meetings: MeetingFacts[] | undefined): number[] | undefined {
  meetings?.forEach((meeting, i) => requireSameCouncil(`meetingIds[${i}]`, process.councilId, meeting.councilId));
  return meetings?.map((meeting) => meeting.id);
}

async function replaceLists(em: EntityManager, process: ProcessEntity, phases: PhaseInput[] | undefined, meetings: number[] | undefined) {
  if (phases) {
    await em.nativeDelete(PhaseEntity, { process });
    checkPhases(phases).forEach((phase, i) => em.create(PhaseEntity, { process, position: i + 1, ...phase, title: phase.title.trim() }));
  }
  if (meetings) {
    await em.nativeDelete(ProcessMeetingEntity, { process });
    for (const meetingId of new Set(meetings)) em.create(ProcessMeetingEntity, { process, meetingId });
  }
}

export function createProcess(ctx: RequestContext, input: CreateProcessInput): Promise<ProcessEntity> {
  return write(ctx, {
    action: "process.create",
    entityType: "ParticipatoryProcess",
    entity: ProcessEntity,
    input,
    prepare: async () => {
      const [council, territory, meetings] = await Promise.all([
        optionalFact(ctx, COUNCIL, input.councilId, "councilId"),
        optionalFact(ctx, TERRITORY, input.territoryId, "territoryId"),
        meetingFacts(ctx, input.meetingIds),
      ]);
      return { council, territory, meetings };
    },
    locate: async (_em, { council }) => ({ council }),
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, _located, { council, territory, meetings }) => {
      if (input.maxChoices != null && input.maxChoices < 1) throw badInput("maxChoices", '"maxChoices" must be at least 1.');
      requireStatedStatus(input.status);
      const process = em.create(ProcessEntity, {
        kind: input.kind,
        title: text(input.title, "title", 300),
        description: text(input.description, "description", 20_000),
        status: input.status ?? ProcessStatus.PLANNED,
        councilId: council?.id ?? null,
        territoryId: territory?.id ?? null,
        maxChoices: input.maxChoices ?? null,
        minimumAge: input.minimumAge ?? 16,
        rulesText: input.rulesText?.trim() || null,
        sourceUrl: input.sourceUrl?.trim() || null,
        sources: sourcesInput(input.sources) ?? [],
      });
      await replaceLists(em, process, input.phases ?? [], meetingsOf(process, meetings));
      return process;
    },
  });
}

/**
 * The one rule of which processes this graph writes: not a process of Contagem's public record (it has a `recordKey`
 * and `sources`), kept as the record states it, nor one imported from Decide Contagem (`importedFrom`), kept as Decidim
 * has it. No write here changes either or adds to it (status, phases, options, candidacies, results, proposals and
 * their withdrawal, decision, supports, ballots, comments), so nothing run elsewhere gains what it never had there.
 * Every mutation on a process or a proposal passes here (readonly.test.ts enumerates them).
 */
export function requireOwnProcess(process: Pick<ProcessEntity, "recordKey" | "id" | "importedFrom">): void {
  if (process.importedFrom?.system != null) {
    throw new AppError(
      ErrorCode.RECORD_IMMUTABLE,
      `Process ${process.id} and its proposals are imported from Decide Contagem (Decidim, ${process.importedFrom.url}): ` +
        "they are read-only here; make the change on Decidim, and the next sync brings it.",
    );
  }
  if (process.recordKey != null) {
    throw new AppError(
      ErrorCode.RECORD_IMMUTABLE,
      `Process ${process.id} is from Contagem's public record (see its sources): it is read-only here.`,
    );
  }
}

/** NOT_STATED says what the public record left out; staff state the status of the processes they run. */
function requireStatedStatus(status: ProcessStatus | null | undefined): void {
  if (status === ProcessStatus.NOT_STATED) throw badInput("status", '"status" NOT_STATED is only for processes of the public record.');
}

export function updateProcess(ctx: RequestContext, input: UpdateProcessInput): Promise<ProcessEntity> {
  // Closing a process publishes its results (CLOSED: "its results stand"): announced once, on the transition.
  let closed = false;
  return write(ctx, {
    action: "process.update",
    entityType: "ParticipatoryProcess",
    entity: ProcessEntity,
    input,
    events: (process) => (closed ? [resultsPublished(process)] : []),
    prepare: () => meetingFacts(ctx, input.meetingIds),
    locate: async (em) => {
      const record = await loadForWrite(em, ProcessEntity, input.id, "ParticipatoryProcess");
      return { record, council: record.councilId ? { id: record.councilId } : null };
    },
    gate: (viewer) => canManageParticipation(viewer),
    allow: (viewer) => canManageParticipation(viewer),
    denied: STAFF_ONLY,
    run: async (em, { record }, meetings) => {
      const process = record!;
      requireOwnProcess(process);
      if (input.title != null) process.title = text(input.title, "title", 300);
      if (input.description != null) process.description = text(input.description, "description", 20_000);
      requireStatedStatus(input.status);
      closed = input.status === ProcessStatus.CLOSED && process.status !== ProcessStatus.CLOSED;
      if (input.status != null) process.status = input.status;
      if (input.maxChoices !== undefined) process.maxChoices = input.maxChoices;
      if (input.rulesText !== undefined) process.rulesText = input.rulesText?.trim() || null;
      replaceSources(process, input.sources);
      await replaceLists(em, process, input.phases, meetingsOf(process, meetings));
      return process;
    },
  });
}

/** Whether the process is open and, if it has phases of `kind`, one of them runs now. */
export async function requirePhase(em: EntityManager, process: ProcessEntity, kind: PhaseKind, what: string): Promise<void> {
  requireOwnProcess(process);
  if (process.status !== ProcessStatus.OPEN) throw conflict(`The process is ${process.status}: it does not take ${what} now.`);
  const phases = await em.find(PhaseEntity, { process, kind });
  const now = new Date();
  if (!phases.some((p) => p.startsAt <= now && (!p.endsAt || now < p.endsAt))) {
    throw conflict(`No ${kind} phase of this process is running: ${what} are not taken now.`);
  }
}

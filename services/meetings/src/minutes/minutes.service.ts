import { addSources, AppError, badInput, civilYear, conflict, ErrorCode, loadForWrite, parseId, replaceSources, requireSameCouncil, sha256, sourcesInput, write, type RequestContext, type Viewer, foldText } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { councilFacts } from "../directory/council-directory";
import { AgendaItemEntity, MeetingEntity } from "../meetings/meeting.entity";
import { AgendaItemKind, MeetingStatus } from "../meetings/meeting.enums";
import { canWriteMeetings, writesMeetings } from "../meetings/meeting.policy";
import { DENIED, asRef, atMeeting, requireSecretariatRecord, requireStatus } from "../meetings/meeting.service";
import { nextNumber } from "../numbering/numbering";
import { newDocument } from "../documents/document.service";
import { MinutesEntity, MinutesVersionEntity } from "./minutes.entity";
import { MinutesStatus } from "./minutes.enums";
import { canSeeMinutes } from "./minutes.policy";
import { minutesPublished } from "../webhooks/meetings.events";
import type { AmendMinutesInput, ApproveMinutesInput, DraftMinutesInput, PublishMinutesInput, ReviseMinutesDraftInput } from "./minutes.inputs";

/** Its ceiling (StringLimit.DOCUMENT) is declared on the inputs and enforced at the subgraph boundary. */
function checkBody(body: string, field = "body"): string {
  if (!body.trim()) throw badInput(field, `"${field}" is empty.`);
  return body;
}

const authorRole = (viewer: Viewer | null) => (viewer?.roles.includes("ADMIN") ? "ADMIN" : "SECRETARY");

function addVersion(em: EntityManager, ctx: RequestContext, minutes: MinutesEntity, body: string, changeNote: string | null, published: boolean) {
  minutes.currentVersion += 1;
  return em.create(MinutesVersionEntity, {
    minutes,
    number: minutes.currentVersion,
    body,
    sha256: sha256(body),
    authorSub: ctx.viewer!.sub,
    authorRole: authorRole(ctx.viewer),
    changeNote,
    published,
  });
}

/** Keeps the search index on the latest published text (folded for accents and plurals). */
async function reindex(em: EntityManager, minutes: MinutesEntity, body: string): Promise<void> {
  await em.flush();
  const document = foldText(body);
  await em.execute(
    `update "${em.config.get("schema")}".minutes set search_document = ?, search_vector = to_tsvector('portuguese', ?) where id = ?`,
    [document, document, minutes.id],
  );
}

/** The council behind existing minutes, read before the transaction. */
async function councilOfMinutes(ctx: RequestContext, minutesId: string) {
  const minutes = await ctx.em.fork().findOne(MinutesEntity, { id: parseId(minutesId, "minutesId") }, { fields: ["councilId"] });
  return minutes ? councilFacts(ctx, minutes.councilId) : null;
}

const immutable = (what: string) =>
  new AppError(ErrorCode.RECORD_IMMUTABLE, `${what}: published minutes never change; correct them with amendMinutes.`);

export function draftMinutes(ctx: RequestContext, input: DraftMinutesInput): Promise<MinutesEntity> {
  return write(ctx, {
    action: "minutes.draft",
    entityType: "Minutes",
    entity: MinutesEntity,
    input,
    ...atMeeting(ctx, input.meetingId),
    run: async (em) => {
      const meeting = await em.findOneOrFail(MeetingEntity, { id: parseId(input.meetingId) });
      requireStatus(meeting, [MeetingStatus.HELD], "draft the minutes of");
      if (await em.count(MinutesEntity, { meeting })) throw conflict("This meeting already has minutes: revise that draft.");
      // Numbered in the civil year of the meeting they record: a meeting at 21:30 on 31 December is of that year.
      const year = civilYear(meeting.startsAt);
      const minutes = em.create(MinutesEntity, {
        councilId: meeting.councilId,
        meeting,
        year,
        number: await nextNumber(em, meeting.councilId, year, "MINUTES"),
        status: MinutesStatus.DRAFT,
        currentVersion: 0,
        sources: sourcesInput(input.sources) ?? [],
      });
      addVersion(em, ctx, minutes, checkBody(input.body), null, false);
      return minutes;
    },
  });
}

/**
 * The steps shared by the writes on existing minutes: council from the directory, record locked, same policy.
 * Unpublished minutes exist only for those who may see them (canSeeMinutes): to anyone else they are NOT_FOUND, as an
 * unknown id is, and only minutes the viewer can see may be FORBIDDEN. Roles that never write minutes are refused
 * before any record is read, so their answer cannot depend on one either.
 */
function onMinutes(ctx: RequestContext, minutesId: string) {
  return {
    entity: MinutesEntity,
    entityType: "Minutes",
    prepare: () => councilOfMinutes(ctx, minutesId),
    gate: (viewer: Viewer) => writesMeetings(viewer),
    locate: async (em: EntityManager, council: Awaited<ReturnType<typeof councilOfMinutes>>) => ({
      record: await loadForWrite(em, MinutesEntity, minutesId, "Minutes", "minutesId", (minutes) =>
        canSeeMinutes(ctx.viewer, minutes, asRef(council) ?? { id: minutes.councilId }),
      ),
      council: asRef(council),
    }),
    allow: (viewer: Viewer, { council }: { council?: { id: number; slug?: string | null } | null }) => canWriteMeetings(viewer, council),
    denied: DENIED,
  };
}

export function reviseMinutesDraft(ctx: RequestContext, input: ReviseMinutesDraftInput): Promise<MinutesEntity> {
  return write(ctx, {
    ...onMinutes(ctx, input.minutesId),
    action: "minutes.revise",
    input,
    run: async (em, { record }) => {
      const minutes = record!;
      if (minutes.status === MinutesStatus.PUBLISHED) throw immutable("Cannot revise");
      if (minutes.status !== MinutesStatus.DRAFT) throw conflict("Approved minutes are not revised: their text is the one approved.");
      replaceSources(minutes, input.sources);
      addVersion(em, ctx, minutes, checkBody(input.body), input.changeNote?.trim() || null, false);
      return minutes;
    },
  });
}

export function approveMinutes(ctx: RequestContext, input: ApproveMinutesInput): Promise<MinutesEntity> {
  return write(ctx, {
    ...onMinutes(ctx, input.minutesId),
    action: "minutes.approve",
    input,
    run: async (em, { record }) => {
      const minutes = record!;
      if (minutes.status !== MinutesStatus.DRAFT) throw conflict(`Minutes that are ${minutes.status} cannot be approved again.`);
      const recorded = await em.findOneOrFail(MeetingEntity, { id: minutes.meeting.id });
      const approving = await em.findOne(MeetingEntity, { id: parseId(input.meetingId, "meetingId") });
      if (!approving) throw badInput("meetingId", `No meeting with id ${JSON.stringify(input.meetingId)}.`);
      requireSameCouncil("meetingId", minutes.councilId, approving.councilId);
      if (approving.startsAt <= recorded.startsAt) throw badInput("meetingId", "Minutes are approved at a later meeting.");
      requireSecretariatRecord(approving);
      requireStatus(approving, [MeetingStatus.HELD], "approve minutes at");
      // The approval item names the minutes it puts to the vote: a meeting approves those, and no others.
      const item = await em.count(AgendaItemEntity, { meeting: approving, kind: AgendaItemKind.APPROVAL_OF_MINUTES, minutesId: minutes.id });
      if (!item) throw conflict(`The approving meeting has no APPROVAL_OF_MINUTES item naming minutes ${minutes.id} on its agenda.`);
      minutes.status = MinutesStatus.APPROVED;
      minutes.approvedAtMeeting = em.getReference(MeetingEntity, approving.id, { wrapped: true });
      minutes.approvedAt = approving.startsAt;
      return minutes;
    },
  });
}

export function publishMinutes(ctx: RequestContext, input: PublishMinutesInput): Promise<MinutesEntity> {
  return write(ctx, {
    ...onMinutes(ctx, input.minutesId),
    action: "minutes.publish",
    input,
    events: (minutes) => [minutesPublished(minutes)],
    run: async (em, { record }) => {
      const minutes = record!;
      if (minutes.status === MinutesStatus.PUBLISHED) throw immutable("Already published");
      if (minutes.status !== MinutesStatus.APPROVED) throw conflict("Only approved minutes are published: approve them at a later meeting first.");
      if (!Number.isInteger(input.gazetteEdition) || input.gazetteEdition < 1) throw badInput("gazetteEdition", '"gazetteEdition" must be a positive edition number.');
      const current = await em.findOneOrFail(MinutesVersionEntity, { minutes, number: minutes.currentVersion });
      current.published = true;
      minutes.status = MinutesStatus.PUBLISHED;
      minutes.gazetteEdition = input.gazetteEdition;
      minutes.gazettePages = input.gazettePages?.trim() || null;
      minutes.gazetteDate = input.gazetteDate;
      replaceSources(minutes, input.sources);
      minutes.publishedAt = new Date();
      await reindex(em, minutes, current.body);
      return minutes;
    },
  });
}

export function amendMinutes(ctx: RequestContext, input: AmendMinutesInput): Promise<MinutesEntity> {
  return write(ctx, {
    ...onMinutes(ctx, input.minutesId),
    action: "minutes.amend",
    input,
    run: async (em, { record }) => {
      const minutes = record!;
      if (minutes.status !== MinutesStatus.PUBLISHED) {
        throw conflict("Only published minutes are amended; revise a draft with reviseMinutesDraft.");
      }
      const reason = input.reason.trim();
      if (reason.length < 3) throw badInput("reason", "A correction needs its reason.");
      if ((input.documents?.length ?? 0) > 5) throw badInput("documents", "A correction brings at most 5 documents.");
      addSources(minutes, input.sources);
      const version = addVersion(em, ctx, minutes, checkBody(input.body), reason, true);
      await reindex(em, minutes, version.body);
      for (const [i, document] of (input.documents ?? []).entries()) {
        await newDocument(em, ctx, { minutesVersion: em.getReference(MinutesVersionEntity, version.id, { wrapped: true }) }, minutes.councilId, document, `documents[${i}].sha256`);
      }
      return minutes;
    },
  });
}

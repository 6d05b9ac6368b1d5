import { AppError, ErrorCode, badInput, notFound, parseId, write, type CouncilRef, type RequestContext, type Viewer } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { LockMode } from "@mikro-orm/core";
import { councilFacts } from "../directory/council-directory";
import { MeetingEntity } from "../meetings/meeting.entity";
import { canWriteMeetings, writesMeetings } from "../meetings/meeting.policy";
import { DENIED, asRef } from "../meetings/meeting.service";
import { MinutesEntity, MinutesVersionEntity } from "../minutes/minutes.entity";
import { ResolutionEntity } from "../resolutions/resolution.entity";
import { ACCEPTED_TYPES } from "./document.content";
import { DocumentEntity } from "./document.entity";
import type { AttachDocumentInput, NewDocumentInput, WithdrawDocumentInput } from "./document.inputs";
import { canSeeDocument } from "./document.visibility";
import { canSeeMinutes } from "../minutes/minutes.policy";
import { canReadDrafts } from "../meetings/meeting.policy";

/** How many documents one record carries at most: a meeting's annexes, not an archive. */
export const MAX_DOCUMENTS_PER_RECORD = 30;

type OwnerField = "meetingId" | "minutesVersionId" | "resolutionId";
const OWNERS: Record<OwnerField, { entity: new () => { id: number }; what: string }> = {
  meetingId: { entity: MeetingEntity, what: "Meeting" },
  minutesVersionId: { entity: MinutesVersionEntity, what: "MinutesVersion" },
  resolutionId: { entity: ResolutionEntity, what: "Resolution" },
};

const immutable = (what: string) =>
  new AppError(ErrorCode.RECORD_IMMUTABLE, `${what}: the record is published and its documents never change; a correction is a new document (amend published minutes with amendMinutes).`);

/** The one record the input names, or BAD_USER_INPUT. */
function ownerOf(input: AttachDocumentInput): { field: OwnerField; id: number } {
  const given = (Object.keys(OWNERS) as OwnerField[]).filter((field) => input[field] != null);
  if (given.length !== 1) throw badInput("meetingId", "Name exactly one record: meetingId, minutesVersionId or resolutionId.");
  return { field: given[0], id: parseId(input[given[0]]!, given[0]) };
}

/** The council of a record, read before the transaction (its slug may decide a secretary's claim). */
async function councilOf(ctx: RequestContext, field: OwnerField, id: number) {
  const em = ctx.em.fork();
  let councilId: number | undefined;
  if (field === "minutesVersionId") {
    const version = await em.findOne(MinutesVersionEntity, { id }, { populate: ["minutes"] });
    councilId = version?.minutes.getEntity().councilId;
  } else {
    councilId = ((await em.findOne(OWNERS[field].entity, { id } as never)) as { councilId?: number } | null)?.councilId;
  }
  return councilId === undefined ? null : councilFacts(ctx, councilId);
}

/** A draft version with its minutes, locked, or NOT_FOUND for a viewer who may not see it (as for an unknown id). */
async function versionForWrite(em: EntityManager, viewer: Viewer, id: number, council: CouncilRef | null) {
  const version = await em.findOne(MinutesVersionEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const minutes = version && (await em.findOne(MinutesEntity, { id: version.minutes.id }));
  if (!version || !minutes || !canSeeMinutes(viewer, minutes, council ?? { id: minutes.councilId })) throw notFound("MinutesVersion", String(id));
  if (!version.published && !canReadDrafts(viewer, council ?? { id: minutes.councilId })) throw notFound("MinutesVersion", String(id));
  return { version, minutes };
}

/**
 * A file name for downloads: letters without accents, digits, `.`, `_` and `-` (anything else becomes `-`), no path,
 * and the extension of its content. A URL-safe name needs no encoding in links, headers or the open-data package.
 */
function cleanFilename(given: string, mediaType: string): string {
  const base = given.split(/[\\/]/).pop()!.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const stem = base
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "");
  if (!stem || given.length > 120) throw badInput("filename", '"filename" must have 1 to 120 characters and name a file, not a path.');
  return `${stem}.${ACCEPTED_TYPES[mediaType]}`;
}

export function attachDocument(ctx: RequestContext, input: AttachDocumentInput): Promise<DocumentEntity> {
  const owner = ownerOf(input);
  return write(ctx, {
    action: "document.attach",
    entityType: "Document",
    entity: DocumentEntity,
    input,
    prepare: () => councilOf(ctx, owner.field, owner.id),
    gate: (viewer) => writesMeetings(viewer),
    locate: async (em, council) => {
      const ref = asRef(council);
      if (owner.field === "minutesVersionId") {
        await versionForWrite(em, ctx.viewer!, owner.id, ref);
      } else if (!(await em.findOne(OWNERS[owner.field].entity, { id: owner.id } as never))) {
        throw notFound(OWNERS[owner.field].what, input[owner.field]!);
      }
      return { council: ref };
    },
    allow: (viewer, { council }) => canWriteMeetings(viewer, council),
    denied: DENIED,
    run: async (em, { council }) => {
      const record: Pick<DocumentEntity, "meeting" | "minutesVersion" | "resolution"> = {};
      if (owner.field === "minutesVersionId") {
        const { version } = await versionForWrite(em, ctx.viewer!, owner.id, council ?? null);
        // The signed ata goes with the version before it is published; after, a correction is a new version.
        if (version.published) throw immutable("Cannot attach to a published minutes version");
        record.minutesVersion = em.getReference(MinutesVersionEntity, owner.id, { wrapped: true });
      } else if (owner.field === "meetingId") {
        record.meeting = em.getReference(MeetingEntity, owner.id, { wrapped: true });
      } else {
        record.resolution = em.getReference(ResolutionEntity, owner.id, { wrapped: true });
      }
      const ownerColumn = owner.field.replace(/Id$/, "") as "meeting" | "minutesVersion" | "resolution";
      if ((await em.count(DocumentEntity, { [ownerColumn]: owner.id, withdrawnAt: null })) >= MAX_DOCUMENTS_PER_RECORD) {
        throw badInput(owner.field, `A record carries at most ${MAX_DOCUMENTS_PER_RECORD} documents.`);
      }
      return newDocument(em, ctx, record, council!.id, input);
    },
  });
}

/**
 * A document for a record, from an uploaded content named by its hash (BAD_USER_INPUT when nothing was uploaded under
 * it): the record's write calls this inside its transaction, after its own checks (policy, state).
 */
export async function newDocument(
  em: EntityManager,
  ctx: RequestContext,
  owner: Pick<DocumentEntity, "meeting" | "minutesVersion" | "resolution">,
  councilId: number,
  input: Pick<NewDocumentInput, "sha256" | "kind" | "title" | "filename">,
  field = "sha256",
): Promise<DocumentEntity> {
  const sha256 = input.sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw badInput(field, `"${field}" must be 64 hexadecimal digits.`);
  const [content] = await em.execute<{ media_type: string; byte_size: number }[]>(
    `select media_type, byte_size from "${em.config.get("schema")}".document_content where sha256 = ?`,
    [sha256],
  );
  if (!content) throw badInput(field, "No uploaded content has this SHA-256: POST the file to /documents first.");
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200) throw badInput("title", '"title" must have 1 to 200 characters.');
  return em.create(DocumentEntity, {
    ...owner,
    councilId,
    kind: input.kind,
    title,
    filename: cleanFilename(input.filename, content.media_type),
    sha256,
    mediaType: content.media_type,
    byteSize: Number(content.byte_size),
    authorSub: ctx.viewer!.sub,
  });
}

/** The council of a document, read before the transaction. */
async function councilOfDocument(ctx: RequestContext, documentId: string) {
  const document = await ctx.em.fork().findOne(DocumentEntity, { id: parseId(documentId, "documentId") }, { fields: ["councilId"] });
  return document ? councilFacts(ctx, document.councilId) : null;
}

export function withdrawDocument(ctx: RequestContext, input: WithdrawDocumentInput): Promise<DocumentEntity> {
  return write(ctx, {
    action: "document.withdraw",
    entityType: "Document",
    entity: DocumentEntity,
    input,
    prepare: () => councilOfDocument(ctx, input.documentId),
    gate: (viewer) => writesMeetings(viewer),
    locate: async (em, council) => {
      const ref = asRef(council);
      const id = parseId(input.documentId, "documentId");
      const document = await em.findOne(DocumentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      let owner: { version: MinutesVersionEntity; minutes: MinutesEntity } | null = null;
      if (document?.minutesVersion) {
        const version = await em.findOneOrFail(MinutesVersionEntity, { id: document.minutesVersion.id });
        owner = { version, minutes: await em.findOneOrFail(MinutesEntity, { id: version.minutes.id }) };
      }
      if (!document || !canSeeDocument(ctx.viewer, document, owner, ref ?? { id: document.councilId })) throw notFound("Document", input.documentId);
      return { record: document, council: ref, owner };
    },
    allow: (viewer, { council }) => canWriteMeetings(viewer, council),
    denied: DENIED,
    run: async (_em, located) => {
      const { record, owner } = located as typeof located & { owner: { version: MinutesVersionEntity } | null };
      // Meetings and resolutions are public from the start: what they carried stays; only a draft's may go.
      if (!owner || owner.version.published) throw immutable("Cannot withdraw");
      record!.withdrawnAt = new Date();
      return record!;
    },
  });
}

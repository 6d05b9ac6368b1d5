import type { CouncilRef, RequestContext, Viewer } from "@contagem/schema";
import { documentById } from "../loaders";
import { canReadDrafts } from "../meetings/meeting.policy";
import { visibleVersion } from "../minutes/minutes.visibility";
import { canSeeMinutes } from "../minutes/minutes.policy";
import type { MinutesEntity, MinutesVersionEntity } from "../minutes/minutes.entity";
import type { DocumentEntity } from "./document.entity";

/**
 * A document is visible exactly when the record it belongs to is: meetings and resolutions are public records, a
 * minutes version is public once published (else only to its council's draft readers). Withdrawn documents are
 * visible to nobody. Every read path — the record's list, `node`, `_entities`, the download URL — goes through here.
 */
export async function visibleDocument(ctx: RequestContext, document: DocumentEntity | null): Promise<DocumentEntity | null> {
  if (!document || document.withdrawnAt) return null;
  if (!document.minutesVersion) return document;
  return (await visibleVersion(ctx, document.minutesVersion.id)) ? document : null;
}

/** The documents of a list the viewer may see, in order: the same rule, whichever record the list hangs from. */
export const visibleDocuments = async (ctx: RequestContext, documents: DocumentEntity[]) =>
  (await Promise.all(documents.map((document) => visibleDocument(ctx, document)))).filter((d): d is DocumentEntity => d !== null);

/** A document by id for every read path: the loader and the rule together. */
export const visibleDocumentById = async (ctx: RequestContext, id: number) => visibleDocument(ctx, await ctx.loaders.get(documentById).load(id));

/** The same rule for a write, inside its transaction, from records already loaded (NOT_FOUND when it says no). */
export const canSeeDocument = (
  viewer: Viewer | null,
  document: DocumentEntity,
  owner: { version: MinutesVersionEntity; minutes: MinutesEntity } | null,
  council: CouncilRef | null | undefined,
): boolean =>
  !document.withdrawnAt &&
  (!owner || (canSeeMinutes(viewer, owner.minutes, council) && (owner.version.published || canReadDrafts(viewer, council))));

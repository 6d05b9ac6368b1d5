import type { CouncilRef, RequestContext } from "@contagem/schema";
import { councilFacts } from "../directory/council-directory";
import { minutesById, minutesVersionById } from "../loaders";
import { asRef } from "../meetings/meeting.service";
import { canReadDrafts } from "../meetings/meeting.policy";
import { MinutesStatus } from "./minutes.enums";
import { canSeeMinutes } from "./minutes.policy";

/**
 * Decides a rule about a council from its id alone when it can; a secretary whose claim names councils by slug
 * needs the council's slug, asked of the councils subgraph (once per request, batched). More facts only ever grant.
 */
async function onCouncil(ctx: RequestContext, councilId: number, rule: (council: CouncilRef) => boolean): Promise<boolean> {
  if (rule({ id: councilId })) return true;
  if (!ctx.viewer?.councils.some((claim) => !/^\d+$/.test(claim))) return false;
  return rule(asRef(await councilFacts(ctx, councilId)) ?? { id: councilId });
}

/** Whether the viewer may see a council's unpublished minutes and draft versions. */
export const canSeeDrafts = (ctx: RequestContext, councilId: number): Promise<boolean> =>
  onCouncil(ctx, councilId, (council) => canReadDrafts(ctx.viewer, council));

/** The minutes if the viewer may see them, else null: hidden is missing (see canSeeMinutes). */
export async function visible<T extends { status: MinutesStatus; councilId: number }>(ctx: RequestContext, minutes: T | null): Promise<T | null> {
  if (!minutes) return null;
  return (await onCouncil(ctx, minutes.councilId, (council) => canSeeMinutes(ctx.viewer, minutes, council))) ? minutes : null;
}

/** The rule for a council's list of minutes, as a condition over the table alias `t` (none for its draft readers). */
export async function visibleInList(ctx: RequestContext, councilId: number): Promise<[string, unknown][]> {
  return (await canSeeDrafts(ctx, councilId)) ? [] : [["t.status = ?", MinutesStatus.PUBLISHED]];
}

/** Minutes by id for every read path (root field, entity reference, agenda item): the loader and the rule together. */
export const visibleMinutes = async (ctx: RequestContext, id: number) => visible(ctx, await ctx.loaders.get(minutesById).load(id));

/** A version by id: of minutes the viewer may see, and published unless the viewer reads the council's drafts. */
export async function visibleVersion(ctx: RequestContext, id: number) {
  const version = await ctx.loaders.get(minutesVersionById).load(id);
  const minutes = version && (await visibleMinutes(ctx, version.minutes.id));
  if (!version || !minutes) return null;
  return version.published || (await canSeeDrafts(ctx, minutes.councilId)) ? version : null;
}

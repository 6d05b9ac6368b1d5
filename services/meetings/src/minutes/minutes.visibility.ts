import { isStaff, type RequestContext } from "@contagem/schema";
import { councilFacts } from "../directory/council-directory";
import { asRef } from "../meetings/meeting.service";
import { canReadDrafts } from "../meetings/meeting.policy";
import { MinutesStatus } from "./minutes.enums";

/**
 * Whether the viewer may see a council's unpublished minutes and draft versions. Anonymous callers and citizens
 * are answered without asking anyone; a secretary whose claim names councils by slug needs the council's slug.
 */
export async function canSeeDrafts(ctx: RequestContext, councilId: number): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isStaff(viewer)) return true;
  if (!viewer.roles.includes("SECRETARY")) return false;
  if (viewer.councils.includes(String(councilId))) return true;
  if (viewer.councils.every((claim) => /^\d+$/.test(claim))) return false;
  return canReadDrafts(viewer, asRef(await councilFacts(ctx, councilId)));
}

/** Published minutes are public; others only for those who may see drafts. No existence leak: hidden is null. */
export async function visible<T extends { status: MinutesStatus; councilId: number }>(ctx: RequestContext, minutes: T | null): Promise<T | null> {
  if (!minutes) return null;
  if (minutes.status === MinutesStatus.PUBLISHED) return minutes;
  return (await canSeeDrafts(ctx, minutes.councilId)) ? minutes : null;
}

import type { RequestContext } from "@contagem/schema";
import { contributionById } from "../loaders";
import { canManageParticipation } from "../participants/participant.policy";
import { ContributionStatus } from "./contribution.enums";

/** A contribution by id: public once PUBLISHED; pending and hidden ones only for those who moderate (STAFF, ADMIN). */
export async function visibleContribution(ctx: RequestContext, id: number) {
  const contribution = await ctx.loaders.get(contributionById).load(id);
  if (!contribution) return null;
  return contribution.status === ContributionStatus.PUBLISHED || canManageParticipation(ctx.viewer) ? contribution : null;
}

import type { Viewer } from "@contagem/schema";
import { canManageParticipation, isCitizen } from "../participants/participant.policy";

/** Roles that withdraw proposals at all (STAFF and ADMIN, or a citizen), checked before any record is read. */
export const withdrawsProposals = (viewer: Viewer | null): boolean => canManageParticipation(viewer) || isCitizen(viewer);

/** A proposal is withdrawn by STAFF or ADMIN, or by its author (the citizen whose login wrote it). */
export const canWithdrawProposal = (viewer: Viewer | null, authorSubject: string | null | undefined): boolean =>
  canManageParticipation(viewer) || (isCitizen(viewer) && !!authorSubject && authorSubject === viewer!.sub);

/** Selecting proposals (or not) is the process's managers' decision: STAFF and ADMIN. */
export const canDecideProposal = (viewer: Viewer | null): boolean => canManageParticipation(viewer);

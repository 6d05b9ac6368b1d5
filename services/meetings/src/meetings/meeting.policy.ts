import { canWriteForCouncil, isAdmin, isStaff, servesCouncil, type CouncilRef, type Viewer } from "@contagem/schema";

/** The roles that write meetings and minutes at all, for some council: checked before any record is read. */
export const writesMeetings = (viewer: Viewer | null): boolean => isAdmin(viewer) || !!viewer?.roles.includes("SECRETARY");

/** Meetings, attendance, deliberations, minutes and resolutions of a council: its SECRETARY, or ADMIN. */
export const canWriteMeetings = (viewer: Viewer | null, council: CouncilRef | null | undefined): boolean =>
  canWriteForCouncil(viewer, council);

/** Unpublished minutes and draft versions: the council's secretaries, STAFF and ADMIN only. */
export const canReadDrafts = (viewer: Viewer | null, council: CouncilRef | null | undefined): boolean =>
  isStaff(viewer) || servesCouncil(viewer, council);

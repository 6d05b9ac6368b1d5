import { canWriteForCouncil, isStaff, type CouncilRef, type Viewer } from "@contagem/schema";

/** Citizens act for themselves only, through their own token. */
export const isCitizen = (viewer: Viewer | null): boolean => !!viewer?.roles.includes("CITIZEN");

/** Personal data of others: STAFF and ADMIN only, and every read is audited with its purpose. */
export const canReadPersonalData = (viewer: Viewer | null): boolean => isStaff(viewer);

/** Processes, phases, official options, moderation, candidacies: STAFF and ADMIN. */
export const canManageParticipation = (viewer: Viewer | null): boolean => isStaff(viewer);

/** The roles that update works at all (STAFF, ADMIN, a SECRETARY), checked before any record is read or peer asked. */
export const updatesInterventions = (viewer: Viewer | null): boolean => isStaff(viewer) || !!viewer?.roles.includes("SECRETARY");

/** A regional council's works: STAFF and ADMIN, and the SECRETARY of that council when it is a regional one. */
export const canUpdateIntervention = (viewer: Viewer | null, council: (CouncilRef & { kind?: string }) | null | undefined): boolean =>
  isStaff(viewer) || (council?.kind === "REGIONAL" && canWriteForCouncil(viewer, council));

import { canWriteForCouncil, isAdmin, type CouncilRef, type Viewer } from "@contagem/schema";

/** Creating councils and changing their data or rules follows official acts: only ADMIN records them. */
export const canManageCouncils = (viewer: Viewer | null): boolean => isAdmin(viewer);

/** A council's terms and mandates: ADMIN, or a SECRETARY of that council recording its own composition. */
export const canManageComposition = (viewer: Viewer | null, council: CouncilRef | null | undefined): boolean =>
  canWriteForCouncil(viewer, council);

/** Opening a term is composition; letting it run longer than the council's rule is ADMIN's decision alone. */
export const canOpenTerm = (viewer: Viewer | null, council: CouncilRef | null | undefined, overridesLength: boolean): boolean =>
  canManageComposition(viewer, council) && (!overridesLength || isAdmin(viewer));

import type { Viewer } from "@contagem/common";

/** The council a record belongs to, as policies see it: its id, and its slug where the subgraph knows it. */
export interface CouncilRef {
  id: number;
  slug?: string | null;
}

export const isAdmin = (viewer: Viewer | null): boolean => !!viewer?.roles.includes("ADMIN");
export const isStaff = (viewer: Viewer | null): boolean => !!viewer && viewer.roles.some((r) => r === "STAFF" || r === "ADMIN");

/** A SECRETARY serves the councils named (by id or slug) in the token's `councils` claim, and only those. */
export function servesCouncil(viewer: Viewer | null, council: CouncilRef | null | undefined): boolean {
  if (!viewer || !council || !viewer.roles.includes("SECRETARY")) return false;
  return viewer.councils.some((claim) => claim === String(council.id) || (!!council.slug && claim === council.slug));
}

/** Writes to a council's records: ADMIN anywhere, a SECRETARY only for their own councils. Deny otherwise. */
export const canWriteForCouncil = (viewer: Viewer | null, council: CouncilRef | null | undefined): boolean =>
  isAdmin(viewer) || servesCouncil(viewer, council);

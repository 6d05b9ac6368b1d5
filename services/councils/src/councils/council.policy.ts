import { hasRole, type Viewer } from "@contagem/schema";

/** Councils' structure (creation, rules, terms, mandates) is set by official acts: only ADMIN records it. */
export const canManageCouncilStructure = (viewer: Viewer | null): boolean => hasRole(viewer, "ADMIN");

import { isAdmin, type Viewer } from "@contagem/schema";

/** Official acts and where the gazette published them are recorded from the gazette itself: ADMIN only. */
export const canRecordLegalActs = (viewer: Viewer | null): boolean => isAdmin(viewer);

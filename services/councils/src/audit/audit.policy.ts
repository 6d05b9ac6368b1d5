import { isAdmin, type Viewer } from "@contagem/schema";

/** The audit trail names who did what: ADMIN only. */
export const canReadAuditTrail = (viewer: Viewer | null): boolean => isAdmin(viewer);

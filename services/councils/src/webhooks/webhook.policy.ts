import { isAdmin, type Viewer } from "@contagem/schema";

/** Webhook subscriptions hold secrets and say who integrates with the city: ADMIN only, to read and to write. */
export const canManageWebhooks = (viewer: Viewer | null): boolean => isAdmin(viewer);

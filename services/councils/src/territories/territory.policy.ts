import { isAdmin, type Viewer } from "@contagem/schema";

/** The territorial grids follow official acts and studies: only ADMIN records them. */
export const canManageTerritories = (viewer: Viewer | null): boolean => isAdmin(viewer);

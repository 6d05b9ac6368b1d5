import { badInput } from "@contagem/schema";
import { TerritoryScheme } from "./territory.enums";

/**
 * Which grid a territory of each grid may lie in. Every parent grid is coarser than its child's, so a chain of parents
 * always climbs towards the municipality and can never come back to where it started: no cycles, by construction.
 * Electoral micro-regions subdivide a region (they elect its regional councillors); neighbourhoods lie in a region or
 * in one of its micro-regions; health districts and SUAS territories divide the municipality.
 */
export const PARENT_GRIDS: Record<TerritoryScheme, TerritoryScheme[]> = {
  MUNICIPALITY: [],
  REGIONAL_ADMIN: [TerritoryScheme.MUNICIPALITY],
  HEALTH_DISTRICT: [TerritoryScheme.MUNICIPALITY],
  SUAS_TERRITORY: [TerritoryScheme.MUNICIPALITY],
  ELECTORAL_MICROREGION: [TerritoryScheme.REGIONAL_ADMIN],
  NEIGHBOURHOOD: [TerritoryScheme.REGIONAL_ADMIN, TerritoryScheme.ELECTORAL_MICROREGION],
};

/** The grids fixed by law (the municipality and its 8 administrative regions) are seeded, never written here. */
export const WRITABLE_GRIDS = [
  TerritoryScheme.ELECTORAL_MICROREGION,
  TerritoryScheme.HEALTH_DISTRICT,
  TerritoryScheme.SUAS_TERRITORY,
  TerritoryScheme.NEIGHBOURHOOD,
];

/** A grid as the schema names it (the stored NEIGHBOURHOOD is public as NEIGHBORHOOD). */
const publicName = (scheme: TerritoryScheme) => (scheme === TerritoryScheme.NEIGHBOURHOOD ? "NEIGHBORHOOD" : scheme);

export function requireWritableGrid(scheme: TerritoryScheme, field: string): void {
  if (!WRITABLE_GRIDS.includes(scheme)) {
    throw badInput(field, `${publicName(scheme)} territories are fixed by law and seeded: only ${WRITABLE_GRIDS.map(publicName).join(", ")} territories are written here.`);
  }
}

export function requireParentGrid(scheme: TerritoryScheme, parentScheme: TerritoryScheme): void {
  const allowed = PARENT_GRIDS[scheme];
  if (!allowed.includes(parentScheme)) {
    throw badInput("parentId", `A ${publicName(scheme)} territory lies in a ${allowed.map(publicName).join(" or ")} territory, not in a ${publicName(parentScheme)} one.`);
  }
}

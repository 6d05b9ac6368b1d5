import { TerritoryScheme } from "./territory.enums";
import { PARENT_GRIDS, requireParentGrid, requireWritableGrid } from "./territory.grids";

describe("territorial grids", () => {
  it("nest every grid only in coarser ones, so no chain of parents can come back to where it started", () => {
    // Depth of each grid below the municipality: a parent grid is always strictly shallower.
    const depth = (scheme: TerritoryScheme): number => Math.max(0, ...PARENT_GRIDS[scheme].map((parent) => depth(parent) + 1));
    for (const [scheme, parents] of Object.entries(PARENT_GRIDS) as [TerritoryScheme, TerritoryScheme[]][]) {
      for (const parent of parents) expect(depth(parent)).toBeLessThan(depth(scheme));
      expect(parents).not.toContain(scheme);
    }
    expect(Object.keys(PARENT_GRIDS).sort()).toEqual([...new Set(Object.values(TerritoryScheme))].sort());
  });

  it("accept a parent of a compatible grid only, and write only the grids not fixed by law", () => {
    expect(() => requireParentGrid(TerritoryScheme.NEIGHBOURHOOD, TerritoryScheme.ELECTORAL_MICROREGION)).not.toThrow();
    expect(() => requireParentGrid(TerritoryScheme.NEIGHBOURHOOD, TerritoryScheme.NEIGHBOURHOOD)).toThrow(/lies in/);
    expect(() => requireParentGrid(TerritoryScheme.HEALTH_DISTRICT, TerritoryScheme.REGIONAL_ADMIN)).toThrow(/MUNICIPALITY/);
    expect(() => requireWritableGrid(TerritoryScheme.SUAS_TERRITORY, "scheme")).not.toThrow();
    expect(() => requireWritableGrid(TerritoryScheme.REGIONAL_ADMIN, "scheme")).toThrow(/fixed by law/);
  });
});

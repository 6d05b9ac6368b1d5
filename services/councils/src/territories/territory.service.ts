import { badInput, findOrBadInput, loadForWrite, replaceSources, sourcesInput, write, type RequestContext } from "@contagem/schema";
import { ref } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { TerritoryEntity } from "./territory.entity";
import type { TerritoryScheme } from "./territory.enums";
import { requireParentGrid, requireWritableGrid } from "./territory.grids";
import type { CreateTerritoryInput, UpdateTerritoryInput } from "./territory.inputs";
import { canManageTerritories } from "./territory.policy";

const DENIED = "Only ADMIN may record territories.";
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;

type Values = Omit<UpdateTerritoryInput, "id" | "expectedVersion" | "idempotencyKey">;

/**
 * The given fields, checked: a code free in its grid, a parent in a grid this one nests in. Every read happens here,
 * before the record changes (a query flushes pending changes first, and each flush would be a version).
 */
async function checked(em: EntityManager, scheme: TerritoryScheme, input: Values, current?: TerritoryEntity): Promise<Partial<TerritoryEntity>> {
  const values: Partial<TerritoryEntity> = {};
  if (input.code != null) {
    if (!CODE.test(input.code)) throw badInput("code", '"code" must be 1 to 64 upper-case letters, digits, "_" or "-".');
    if (input.code !== current?.code && (await em.count(TerritoryEntity, { scheme, code: input.code }))) {
      throw badInput("code", `Code "${input.code}" is already used in the ${scheme} grid.`);
    }
    values.code = input.code;
  }
  if (input.name != null) {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 200) throw badInput("name", '"name" must have 2 to 200 characters.');
    values.name = name;
  }
  if (input.parentId != null) {
    const parent = await findOrBadInput(em, TerritoryEntity, input.parentId, "parentId");
    requireParentGrid(scheme, parent.scheme);
    values.parent = ref(parent);
  }
  if (input.population != null) {
    if (!Number.isInteger(input.population) || input.population < 0 || input.population > 10_000_000) throw badInput("population", '"population" is 0 to 10,000,000.');
    values.population = input.population;
  }
  if (input.populationSource != null) {
    const source = input.populationSource.trim();
    if (source.length > 200) throw badInput("populationSource", '"populationSource" has at most 200 characters.');
    values.populationSource = source || null;
  }
  if (input.areaKm2 != null) {
    if (!Number.isFinite(input.areaKm2) || input.areaKm2 < 0 || input.areaKm2 > 10_000) throw badInput("areaKm2", '"areaKm2" is 0 to 10,000 km².');
    values.areaKm2 = input.areaKm2.toFixed(2);
  }
  return values;
}

export function createTerritory(ctx: RequestContext, input: CreateTerritoryInput): Promise<TerritoryEntity> {
  return write(ctx, {
    action: "territory.create",
    entityType: "Territory",
    entity: TerritoryEntity,
    input,
    gate: (viewer) => canManageTerritories(viewer),
    allow: (viewer) => canManageTerritories(viewer),
    denied: DENIED,
    run: async (em) => {
      requireWritableGrid(input.scheme, "scheme");
      const values = await checked(em, input.scheme, input);
      const sources = sourcesInput(input.sources) ?? [];
      return em.create(TerritoryEntity, { scheme: input.scheme, code: values.code!, name: values.name!, ...values, sources });
    },
  });
}

export function updateTerritory(ctx: RequestContext, input: UpdateTerritoryInput): Promise<TerritoryEntity> {
  return write(ctx, {
    action: "territory.update",
    entityType: "Territory",
    entity: TerritoryEntity,
    input,
    gate: (viewer) => canManageTerritories(viewer),
    locate: async (em) => ({ record: await loadForWrite(em, TerritoryEntity, input.id, "Territory") }),
    allow: (viewer) => canManageTerritories(viewer),
    denied: DENIED,
    run: async (em, { record }) => {
      const territory = record!;
      requireWritableGrid(territory.scheme, "id");
      replaceSources(territory, input.sources);
      return Object.assign(territory, await checked(em, territory.scheme, input, territory));
    },
  });
}

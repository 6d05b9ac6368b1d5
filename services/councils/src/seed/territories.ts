import { earlierFacts as facts, record, type Source } from "@contagem/record";
import type { EntityManager } from "@mikro-orm/postgresql";
import { TerritoryEntity } from "../territories/territory.entity";
import { TerritoryScheme } from "../territories/territory.enums";
import { apply } from "./apply";

interface EarlierRegion {
  code: string;
  name: string;
  population2010?: number;
  areaKm2?: number;
}

/**
 * The municipality as the earlier file states it: name, IBGE code, population with the citation it gives ("IBGE
 * census 2022", no address). A `Source` is a document's address and the file gives none, so the municipality has no
 * `sources`: its population answers its citation in `populationSource`, and no address is supplied that the record
 * does not state.
 */
const MUNICIPALITY_SOURCES: Source[] = [];

/**
 * The municipality and its 8 administrative regions. A region is named by the regional council the decree creates in
 * it; the earlier file's region populations and areas have no source, so the seed gives none, and clears those an
 * earlier seed wrote (the same figures), keeping any other an ADMIN recorded with its own source.
 */
export async function seedTerritories(tx: EntityManager): Promise<Map<string, TerritoryEntity>> {
  const city = await apply(tx, TerritoryEntity, { scheme: TerritoryScheme.MUNICIPALITY, code: facts.municipality.ibgeCode }, {
    name: facts.municipality.name,
    population: facts.municipality.population,
    // The earlier file's citation, "IBGE census 2022", in Portuguese.
    populationSource: facts.municipality.populationSource.replace(/^IBGE census (\d{4})$/, "Censo $1 do IBGE"),
  }, MUNICIPALITY_SOURCES);
  const decree = record.councils.find((c) => c.kind === "REGIONAL")!.legalBasis[0];
  const note = "a região administrativa (Administração Regional) cujo conselho regional este decreto cria";
  const regions = new Map<string, TerritoryEntity>();
  for (const region of facts.regions as EarlierRegion[]) {
    const row = await apply(tx, TerritoryEntity, { scheme: TerritoryScheme.REGIONAL_ADMIN, code: region.code }, { name: region.name, parent: city.id }, [
      { url: decree.source, note },
    ]);
    if (region.population2010 != null && row.population === region.population2010) Object.assign(row, { population: null, populationSource: null });
    if (region.areaKm2 != null && Number(row.areaKm2) === region.areaKm2) row.areaKm2 = null;
    regions.set(region.code, row);
  }
  await tx.flush();
  return regions;
}

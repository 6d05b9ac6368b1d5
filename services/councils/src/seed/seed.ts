import { slugify } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { CouncilEntity, CouncilRulesEmbeddable } from "../councils/council.entity";
import { CouncilKind, CouncilNature } from "../councils/council.enums";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { LegalActKind } from "../legal-acts/legal-act.enums";
import { TerritoryEntity } from "../territories/territory.entity";
import { TerritoryScheme } from "../territories/territory.enums";
import { earlierFacts as facts } from "@contagem/record";

type CouncilFact = (typeof facts.councils)[number] & { legalBasis?: string; region?: string };

const ACT_KINDS: Record<string, LegalActKind> = { Lei: LegalActKind.LAW, Decreto: LegalActKind.DECREE };

/** "Lei 4.179/2008" → the act's kind, number and year. */
export function parseCitation(citation: string): { kind: LegalActKind; number: string; year: number } {
  const match = /^(Lei|Decreto) ([\d.]+)\/(\d{4})$/.exec(citation.trim());
  if (!match) throw new Error(`Unrecognised citation ${JSON.stringify(citation)}`);
  return { kind: ACT_KINDS[match[1]], number: match[2], year: Number(match[3]) };
}

/** Per-council rules the public record states; everything else stays unknown (null). */
const KNOWN_RULES: Record<string, Partial<CouncilRulesEmbeddable>> = {
  COMHAB: { parity: true, termLengthYears: 2 },
  "Conselho Municipal de Promoção da Igualdade Racial": { termLengthYears: 2, maxReappointments: 1 },
};

/**
 * The default seed: the municipality, its 8 administrative regions and the confirmed councils of
 * `contagem.json`, nothing invented. Idempotent: existing rows (matched by natural key) are left untouched.
 */
export async function seedCouncils(em: EntityManager): Promise<{ territories: number; councils: number }> {
  return em.transactional(async (tx) => {
    const before = { territories: await tx.count(TerritoryEntity), councils: await tx.count(CouncilEntity) };
    const city = await ensure(tx, TerritoryEntity, { scheme: TerritoryScheme.MUNICIPALITY, code: facts.municipality.ibgeCode }, {
      name: facts.municipality.name,
      population: facts.municipality.population,
      populationSource: facts.municipality.populationSource,
    });
    const regions = new Map<string, TerritoryEntity>();
    for (const region of facts.regions as { code: string; name: string; population2010?: number; areaKm2?: number }[]) {
      regions.set(
        region.code,
        await ensure(tx, TerritoryEntity, { scheme: TerritoryScheme.REGIONAL_ADMIN, code: region.code }, {
          name: region.name,
          parent: city,
          population: region.population2010 ?? null,
          populationSource: region.population2010 ? "IBGE census 2010" : null,
          areaKm2: region.areaKm2 != null ? String(region.areaKm2) : null,
        }),
      );
    }
    await ensure(tx, LegalActEntity, { kind: LegalActKind.LAW, number: facts.law.number, year: 2023 }, {
      date: facts.law.date,
      title: facts.law.title,
    });
    const regionalDecree = await ensure(tx, LegalActEntity, { kind: LegalActKind.DECREE, number: "230", year: 2021 }, {
      title: "Conselhos Regionais",
    });
    for (const fact of facts.councils as CouncilFact[]) {
      if (!fact.confirmed) continue;
      const regional = fact.kind === "REGIONAL";
      const rules = Object.assign(new CouncilRulesEmbeddable(), KNOWN_RULES[fact.acronym ?? fact.name] ?? {});
      if (regional) rules.ordinaryMeetingsPerYear = 6;
      const basis = fact.legalBasis
        ? await ensure(tx, LegalActEntity, parseCitation(fact.legalBasis), {})
        : regional
          ? regionalDecree
          : null;
      await ensure(tx, CouncilEntity, { slug: slugify(fact.acronym ?? fact.name) }, {
        acronym: fact.acronym,
        name: fact.name,
        kind: fact.kind as CouncilKind,
        policyArea: fact.policyArea ?? null,
        nature: regional ? [CouncilNature.CONSULTATIVE, CouncilNature.DELIBERATIVE] : [],
        territory: fact.region ? regions.get(fact.region) : null,
        legalBasis: basis,
        notes: fact.notes ?? null,
        rules,
      });
    }
    await tx.flush();
    return {
      territories: (await tx.count(TerritoryEntity)) - before.territories,
      councils: (await tx.count(CouncilEntity)) - before.councils,
    };
  });
}

async function ensure<T extends object>(
  em: EntityManager,
  entity: new () => T,
  key: Record<string, unknown>,
  values: Record<string, unknown>,
): Promise<T> {
  const found = await em.findOne(entity, key as never);
  if (found) return found as T;
  const created = em.create(entity, { ...key, ...values } as never);
  await em.flush();
  return created as T;
}

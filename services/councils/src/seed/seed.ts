import { councilKey, councilSlug, record } from "@contagem/record";
import { DEFAULT_AUDIT_SCHEMA, sourcesOf, type SeedContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { CouncilEntity, CouncilRulesEmbeddable } from "../councils/council.entity";
import { CouncilKind } from "../councils/council.enums";
import { CouncilLegalActEntity } from "../legal-acts/council-legal-act.entity";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { OrganizationEntity } from "../people/organization.entity";
import { OrganizationKind } from "../people/people.enums";
import { TerritoryEntity } from "../territories/territory.entity";
import { apply } from "./apply";
import { bindingOf, BINDINGS, rulesOf } from "./bindings";
import { settleCouncilsOutOfRecord } from "./out-of-record";
import { COUNCIL_KINDS, councilName, councilSources, mergedActs, natureOf, notesOf } from "./record";
import { seedTerritories } from "./territories";

/**
 * The default seed: Contagem's public record (`@contagem/record`): the municipality and its 8 regions, the 35 bodies
 * with every act they rest on, the secretariats they are bound to, each row with its sources. Nothing invented.
 * Idempotent by natural key, and upgrade-safe: a row is (re)written only when the record's facts for it differ from
 * those the seed last applied (`recordHash`), so a database seeded by the earlier seed gets the record once, and a
 * restart neither duplicates a row nor undoes a later ADMIN edit. A council an earlier seed wrote that the record does
 * not list is deleted, or kept and marked when something refers to it (`settleCouncilsOutOfRecord`).
 */
export async function seedCouncils(
  em: EntityManager,
  context: Pick<SeedContext, "auditSchema"> = {},
): Promise<{ territories: number; legalActs: number; councils: number; outOfRecord: { deleted: string[]; kept: string[] } }> {
  return em.transactional(async (tx) => {
    const count = async () => ({
      territories: await tx.count(TerritoryEntity),
      legalActs: await tx.count(LegalActEntity),
      councils: await tx.count(CouncilEntity),
    });
    const before = await count();
    const regions = await seedTerritories(tx);

    const acts = new Map<string, LegalActEntity>();
    for (const act of mergedActs().values()) {
      // Date and title as the record states them, null where it does not (a year alone, e.g. Lei 5.443/2023): no write
      // sets them, so null also clears what an earlier seed took from the unsourced earlier file. A DOC edition and
      // pages only where the record gives them: recordLegalActPublication may have recorded them since.
      const published = Object.fromEntries(
        Object.entries({ gazetteEdition: act.gazetteEdition, gazettePages: act.gazettePages }).filter(([, value]) => value != null),
      );
      const values = { date: act.date, title: act.title, ...published };
      acts.set(act.key, await apply(tx, LegalActEntity, { kind: act.kind, number: act.number, year: act.year }, values, act.sources));
    }

    const organizations = new Map<string, OrganizationEntity>();
    for (const body of BINDINGS) {
      const bound = record.councils.filter((c) => bindingOf(c) === body);
      const sources = sourcesOf(bound.flatMap(councilSources));
      organizations.set(body.name, await apply(tx, OrganizationEntity, { name: body.name }, {
        acronym: body.acronym,
        kind: OrganizationKind.GOVERNMENT_BODY,
      }, sources));
    }

    for (const fact of record.councils) {
      const { name, formerName } = councilName(fact);
      const actKeys = fact.legalBasis.map((a) => `${a.type} ${a.number}/${a.date.slice(0, 4)}`);
      const council = await apply(tx, CouncilEntity, { slug: councilSlug(fact) }, {
        acronym: fact.acronym,
        name,
        kind: COUNCIL_KINDS[fact.kind],
        policyArea: fact.policyArea,
        nature: natureOf(fact.nature),
        natureStatement: fact.nature,
        boundTo: bindingOf(fact) ? organizations.get(bindingOf(fact)!.name)!.id : null,
        boundToStatement: fact.boundTo,
        territory: fact.region ? regions.get(fact.region)!.id : null,
        legalBasis: actKeys.length ? acts.get(actKeys[0])!.id : null,
        notes: notesOf(fact, formerName),
        rules: Object.assign(new CouncilRulesEmbeddable(), rulesOf(fact)),
        searchText: "",
      }, councilSources(fact), async (row) => {
        const wanted = new Set(actKeys.map((key) => acts.get(key)!.id));
        const links = await tx.find(CouncilLegalActEntity, { council: row.id });
        for (const link of links) if (!wanted.has(link.legalAct.id)) tx.remove(link);
        for (const id of wanted) if (!links.some((l) => l.legalAct.id === id)) tx.create(CouncilLegalActEntity, { council: row.id, legalAct: id });
      });
      if (council.kind === CouncilKind.REGIONAL && !council.territory) throw new Error(`Regional council ${councilKey(fact)} has no region`);
    }
    await tx.flush();
    const outOfRecord = await settleCouncilsOutOfRecord(tx, context.auditSchema ?? DEFAULT_AUDIT_SCHEMA);
    const after = await count();
    return {
      territories: after.territories - before.territories,
      legalActs: after.legalActs - before.legalActs,
      councils: after.councils - before.councils + outOfRecord.deleted.length,
      outOfRecord,
    };
  });
}

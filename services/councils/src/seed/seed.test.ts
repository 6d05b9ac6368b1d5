import { earlierFacts, englishWordsIn, record } from "@contagem/record";
import { prepareDatabase, slugify } from "@contagem/schema";
import { freshSchemaName, gql, startSubgraph, testDatabaseUrl, type RunningSubgraph } from "@contagem/testkit";
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { TermEntity } from "../composition/term.entity";
import { CouncilEntity, CouncilRulesEmbeddable } from "../councils/council.entity";
import { CouncilKind, CouncilStatus } from "../councils/council.enums";
import { councils } from "../definition";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { LegalActKind } from "../legal-acts/legal-act.enums";
import { TerritoryEntity } from "../territories/territory.entity";
import { TerritoryScheme } from "../territories/territory.enums";
import { OUT_OF_RECORD_NOTE } from "./out-of-record";
import { seedCouncils } from "./seed";

/**
 * The default seed against the file it comes from (issue 11): every expectation is computed from
 * `contagem-sources.json`, so a change that drops part of the public record fails here.
 */
const entries = [...record.councils.flatMap((c) => c.legalBasis), ...record.otherActs];
const keyOf = (a: { type: string; number: string; date: string }) => `${a.type}|${a.number}|${a.date.slice(0, 4)}`;
const distinctActs = new Set(entries.map(keyOf));
const withEdition = new Map(entries.filter((a) => a.docEdition != null).map((a) => [keyOf(a), a]));
const KIND = { LAW: "LEI", COMPLEMENTARY_LAW: "LEI_COMPLEMENTAR", DECREE: "DECRETO", ORDINANCE: "PORTARIA", NOTICE: "EDITAL", BILL: "PROJETO_DE_LEI", NORMATIVE_DELIBERATION: "DELIBERACAO_NORMATIVA", RESOLUTION: "RESOLUCAO" } as Record<string, string>;

const COUNCILS = `{ councils(first: 100) { totalCount edges { node {
  slug acronym name kind policyArea nature natureStatement boundToStatement notes rules { termLengthYears ordinaryMeetingsPerYear parity }
  boundTo { name acronym boundCouncils { acronym } sources { url } } territory { code sources { url } } sources { url note }
  legalBasis { citation }
  legalActs { kind number year citation date title gazetteEdition gazettePages sources { url note } } } } } }`;

describe("the default seed is the public record of contagem-sources.json", () => {
  let subgraph: RunningSubgraph;
  let nodes: any[];
  const bySlug = (slug: string) => nodes.find((n) => n.slug === slug);
  beforeAll(async () => {
    subgraph = await startSubgraph(councils);
    const res = await gql(subgraph.url, COUNCILS);
    expect(res.errors).toBeUndefined();
    nodes = res.data.councils.edges.map((e: any) => e.node);
    expect(res.data.councils.totalCount).toBe(record.councils.length);
  });
  afterAll(() => subgraph.stop());

  it(`lists the file's ${record.councils.length} bodies, each with its kind, policy area, stated nature and sources`, () => {
    expect(nodes).toHaveLength(35);
    const names = new Set(nodes.map((n) => n.name));
    for (const fact of record.councils) {
      expect(names).toContain(fact.name.replace(/ \(until .*\)$/, ""));
      const node = nodes.find((n) => n.name === fact.name.replace(/ \(until .*\)$/, ""));
      expect({ kind: node.kind, policyArea: node.policyArea, natureStatement: node.natureStatement, boundToStatement: node.boundToStatement })
        .toEqual({ kind: fact.kind, policyArea: fact.policyArea, natureStatement: fact.nature, boundToStatement: fact.boundTo });
      expect(node.sources.map((s: any) => s.url)).toEqual(expect.arrayContaining(fact.sources));
      expect(node.legalActs.map((a: any) => `${KIND[a.kind]}|${a.number}|${a.year}`).sort()).toEqual([...new Set(fact.legalBasis.map(keyOf))].sort());
    }
    expect(nodes.every((n) => n.sources.length >= 1 && n.sources.every((s: any) => /^https?:\/\//.test(s.url)))).toBe(true);
  });

  it(`holds every distinct act (${distinctActs.size}), each with a source, and every DOC edition the file gives (${withEdition.size})`, async () => {
    expect(distinctActs.size).toBe(37);
    expect(withEdition.size).toBe(10);
    const acts = await subgraph.orm.em.fork().find(LegalActEntity, {});
    expect(new Set(acts.map((a) => `${KIND[a.kind]}|${a.number}|${a.year}`))).toEqual(distinctActs);
    expect(acts.filter((a) => a.sources.length === 0)).toEqual([]);
    for (const [key, act] of withEdition) {
      const row = acts.find((a) => `${KIND[a.kind]}|${a.number}|${a.year}` === key)!;
      expect([row.gazetteEdition, row.gazettePages]).toEqual([Number(act.docEdition), act.pages]);
    }
  });

  it("gives the participation law only what its source states: the year, the record's title, its source", () => {
    const fact = record.councils.flatMap((c) => c.legalBasis).find((a) => a.type === "LEI" && a.number === "5.443")!;
    expect(fact.date).toBe("2023");
    const law = nodes.flatMap((n) => n.legalActs).find((a: any) => a.citation === "Lei 5.443/2023");
    expect(law).toMatchObject({ year: 2023, date: null, title: "Sistema Municipal de Participação Popular e Cidadã (consolida os conselhos regionais)" });
    expect(law.sources.map((s: any) => s.url)).toEqual([fact.source]);
  });

  it("applies the corrections: COMPIR, COMPUR's acts, the youth council renamed with 22 seats, the LGBT council's decree", () => {
    const compir = nodes.find((n) => n.acronym === "COMPIR");
    expect(compir.slug).toBe(slugify("Conselho Municipal de Promoção da Igualdade Racial")); // the slug it was first published under
    expect(nodes.filter((n) => /Igualdade Racial/.test(n.name))).toHaveLength(1);
    const compur = bySlug("compur");
    expect(compur.legalActs.map((a: any) => a.citation)).toEqual(["Lei 4.179/2008", "Lei Complementar 248/2018", "Lei Complementar 362/2023"]);
    expect(compur.legalActs[0]).toMatchObject({ gazetteEdition: 2412, date: "2008-07-15" });
    const youth = bySlug("conselho-municipal-da-juventude");
    expect(youth.name).toBe("Conselho Municipal das Juventudes");
    expect(youth.notes).toMatch(/Nome até 2025: Conselho Municipal de Juventude de Contagem[\s\S]*assentos: antes: 24, depois: 22/);
    expect(youth.rules.termLengthYears).toBeNull(); // the 2-year term is of 2018, before the reform
    expect(youth.legalActs.map((a: any) => a.citation)).toContain("PL 19/2025");
    expect(bySlug("comlgbt").legalActs.map((a: any) => a.citation)).toEqual(["Decreto 536/2015"]);
    expect(bySlug("comlgbt").legalActs[0].sources[0].note).toMatch(/654\/2016/);
  });

  it("shows every text it seeded in Portuguese: notes, nature and binding statements, act titles, source notes, territories", async () => {
    const res = await gql(subgraph.url, `{ MUNICIPALITY: territories(scheme: MUNICIPALITY) { edges { node { name population populationSource sources { url note } } } }
      REGIONAL_ADMIN: territories(first: 100) { edges { node { name population areaKm2 populationSource sources { url note } } } } }`);
    expect(res.errors).toBeUndefined();
    // Every string value but links and enum values (ALL_CAPS): what a reader of the data sees.
    const texts = (value: unknown, key = ""): string[] =>
      typeof value === "string"
        ? key === "url" || /^[A-Z0-9_]+$/.test(value) ? [] : [value]
        : Array.isArray(value)
          ? value.flatMap((v) => texts(v, key))
          : value !== null && typeof value === "object"
            ? Object.entries(value).flatMap(([k, v]) => texts(v, k))
            : [];
    const seen = [...texts(nodes), ...texts(res.data)];
    expect(seen.length).toBeGreaterThan(400);
    expect(seen.filter((text) => englishWordsIn(text).length)).toEqual([]);
    // The municipality answers its population's citation and no address the record does not state; the regions no
    // figure the record lacks.
    const [city] = res.data.MUNICIPALITY.edges.map((e: any) => e.node);
    expect(city).toMatchObject({ name: "Contagem", population: 621863, populationSource: "Censo 2022 do IBGE" });
    expect(city.sources).toEqual([]);
    expect(res.data.REGIONAL_ADMIN.edges.map((e: any) => [e.node.population, e.node.areaKm2])).toEqual(Array(8).fill([null, null]));
    // The rules' keys read under their Portuguese labels, yes/no in Portuguese.
    expect(bySlug("cmdpd").notes).toContain("remunerado: não");
    expect(bySlug("conselho-regional-sede").notes).toMatch(/^reuniões: reunião ordinária a cada dois meses/);
  });

  it("binds councils to the secretariats the sources name, and reads natures and rules cautiously", () => {
    const seduc = bySlug("cmec").boundTo;
    expect(seduc).toMatchObject({ name: "Secretaria Municipal de Educação", acronym: "SEDUC" });
    expect(seduc.boundCouncils.map((c: any) => c.acronym).sort()).toEqual(["CAE", "CMEC", "CONFUNDEB"]);
    expect(seduc.sources.length).toBeGreaterThan(0);
    expect(bySlug("compur").boundTo).toBeNull(); // "presided by the head of …" is not a binding
    expect(bySlug("cmmc")).toMatchObject({ nature: ["DELIBERATIVE"], rules: { parity: true } }); // "(one notice also says consultivo)"
    expect(bySlug("comic")).toMatchObject({ nature: ["CONSULTATIVE", "DELIBERATIVE", "NORMATIVE", "SUPERVISORY"], rules: { termLengthYears: 2, parity: true } });
    const regional = nodes.filter((n) => n.kind === CouncilKind.REGIONAL);
    expect(regional).toHaveLength(8);
    for (const council of regional) {
      expect(council).toMatchObject({ nature: ["CONSULTATIVE", "DELIBERATIVE"], rules: { ordinaryMeetingsPerYear: 6 }, boundTo: { name: "Secretaria Municipal de Governo" } });
      expect(council.territory.sources.length).toBeGreaterThan(0);
      expect(council.legalBasis.citation).toBe("Decreto 230/2021");
    }
  });
});

describe("on a database the earlier seed filled", () => {
  /** A migrated, unseeded councils schema with its own audit schema, dropped afterwards. */
  async function onFreshDatabase(test: (orm: MikroORM, auditSchema: string) => Promise<void>): Promise<void> {
    const schema = freshSchemaName("councils");
    const auditSchema = freshSchemaName("audit");
    const orm = await prepareDatabase(councils, { url: testDatabaseUrl(), schema, auditSchema, seed: false });
    try {
      await test(orm, auditSchema);
    } finally {
      await orm.em.getConnection().execute(`drop schema "${schema}" cascade`);
      await orm.em.getConnection().execute(`drop schema if exists "${auditSchema}" cascade`);
      await orm.close(true);
    }
  }

  it("gets the record once, without duplicates, keeping the published slugs", () =>
    onFreshDatabase(async (orm, auditSchema) => {
      const em = orm.em.fork() as EntityManager;
      // What the earlier seed wrote: the municipality and its regions with the earlier file's figures, no sources…
      const city = em.create(TerritoryEntity, { scheme: TerritoryScheme.MUNICIPALITY, code: "3118601", name: "Contagem", population: 621863, populationSource: "IBGE census 2022" });
      for (const region of earlierFacts.regions as { code: string; name: string; population2010?: number; areaKm2?: number }[]) {
        em.create(TerritoryEntity, {
          scheme: TerritoryScheme.REGIONAL_ADMIN, code: region.code, name: region.name, parent: city,
          population: region.code === "SEDE" ? 123456 : region.population2010 ?? null, // Sede's: an ADMIN's figure, with its source
          populationSource: region.code === "SEDE" ? "Fonte registrada por um ADMIN" : region.population2010 ? "IBGE census 2010" : null,
          areaKm2: region.areaKm2 != null ? String(region.areaKm2) : null,
        });
      }
      // …its 21 confirmed councils, slugs from acronym or name, no sources…
      for (const fact of earlierFacts.councils.filter((c) => c.confirmed && c.kind !== "REGIONAL")) {
        em.create(CouncilEntity, {
          slug: slugify(fact.acronym ?? fact.name), acronym: fact.acronym, name: fact.name, kind: fact.kind as CouncilKind, policyArea: fact.policyArea,
          nature: [], status: CouncilStatus.ACTIVE, rules: new CouncilRulesEmbeddable(), searchText: "",
        });
      }
      // …and the participation law with the earlier file's full date and title, which no source states.
      em.create(LegalActEntity, { kind: LegalActKind.LAW, number: earlierFacts.law.number, year: 2023, date: earlierFacts.law.date, title: earlierFacts.law.title });
      await em.flush();
      // COMHAB is not in the sourced record (only a lead without an address) and nothing refers to it: it goes.
      const comhab = await orm.em.fork().findOneOrFail(CouncilEntity, { slug: "comhab" });
      expect(await seedCouncils(orm.em.fork(), { auditSchema })).toMatchObject({ councils: 35 - 12, legalActs: 36, outOfRecord: { deleted: ["comhab"], kept: [] } });
      expect(await seedCouncils(orm.em.fork(), { auditSchema })).toEqual({ territories: 0, legalActs: 0, councils: 0, outOfRecord: { deleted: [], kept: [] } });
      // A mirror learns of the deletion from its tombstone (removedRecords), once.
      expect(await orm.em.fork().execute(`select entity_type, entity_id, reason from "${auditSchema}".removed_record`)).toEqual([{ entity_type: "Council", entity_id: comhab.id, reason: "DELETED" }]);
      const rows = await orm.em.fork().find(CouncilEntity, {});
      expect(rows.filter((r) => r.sources.length === 0).map((r) => r.slug)).toEqual([]);
      expect(rows).toHaveLength(35);
      expect(rows.filter((r) => /Igualdade Racial/.test(r.name)).map((r) => [r.slug, r.acronym])).toEqual([
        ["conselho-municipal-de-promocao-da-igualdade-racial", "COMPIR"],
      ]);
      expect(rows.find((r) => r.slug === "conselho-municipal-da-juventude")!.name).toBe("Conselho Municipal das Juventudes");
      // The regions keep no unsourced figure (an ADMIN's stays); the municipality its population with its citation, and
      // no source address the files do not give.
      const places = await orm.em.fork().find(TerritoryEntity, {}, { orderBy: { code: "asc" } });
      expect(places).toHaveLength(9);
      expect(places.filter((t) => t.population !== null || t.areaKm2 !== null).map((t) => [t.code, t.population, t.populationSource, t.areaKm2])).toEqual([
        ["3118601", 621863, "Censo 2022 do IBGE", null],
        ["SEDE", 123456, "Fonte registrada por um ADMIN", null],
      ]);
      expect(places.filter((t) => t.sources.length === 0).map((t) => t.code)).toEqual(["3118601"]);
      const law = await orm.em.fork().findOneOrFail(LegalActEntity, { kind: LegalActKind.LAW, number: "5.443", year: 2023 });
      expect([law.date, law.title]).toEqual([null, "Sistema Municipal de Participação Popular e Cidadã (consolida os conselhos regionais)"]);
    }));

  it("keeps a council out of the record that something refers to, marked as such, and deletes it once nothing does", () =>
    onFreshDatabase(async (orm, auditSchema) => {
      const em = orm.em.fork() as EntityManager;
      // COMHAB as the earlier seed wrote it, with a term an earlier seed:demo gave it; and a council a former record listed.
      const fact = earlierFacts.councils.find((c) => c.acronym === "COMHAB")!;
      const comhab = em.create(CouncilEntity, {
        slug: "comhab", acronym: fact.acronym, name: fact.name, kind: CouncilKind.POLICY, policyArea: fact.policyArea, notes: fact.notes,
        nature: [], status: CouncilStatus.ACTIVE, rules: new CouncilRulesEmbeddable(), searchText: "",
      });
      const term = em.create(TermEntity, { council: comhab, label: "Gestão 2024-2025 (sintética)", startsOn: "2024-01-01", endsOn: "2025-12-31" });
      const former = em.create(CouncilEntity, {
        slug: "conselho-de-um-registro-anterior", name: "Conselho de um registro anterior", kind: CouncilKind.POLICY, nature: [],
        status: CouncilStatus.ACTIVE, rules: new CouncilRulesEmbeddable(), searchText: "", notes: "fato de uma fonte",
        sources: [{ url: "https://portal.contagem.mg.gov.br/exemplo" }], recordHash: "0".repeat(64),
      });
      await em.flush();
      const seed = () => seedCouncils(orm.em.fork(), { auditSchema });
      const kept = { deleted: [], kept: ["comhab", "conselho-de-um-registro-anterior"] };
      expect((await seed()).outOfRecord).toEqual(kept);
      expect((await seed()).outOfRecord).toEqual(kept); // the mark is not added twice
      const read = async (id: number) => orm.em.fork().findOneOrFail(CouncilEntity, { id });
      // Marked: not the record's (no sources, no record hash), the earlier file's unsourced English note gone.
      expect(await read(comhab.id)).toMatchObject({ notes: OUT_OF_RECORD_NOTE, sources: [], recordHash: null, name: fact.name });
      expect(await read(former.id)).toMatchObject({ notes: `${OUT_OF_RECORD_NOTE}\nfato de uma fonte`, recordHash: null, sources: [{ url: "https://portal.contagem.mg.gov.br/exemplo" }] });

      // Its term gone, nothing refers to it: it goes; the former record's council stays.
      await orm.em.fork().nativeDelete(TermEntity, { id: term.id });
      expect((await seed()).outOfRecord).toEqual({ deleted: ["comhab"], kept: ["conselho-de-um-registro-anterior"] });
      expect(await orm.em.fork().count(CouncilEntity, { slug: "comhab" })).toBe(0);

      // Written again as the earlier seed did, and named by a write of another subgraph (a meeting scheduled for it): kept.
      const em2 = orm.em.fork();
      const again = em2.create(CouncilEntity, {
        slug: "comhab", acronym: fact.acronym, name: fact.name, kind: CouncilKind.POLICY, nature: [], status: CouncilStatus.ACTIVE,
        rules: new CouncilRulesEmbeddable(), searchText: "",
      });
      await em2.flush();
      await orm.em.getConnection().execute(
        `insert into "${auditSchema}".audit_entry (subgraph, actor_sub, actor_roles, council_id, action, entity_type, entity_id, request_id)
         values ('meetings', 'secretaria', '{SECRETARY}', ?, 'meeting.schedule', 'Meeting', 1, 'teste')`,
        [again.id],
      );
      expect((await seed()).outOfRecord).toEqual(kept);
      expect(await read(again.id)).toMatchObject({ notes: OUT_OF_RECORD_NOTE });
    }));
});

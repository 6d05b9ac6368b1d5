import { OWN_SOURCES_DESCRIPTION, SourceLimit } from "@contagem/schema";
import { adminToken, gql, refusalsOf, startSystem, type RunningSystem } from "@contagem/testkit";
import { buildSchema, getNamedType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLInterfaceType, type GraphQLObjectType } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";
import { PUBLIC_SCHEMA, sdlOf } from "./schema-release";

/**
 * Every public record cites its sources (issue 14, §5), as Open Civic Data's `sources`: generated from the published
 * schema, so that a new Node type without `sources` fails here until it has them or is listed below with its reason.
 */
const WITHOUT_SOURCES: Record<string, string> = {
  Contribution:
    "a participant's own words, written first-hand in this graph (pseudonymous personal content under LGPD, moderated): " +
    "it was not taken from any public document, so there is nothing to cite",
};

const publicSchema = async () => buildSchema(sdlOf(await readFile(join(ROOT, PUBLIC_SCHEMA), "utf8")));
const isSourceList = (field: GraphQLField<unknown, unknown> | undefined) =>
  !!field && isNonNullType(field.type) && isListType(field.type.ofType) && getNamedType(field.type).name === "Source";

describe("every public record cites its sources (generated from the public schema)", () => {
  it("gives every type implementing Node a `sources: [Source!]!`, but the listed exceptions", async () => {
    const schema = await publicSchema();
    const nodes = schema.getPossibleTypes(schema.getType("Node") as GraphQLInterfaceType) as GraphQLObjectType[];
    expect(nodes.length).toBeGreaterThan(20);
    const lacking = nodes.filter((type) => !isSourceList(type.getFields().sources)).map((type) => type.name).sort();
    expect(lacking).toEqual(Object.keys(WITHOUT_SOURCES).sort());
    // An exception is a Node type that still exists: a stale entry would excuse nothing.
    for (const name of Object.keys(WITHOUT_SOURCES)) expect(nodes.map((type) => type.name)).toContain(name);
  });

  it("takes sources on every write that creates or changes a record with its own, always as `[SourceInput!]`", async () => {
    const schema = await publicSchema();
    const mutation = schema.getMutationType()!;
    const takes = (name: string) => {
      const input = getNamedType(mutation.getFields()[name].args.find((a) => a.name === "input")!.type);
      return isInputObjectType(input) ? input.getFields().sources : undefined;
    };
    const writes = [
      "createCouncil", "updateCouncil", "createTerritory", "updateTerritory", "recordLegalActPublication", "openTerm",
      "appointMandate", "endMandate", "scheduleMeeting", "updateMeeting", "recordDeliberation", "draftMinutes",
      "reviseMinutesDraft", "publishMinutes", "amendMinutes", "adoptResolution", "amendResolution", "revokeResolution",
      "createProcess", "updateProcess", "createIntervention", "updateIntervention", "recordCandidacy", "submitProposal",
      "createProposalOption",
    ];
    expect(writes.filter((name) => String(takes(name)?.type) !== "[SourceInput!]")).toEqual([]);
    // And no input takes sources in another shape.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || !type.getFields().sources) continue;
      expect([type.name, String(type.getFields().sources.type)]).toEqual([type.name, "[SourceInput!]"]);
    }
    expect(isObjectType(schema.getType("Source"))).toBe(true);
  });
});

/** The open-data resource of each record type that keeps its own sources: its `sources` column exports them. */
const EXPORTED_AS: Record<string, string> = {
  Council: "councils",
  LegalAct: "legal_acts",
  Organization: "organizations",
  Territory: "territories",
  Term: "terms",
  Mandate: "mandates",
  Meeting: "meetings",
  Minutes: "minutes",
  Resolution: "resolutions",
  Deliberation: "deliberations",
  ParticipatoryProcess: "processes",
  Assembly: "assemblies",
  Proposal: "proposals",
  Intervention: "interventions",
  Candidacy: "candidacies",
};

it("exports the sources of every record that keeps its own in its open-data resource (parts share their parent's, by its key)", async () => {
  const schema = await publicSchema();
  const own = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && type.getFields().sources?.description === OWN_SOURCES_DESCRIPTION)
    .map((type) => type.name)
    .sort();
  expect(own).toEqual(Object.keys(EXPORTED_AS).sort());
  const resources = new Map(DEFINITIONS.flatMap((definition) => definition.openData ?? []).map((resource) => [resource.name, resource]));
  for (const [type, name] of Object.entries(EXPORTED_AS)) {
    const column = resources.get(name)?.fields.find((field) => field.name === "sources");
    expect([type, column?.type, column?.required]).toEqual([type, "array", true]);
  }
});

describe("sources written through the gateway", () => {
  let system: RunningSystem;
  let token: string;
  beforeAll(async () => {
    system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
    token = await adminToken();
  }, 180_000);
  afterAll(() => system?.stop());

  const ask = (query: string, variables?: Record<string, unknown>) => gql(system.gatewayUrl, query, variables, { token });
  const LAW = "http://legislacao.contagem.mg.gov.br/legislacao/view/803258";
  const PORTAL = "https://portal.contagem.mg.gov.br/portal/noticias/0/3/82309/faca-parte-inscricoes-abertas-para-a-terceira-gestao-dos-conselhos-regionais-em-contagem";
  const CREATE_COUNCIL = `mutation ($input: CreateCouncilInput!) { createCouncil(input: $input) { council { id version sources { url note } } } }`;

  it("keeps a council's, a term's and a mandate's sources, merges repeated URLs, replaces them on update, and shows a seat and a person their parent's", async () => {
    const created = await ask(CREATE_COUNCIL, {
      input: {
        name: "Conselho das Fontes",
        kind: "POLICY",
        sources: [{ url: LAW }, { url: ` ${PORTAL} `, note: "  posse  da gestão " }, { url: LAW, note: "lei de criação" }],
      },
    });
    expect(created.errors).toBeUndefined();
    const council = created.data.createCouncil.council;
    expect(council.sources).toEqual([
      { url: LAW, note: "lei de criação" },
      { url: PORTAL, note: "posse da gestão" },
    ]);

    const term = await ask(
      `mutation ($input: OpenTermInput!) { openTerm(input: $input) { term { id sources { url note } seats { id sources { url } } } } }`,
      { input: { councilId: council.id, startsOn: "2026-01-01", endsOn: "2027-12-31", seats: [{ sector: "GOVERNMENT" }], sources: [{ url: PORTAL }] } },
    );
    expect(term.errors).toBeUndefined();
    expect(term.data.openTerm.term.sources).toEqual([{ url: PORTAL, note: null }]);
    expect(term.data.openTerm.term.seats[0].sources).toEqual([{ url: PORTAL }]);

    const mandate = await ask(
      `mutation ($input: AppointMandateInput!) { appointMandate(input: $input) { mandate { id version sources { url } person { sources { url } } } } }`,
      { input: { seatId: term.data.openTerm.term.seats[0].id, personName: "Maria das Fontes", role: "FULL_MEMBER", startsOn: "2026-01-02", sources: [{ url: LAW }] } },
    );
    expect(mandate.errors).toBeUndefined();
    expect(mandate.data.appointMandate.mandate.sources).toEqual([{ url: LAW }]);
    expect(mandate.data.appointMandate.mandate.person.sources).toEqual([{ url: LAW }]);

    const UPDATE = `mutation ($input: UpdateCouncilInput!) { updateCouncil(input: $input) { council { version sources { url note } } } }`;
    const kept = await ask(UPDATE, { input: { id: council.id, expectedVersion: council.version, notes: "sem fontes novas" } });
    expect(kept.data.updateCouncil.council.sources).toHaveLength(2);
    const replaced = await ask(UPDATE, { input: { id: council.id, expectedVersion: kept.data.updateCouncil.council.version, sources: [{ url: PORTAL }] } });
    expect(replaced.data.updateCouncil.council.sources).toEqual([{ url: PORTAL, note: null }]);
    const cleared = await ask(UPDATE, { input: { id: council.id, expectedVersion: replaced.data.updateCouncil.council.version, sources: [] } });
    expect(cleared.data.updateCouncil.council.sources).toEqual([]);
  });

  it("shows a meeting's sources on its agenda items, and a process keeps its own", async () => {
    const council = (await ask(CREATE_COUNCIL, { input: { name: "Conselho das Reuniões Citadas", kind: "POLICY" } })).data.createCouncil.council;
    const meeting = await ask(
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id sources { url } agenda { sources { url } } } } }`,
      {
        input: {
          councilId: council.id,
          type: "ORDINARY",
          modality: "IN_PERSON",
          place: "Sede",
          startsAt: "2030-03-10T14:00:00-03:00",
          agenda: [{ kind: "OTHER", title: "Informes" }],
          sources: [{ url: PORTAL }],
        },
      },
    );
    expect(meeting.errors).toBeUndefined();
    expect(meeting.data.scheduleMeeting.meeting.sources).toEqual([{ url: PORTAL }]);
    expect(meeting.data.scheduleMeeting.meeting.agenda[0].sources).toEqual([{ url: PORTAL }]);

    const process = await ask(
      `mutation ($input: CreateProcessInput!) { createProcess(input: $input) { process { sources { url note } } } }`,
      { input: { kind: "PUBLIC_CONSULTATION", title: "Consulta citada", description: "Uma consulta com fonte.", sources: [{ url: LAW, note: "base legal" }] } },
    );
    expect(process.errors).toBeUndefined();
    expect(process.data.createProcess.process.sources).toEqual([{ url: LAW, note: "base legal" }]);
  });

  it("refuses hostile sources with BAD_USER_INPUT naming the entry, and writes nothing", async () => {
    const refused = async (sources: unknown) => {
      const res = await ask(CREATE_COUNCIL, { input: { name: "Conselho Recusado", kind: "POLICY", sources } });
      expect(res.data).toBeNull();
      return refusalsOf(res);
    };
    expect(await refused([{ url: LAW }, { url: "javascript:alert(1)" }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[1].url" }]);
    expect(await refused([{ url: "portal.contagem.mg.gov.br/a" }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[0].url" }]);
    expect(await refused([{ url: "https://user:secret@portal.contagem.mg.gov.br/" }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[0].url" }]);
    expect(await refused([{ url: "https://portal.contagem.mg.gov.br/a b" }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[0].url" }]);
    expect(await refused([{ url: "" }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[0].url" }]);
    // Over the ceiling every string of the boundary has: refused there, before the resolver, naming the same entry.
    expect(await refused([{ url: `https://portal.contagem.mg.gov.br/${"a".repeat(SourceLimit.URL)}` }])).toEqual([{ code: "BAD_USER_INPUT", field: "input.sources[0].url" }]);
    expect(await refused([{ url: LAW, note: "n".repeat(SourceLimit.NOTE + 1) }])).toEqual([{ code: "BAD_USER_INPUT", field: "sources[0].note" }]);
    const many = Array.from({ length: SourceLimit.ENTRIES + 1 }, (_, i) => ({ url: `https://portal.contagem.mg.gov.br/${i}` }));
    expect(await refused(many)).toEqual([{ code: "BAD_USER_INPUT", field: "sources" }]);
    // The same URL many times is one source: within the limit.
    const repeated = await ask(CREATE_COUNCIL, { input: { name: "Conselho Repetido", kind: "POLICY", sources: Array.from({ length: 30 }, () => ({ url: LAW })) } });
    expect(repeated.data.createCouncil.council.sources).toEqual([{ url: LAW, note: null }]);
    const councils = await ask(`{ councils(first: 100, filter: { search: "Recusado" }) { totalCount } }`);
    expect(councils.data?.councils.totalCount ?? 0).toBe(0);
  });
});

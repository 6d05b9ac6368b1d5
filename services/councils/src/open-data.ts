import { gazetteColumns, publicEnumNames, sourcesColumn, recordColumns, reference, type OpenDataResource } from "@contagem/schema";
import { BoardRole, MandateEndReason, MandateRole, Sector } from "./composition/composition.enums";
import { CouncilKind, CouncilNature, CouncilStatus, QuorumRule } from "./councils/council.enums";
import { LegalActKind } from "./legal-acts/legal-act.enums";
import { OrganizationKind } from "./people/people.enums";
import { TerritoryScheme } from "./territories/territory.enums";

const territories: OpenDataResource = {
  name: "territories",
  title: { pt: "Territórios", en: "Territories" },
  description: { pt: "Regionais administrativas e outras divisões do município (distritos sanitários, territórios do SUAS, bairros).", en: "The municipality's administrative regions and other grids (health districts, SUAS territories, neighbourhoods)." },
  from: "{schema}.territory t",
  alias: "t",
  fields: [
    ...recordColumns("t", { pt: "do território", en: "territory" }),
    { name: "scheme", type: "string", sql: "t.scheme", required: true, enumeration: TerritoryScheme, description: { pt: "Divisão a que pertence (REGIONAL_ADMIN = regional administrativa, …).", en: "The grid it belongs to (REGIONAL_ADMIN, …)." } },
    { name: "code", type: "string", sql: "t.code", required: true, description: { pt: "Código na divisão, p. ex. `ELD`.", en: "Its code in the grid, e.g. `ELD`." } },
    { name: "name", type: "string", sql: "t.name", required: true, description: { pt: "Nome, como o município o escreve.", en: "Its name, as the city writes it." } },
    reference("parent_id", "t.parent_id", { pt: "Território que o contém (territories.id).", en: "The territory containing it (territories.id)." }),
    { name: "population", type: "integer", sql: "t.population", description: { pt: "População, quando uma fonte pública a dá.", en: "Population, where a public source gives it." } },
    { name: "population_source", type: "string", sql: "t.population_source", description: { pt: "Fonte da população.", en: "Where the population comes from." } },
    { name: "area_km2", type: "number", sql: "t.area_km2", description: { pt: "Área em km².", en: "Area in km²." } },
    sourcesColumn("t"),
  ],
  foreignKeys: [{ field: "parent_id", resource: "territories" }],
};

const legalActs: OpenDataResource = {
  name: "legal_acts",
  title: { pt: "Atos normativos", en: "Legal acts" },
  description: { pt: "Leis, decretos, portarias e editais que criam os conselhos e nomeiam seus membros.", en: "Laws, decrees, ordinances and notices that create the councils and appoint their members." },
  from: "{schema}.legal_act a",
  alias: "a",
  fields: [
    ...recordColumns("a", { pt: "do ato", en: "act" }),
    { name: "kind", type: "string", sql: "a.kind", required: true, enumeration: LegalActKind, description: { pt: "Espécie do ato (LAW = lei, DECREE = decreto, …).", en: "The kind of act (LAW, DECREE, …)." } },
    { name: "number", type: "string", sql: "a.number", description: { pt: "Número do ato, p. ex. `5.443`.", en: "The act's number, e.g. `5.443`." } },
    { name: "year", type: "integer", sql: "a.year", required: true, description: { pt: "Ano do ato.", en: "The act's year." } },
    { name: "date", type: "date", sql: "a.date", description: { pt: "Data do ato, quando a fonte a dá.", en: "The act's date, where the source gives it." } },
    { name: "title", type: "string", sql: "a.title", description: { pt: "Ementa ou título.", en: "Its title or summary." } },
    ...gazetteColumns("a"),
    { name: "url", type: "string", sql: "a.url", description: { pt: "Endereço do texto oficial.", en: "URL of the official text." } },
    sourcesColumn("a"),
  ],
};

const organizations: OpenDataResource = {
  name: "organizations",
  title: { pt: "Organizações", en: "Organizations" },
  description: { pt: "Órgãos do governo e entidades da sociedade civil que ocupam assentos nos conselhos.", en: "Government bodies and civil-society entities holding council seats." },
  from: "{schema}.organization o",
  alias: "o",
  fields: [
    ...recordColumns("o", { pt: "da organização", en: "organization" }),
    { name: "name", type: "string", sql: "o.name", required: true, description: { pt: "Nome.", en: "Name." } },
    { name: "acronym", type: "string", sql: "o.acronym", description: { pt: "Sigla, p. ex. `SMS`.", en: "Acronym, e.g. `SMS`." } },
    { name: "kind", type: "string", sql: "o.kind", required: true, enumeration: OrganizationKind, description: { pt: "Tipo de organização.", en: "Kind of organization." } },
    sourcesColumn("o"),
  ],
};

const councils: OpenDataResource = {
  name: "councils",
  title: { pt: "Conselhos", en: "Councils" },
  description: { pt: "Os conselhos de políticas públicas e regionais do Sistema Municipal de Participação (Lei Municipal 5.443/2023).", en: "The policy and regional councils of the Municipal Participation System (Municipal Law 5.443/2023)." },
  from: "{schema}.council c",
  alias: "c",
  fields: [
    ...recordColumns("c", { pt: "do conselho", en: "council" }),
    { name: "slug", type: "string", sql: "c.slug", required: true, description: { pt: "Identificador legível, estável (usado na API e nos feeds).", en: "Stable readable identifier (used by the API and the feeds)." } },
    { name: "acronym", type: "string", sql: "c.acronym", description: { pt: "Sigla, p. ex. `CMS`.", en: "Acronym, e.g. `CMS`." } },
    { name: "name", type: "string", sql: "c.name", required: true, description: { pt: "Nome oficial.", en: "Official name." } },
    { name: "kind", type: "string", sql: "c.kind", required: true, enumeration: CouncilKind, description: { pt: "Tipo (POLICY = de política pública, REGIONAL, …).", en: "Kind (POLICY, REGIONAL, …)." } },
    { name: "policy_area", type: "string", sql: "c.policy_area", description: { pt: "Área da política pública.", en: "Policy area." } },
    { name: "nature", type: "array", sql: "to_jsonb(c.nature)", required: true, description: { pt: `Natureza, em JSON (${[...publicEnumNames(CouncilNature).values()].join(", ")}).`, en: `Nature, as JSON (${[...publicEnumNames(CouncilNature).values()].join(", ")}).` } },
    { name: "status", type: "string", sql: "c.status", required: true, enumeration: CouncilStatus, description: { pt: "Situação do conselho.", en: "The council's status." } },
    reference("territory_id", "c.territory_id", { pt: "Território de um conselho regional (territories.id).", en: "A regional council's territory (territories.id)." }),
    reference("legal_basis_id", "c.legal_basis_id", { pt: "Ato que o criou (legal_acts.id).", en: "The act that created it (legal_acts.id)." }),
    reference("bound_to_id", "c.bound_to_id", { pt: "Órgão a que se vincula (organizations.id).", en: "The body it is attached to (organizations.id)." }),
    { name: "ordinary_meetings_per_year", type: "integer", sql: "c.rule_ordinary_meetings_per_year", description: { pt: "Reuniões ordinárias por ano, segundo seu regimento.", en: "Ordinary meetings per year, under its rules." } },
    { name: "ordinary_notice_days", type: "integer", sql: "c.rule_ordinary_notice_days", description: { pt: "Antecedência mínima de convocação de reunião ordinária, em dias.", en: "Minimum notice for an ordinary meeting, in days." } },
    { name: "extraordinary_notice_hours", type: "integer", sql: "c.rule_extraordinary_notice_hours", description: { pt: "Antecedência mínima de reunião extraordinária, em horas.", en: "Minimum notice for an extraordinary meeting, in hours." } },
    { name: "quorum_rule", type: "string", sql: "c.rule_quorum_rule", enumeration: QuorumRule, description: { pt: "Regra de quórum.", en: "Quorum rule." } },
    { name: "term_length_years", type: "integer", sql: "c.rule_term_length_years", description: { pt: "Duração do mandato (gestão), em anos.", en: "Length of a term, in years." } },
    { name: "max_reappointments", type: "integer", sql: "c.rule_max_reappointments", description: { pt: "Reconduções permitidas.", en: "Reappointments allowed." } },
    { name: "parity", type: "boolean", sql: "c.rule_parity", description: { pt: "Composição paritária governo/sociedade civil.", en: "Parity between government and civil society." } },
    sourcesColumn("c"),
  ],
  foreignKeys: [
    { field: "territory_id", resource: "territories" },
    { field: "legal_basis_id", resource: "legal_acts" },
    { field: "bound_to_id", resource: "organizations" },
  ],
};

const councilActs: OpenDataResource = {
  name: "council_legal_acts",
  title: { pt: "Atos de cada conselho", en: "Each council's legal acts" },
  description: { pt: "Os atos normativos que tratam de cada conselho.", en: "The legal acts concerning each council." },
  from: "{schema}.council_legal_act x",
  alias: "x",
  fields: [
    ...recordColumns("x", { pt: "da ligação", en: "link" }),
    reference("council_id", "x.council_id", { pt: "Conselho (councils.id).", en: "Council (councils.id)." }, true),
    reference("legal_act_id", "x.legal_act_id", { pt: "Ato (legal_acts.id).", en: "Act (legal_acts.id)." }, true),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "legal_act_id", resource: "legal_acts" },
  ],
};

const people: OpenDataResource = {
  name: "public_people",
  title: { pt: "Pessoas públicas", en: "Public people" },
  description: {
    pt: "Conselheiros e conselheiras como os atos oficiais os nomeiam: só o nome publicado, nenhum outro dado pessoal.",
    en: "Council members as the official acts name them: the published name only, no other personal data.",
  },
  from: "{schema}.public_person p",
  alias: "p",
  fields: [
    ...recordColumns("p", { pt: "da pessoa", en: "person" }),
    { name: "display_name", type: "string", sql: "p.display_name", required: true, description: { pt: "Nome como o ato oficial o escreve.", en: "Name as the official act writes it." } },
  ],
};

const seatRules: OpenDataResource = {
  name: "seat_rules",
  title: { pt: "Composição legal", en: "Legal composition" },
  description: { pt: "Quantos assentos titulares e suplentes cada setor tem em cada conselho, segundo a lei.", en: "How many full and alternate seats each sector has in each council, by law." },
  from: "{schema}.seat_rule r",
  alias: "r",
  fields: [
    ...recordColumns("r", { pt: "da regra", en: "rule" }),
    reference("council_id", "r.council_id", { pt: "Conselho (councils.id).", en: "Council (councils.id)." }, true),
    { name: "sector", type: "string", sql: "r.sector", required: true, enumeration: Sector, description: { pt: "Setor representado.", en: "Sector represented." } },
    { name: "segment", type: "string", sql: "r.segment", description: { pt: "Segmento dentro do setor.", en: "Segment within the sector." } },
    { name: "full_members", type: "integer", sql: "r.titulares", required: true, description: { pt: "Assentos titulares.", en: "Full-member seats." } },
    { name: "alternates", type: "integer", sql: "r.suplentes", required: true, description: { pt: "Assentos suplentes.", en: "Alternate seats." } },
  ],
  foreignKeys: [{ field: "council_id", resource: "councils" }],
};

const terms: OpenDataResource = {
  name: "terms",
  title: { pt: "Gestões", en: "Terms" },
  description: { pt: "Os períodos de mandato (gestões) de cada conselho.", en: "Each council's terms of office." },
  from: "{schema}.term t",
  alias: "t",
  fields: [
    ...recordColumns("t", { pt: "da gestão", en: "term" }),
    reference("council_id", "t.council_id", { pt: "Conselho (councils.id).", en: "Council (councils.id)." }, true),
    { name: "label", type: "string", sql: "t.label", required: true, description: { pt: "Rótulo, p. ex. `2023-2025`.", en: "Label, e.g. `2023-2025`." } },
    { name: "starts_on", type: "date", sql: "t.starts_on", required: true, description: { pt: "Início.", en: "Start date." } },
    { name: "ends_on", type: "date", sql: "t.ends_on", required: true, description: { pt: "Fim.", en: "End date." } },
    reference("appointment_act_id", "t.appointment_act_id", { pt: "Ato de nomeação (legal_acts.id).", en: "Appointment act (legal_acts.id)." }),
    sourcesColumn("t"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "appointment_act_id", resource: "legal_acts" },
  ],
};

const seats: OpenDataResource = {
  name: "seats",
  title: { pt: "Assentos", en: "Seats" },
  description: { pt: "Os assentos de cada gestão, ocupados ou não (Popolo: Post).", en: "Each term's seats, filled or not (Popolo: Post)." },
  from: "{schema}.seat s",
  alias: "s",
  fields: [
    ...recordColumns("s", { pt: "do assento", en: "seat" }),
    reference("term_id", "s.term_id", { pt: "Gestão (terms.id).", en: "Term (terms.id)." }, true),
    { name: "position", type: "integer", sql: "s.position", required: true, description: { pt: "Ordem na composição.", en: "Order in the composition." } },
    { name: "sector", type: "string", sql: "s.sector", required: true, enumeration: Sector, description: { pt: "Setor representado.", en: "Sector represented." } },
    { name: "segment", type: "string", sql: "s.segment", description: { pt: "Segmento.", en: "Segment." } },
    reference("organization_id", "s.organization_id", { pt: "Organização que o ocupa (organizations.id).", en: "Organization holding it (organizations.id)." }),
    reference("territory_id", "s.territory_id", { pt: "Território que representa (territories.id).", en: "Territory it represents (territories.id)." }),
  ],
  foreignKeys: [
    { field: "term_id", resource: "terms" },
    { field: "organization_id", resource: "organizations" },
    { field: "territory_id", resource: "territories" },
  ],
};

const mandates: OpenDataResource = {
  name: "mandates",
  title: { pt: "Mandatos", en: "Mandates" },
  description: { pt: "Quem ocupa cada assento, como titular ou suplente, e quando (Popolo: Membership).", en: "Who holds each seat, as full member or alternate, and when (Popolo: Membership)." },
  from: "{schema}.mandate m join {schema}.public_person p on p.id = m.person_id",
  alias: "m",
  fields: [
    ...recordColumns("m", { pt: "do mandato", en: "mandate" }),
    reference("seat_id", "m.seat_id", { pt: "Assento (seats.id).", en: "Seat (seats.id)." }, true),
    reference("person_id", "m.person_id", { pt: "Pessoa (public_people.id).", en: "Person (public_people.id)." }, true),
    { name: "person_name", type: "string", sql: "p.display_name", required: true, description: { pt: "Nome da pessoa como o ato oficial o escreve.", en: "The person's name as the official act writes it." } },
    {
      name: "role",
      type: "string",
      sql: "m.role",
      required: true,
      enumeration: MandateRole,
      description: { pt: "FULL_MEMBER = titular, ALTERNATE = suplente.", en: "FULL_MEMBER (titular) or ALTERNATE (suplente)." },
    },
    { name: "board_role", type: "string", sql: "m.board_role", enumeration: BoardRole, description: { pt: "Cargo na mesa diretora.", en: "Board role." } },
    { name: "starts_on", type: "date", sql: "m.starts_on", required: true, description: { pt: "Início.", en: "Start date." } },
    { name: "ends_on", type: "date", sql: "m.ends_on", description: { pt: "Fim, se terminou.", en: "End date, if it ended." } },
    { name: "end_reason", type: "string", sql: "m.end_reason", enumeration: MandateEndReason, description: { pt: "Por que terminou.", en: "Why it ended." } },
    sourcesColumn("m"),
  ],
  foreignKeys: [
    { field: "seat_id", resource: "seats" },
    { field: "person_id", resource: "public_people" },
  ],
};

/** The councils subgraph's tables in the open-data package, references first. */
export const councilsOpenData: OpenDataResource[] = [territories, legalActs, organizations, councils, councilActs, people, seatRules, terms, seats, mandates];

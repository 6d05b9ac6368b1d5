import { placeColumns, recordColumns, reference, sourcesColumn, type OpenDataField, type OpenDataResource } from "@contagem/schema";
import { SourceSystem } from "./decidim/source.enums";
import { InterventionStatus } from "./interventions/intervention.enums";
import { PhaseKind, ProcessKind, ProcessStatus } from "./processes/process.enums";
import { ProposalStatus } from "./proposals/proposal.enums";
import { figuresOpenData } from "./stats/stats.open-data";

/**
 * Participants are private (LGPD): no table of them, no author of a proposal, no ballot, no support — only counts.
 * Results are the graph's: votes per option for a vote held here; none for a historical vote of the public record,
 * whose ballots were cast elsewhere (see `ParticipatoryProcess.results`).
 */
/**
 * Where a row is kept (the graph's `source`): CONTAGEM for this graph's own, DECIDIM for one imported from Decide
 * Contagem, with its page there, its Decidim type and id, and when the sync last read it.
 */
const originColumns = (alias: string): OpenDataField[] => [
  {
    name: "source_system", type: "string", sql: `coalesce(${alias}.origin_system, 'CONTAGEM')`, required: true, enumeration: SourceSystem,
    description: { pt: "Onde o registro é mantido: CONTAGEM (este sistema) ou DECIDIM (importado do Decide Contagem, somente leitura aqui).", en: "Where the record is kept: CONTAGEM (this system) or DECIDIM (imported from Decide Contagem, read-only here)." },
  },
  { name: "source_page", type: "string", sql: `${alias}.origin_url`, description: { pt: "Importado: sua página no Decide Contagem.", en: "Imported: its page on Decide Contagem." } },
  {
    name: "source_external_id", type: "string", sql: `${alias}.origin_type || '/' || ${alias}.origin_external_id`,
    description: { pt: "Importado: tipo e id no Decidim (ex.: Proposal/101).", en: "Imported: its Decidim type and id (e.g. Proposal/101)." },
  },
  { name: "source_imported_at", type: "datetime", sql: `${alias}.origin_imported_at`, description: { pt: "Importado: quando a sincronização o leu (UTC).", en: "Imported: when the sync read it (UTC)." } },
];

const process = (alias: string) => reference("process_id", `${alias}.process_id`, { pt: "Processo (processes.id).", en: "Process (processes.id)." }, true);

const processes: OpenDataResource = {
  name: "processes",
  title: { pt: "Processos participativos", en: "Participatory processes" },
  description: { pt: "Votações, orçamento de obras regionais, consultas, conferências, eleições de conselhos e audiências.", en: "Votes, regional works budgets, consultations, conferences, council elections and hearings." },
  from: "{schema}.process p left join (select b.process_id, count(*)::int n from {schema}.ballot b group by b.process_id) b on b.process_id = p.id",
  alias: "p",
  fields: [
    ...recordColumns("p", { pt: "do processo", en: "process" }),
    { name: "kind", type: "string", sql: "p.kind", required: true, enumeration: ProcessKind, description: { pt: "Tipo de processo.", en: "Kind of process." } },
    { name: "title", type: "string", sql: "p.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "description", type: "string", sql: "p.description", required: true, description: { pt: "Descrição (Markdown).", en: "Description (Markdown)." } },
    { name: "status", type: "string", sql: "p.status", required: true, enumeration: ProcessStatus, description: { pt: "Situação.", en: "Status." } },
    reference("council_id", "p.council_id", { pt: "Conselho que o conduz (councils.id).", en: "Council running it (councils.id)." }),
    reference("territory_id", "p.territory_id", { pt: "Território; vazio para a cidade toda (territories.id).", en: "Territory; empty for the whole city (territories.id)." }),
    { name: "max_choices", type: "integer", sql: "p.max_choices", description: { pt: "Em votações: quantas opções cada participante escolhe.", en: "For votes: how many options each participant picks." } },
    { name: "minimum_age", type: "integer", sql: "p.minimum_age", description: { pt: "Idade mínima para participar, quando o ato a dá.", en: "Minimum age to take part, where the act states one." } },
    { name: "rules_text", type: "string", sql: "p.rules_text", description: { pt: "Regras, como o ato as escreve.", en: "The rules, as the act words them." } },
    {
      name: "ballots",
      type: "integer",
      sql: "case when p.max_choices is not null and p.record_key is null then coalesce(b.n, 0) end",
      description: { pt: "Em votações feitas aqui: cédulas registradas.", en: "For votes held here: ballots recorded." },
    },
    { name: "source_url", type: "string", sql: "p.source_url", description: { pt: "Onde está o registro público do processo.", en: "Where the process's public record is." } },
    sourcesColumn("p"),
    ...originColumns("p"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "territory_id", resource: "territories" },
  ],
};

const phases: OpenDataResource = {
  name: "phases",
  title: { pt: "Fases", en: "Phases" },
  description: { pt: "As fases de cada processo, em ordem.", en: "Each process's phases, in order." },
  from: "{schema}.phase f",
  alias: "f",
  fields: [
    ...recordColumns("f", { pt: "da fase", en: "phase" }),
    process("f"),
    { name: "position", type: "integer", sql: "f.position", required: true, description: { pt: "Ordem (1, 2, …).", en: "Order (1, 2, …)." } },
    { name: "kind", type: "string", sql: "f.kind", required: true, enumeration: PhaseKind, description: { pt: "O que se faz na fase.", en: "What citizens can do in it." } },
    { name: "title", type: "string", sql: "f.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "starts_at", type: "datetime", sql: "f.starts_at", required: true, description: { pt: "Início (UTC).", en: "Start (UTC)." } },
    { name: "ends_at", type: "datetime", sql: "f.ends_at", description: { pt: "Fim (UTC), quando registrado.", en: "End (UTC), where on record." } },
  ],
  foreignKeys: [{ field: "process_id", resource: "processes" }],
};

const processMeetings: OpenDataResource = {
  name: "process_meetings",
  title: { pt: "Reuniões dos processos", en: "Processes' meetings" },
  description: { pt: "Reuniões que fazem parte de cada processo.", en: "Meetings that are part of each process." },
  from: "{schema}.process_meeting x",
  alias: "x",
  fields: [
    ...recordColumns("x", { pt: "da ligação", en: "link" }),
    process("x"),
    reference("meeting_id", "x.meeting_id", { pt: "Reunião (meetings.id).", en: "Meeting (meetings.id)." }, true),
  ],
  foreignKeys: [
    { field: "process_id", resource: "processes" },
    { field: "meeting_id", resource: "meetings" },
  ],
};

const proposals: OpenDataResource = {
  name: "proposals",
  title: { pt: "Propostas e opções", en: "Proposals and options" },
  description: { pt: "Propostas e opções de votação, com apoios e votos (sem autoria: dado pessoal).", en: "Proposals and vote options, with supports and votes (no author: personal data)." },
  from:
    "{schema}.proposal o join {schema}.process p on p.id = o.process_id " +
    "left join (select c.proposal_id, count(*)::int n from {schema}.ballot_choice c group by c.proposal_id) v on v.proposal_id = o.id",
  alias: "o",
  fields: [
    ...recordColumns("o", { pt: "da proposta", en: "proposal" }),
    process("o"),
    { name: "title", type: "string", sql: "o.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "body", type: "string", sql: "o.body", required: true, description: { pt: "Texto (Markdown).", en: "Text (Markdown)." } },
    reference("territory_id", "o.territory_id", { pt: "Território (territories.id).", en: "Territory (territories.id)." }),
    { name: "status", type: "string", sql: "o.status", required: true, enumeration: ProposalStatus, description: { pt: "Situação.", en: "Status." } },
    { name: "status_reason", type: "string", sql: "o.status_reason", description: { pt: "Motivo da retirada ou da decisão.", en: "Why it was withdrawn or decided so." } },
    sourcesColumn("o"),
    ...originColumns("o"),
    {
      name: "supporters",
      type: "integer",
      sql: "o.support_count",
      description: {
        pt: "Quantos participantes a apoiam por esta plataforma; vazio numa opção de um processo do registro público, cujos apoios não constam.",
        en: "How many participants support it here; empty for an option of a process of the public record, whose supports are not stated.",
      },
    },
    {
      name: "votes",
      type: "integer",
      sql: "case when p.max_choices is not null and p.record_key is null then coalesce(v.n, 0) end",
      description: { pt: "Em votações feitas aqui: cédulas que a escolheram.", en: "For votes held here: ballots that picked it." },
    },
  ],
  foreignKeys: [
    { field: "process_id", resource: "processes" },
    { field: "territory_id", resource: "territories" },
  ],
};

const candidacies: OpenDataResource = {
  name: "candidacies",
  title: { pt: "Candidaturas", en: "Candidacies" },
  description: { pt: "Candidaturas nas eleições de conselhos e seus resultados oficiais.", en: "Candidacies in council elections and their official results." },
  from: "{schema}.candidacy c",
  alias: "c",
  fields: [
    ...recordColumns("c", { pt: "da candidatura", en: "candidacy" }),
    process("c"),
    { name: "display_name", type: "string", sql: "c.display_name", required: true, description: { pt: "Nome como o edital o escreve.", en: "Name as the official notice writes it." } },
    { name: "segment", type: "string", sql: "c.segment", description: { pt: "Segmento.", en: "Segment." } },
    reference("territory_id", "c.territory_id", { pt: "Território (territories.id).", en: "Territory (territories.id)." }),
    { name: "votes", type: "integer", sql: "c.votes", description: { pt: "Votos, do resultado oficial.", en: "Votes, from the official results." } },
    { name: "elected", type: "boolean", sql: "c.elected", description: { pt: "Se foi eleita.", en: "Whether elected." } },
    sourcesColumn("c"),
  ],
  foreignKeys: [
    { field: "process_id", resource: "processes" },
    { field: "territory_id", resource: "territories" },
  ],
};

const interventions: OpenDataResource = {
  name: "interventions",
  title: { pt: "Obras e intervenções", en: "Works" },
  description: { pt: "Obras escolhidas pelos conselhos regionais, com custo e andamento.", en: "Works chosen by the regional councils, with cost and progress." },
  from: "{schema}.intervention i",
  alias: "i",
  fields: [
    ...recordColumns("i", { pt: "da obra", en: "works" }),
    reference("council_id", "i.council_id", { pt: "Conselho (councils.id).", en: "Council (councils.id)." }, true),
    reference("territory_id", "i.territory_id", { pt: "Território (territories.id).", en: "Territory (territories.id)." }),
    reference("process_id", "i.process_id", { pt: "Processo (processes.id).", en: "Process (processes.id)." }),
    reference("deliberation_id", "i.deliberation_id", { pt: "Deliberação que a decidiu (deliberations.id).", en: "Deliberation that decided it (deliberations.id)." }),
    { name: "title", type: "string", sql: "i.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "description", type: "string", sql: "i.description", description: { pt: "Descrição.", en: "Description." } },
    { name: "estimated_cost", type: "number", sql: "i.estimated_cost", description: { pt: "Custo estimado, em reais (BRL).", en: "Estimated cost, in reais (BRL)." } },
    { name: "year", type: "integer", sql: "i.year", description: { pt: "Ano do orçamento.", en: "Budget year." } },
    { name: "status", type: "string", sql: "i.status", required: true, enumeration: InterventionStatus, description: { pt: "Situação.", en: "Status." } },
    { name: "progress", type: "integer", sql: "i.progress", required: true, description: { pt: "Andamento, em % (0–100).", en: "Progress, in % (0–100)." } },
    sourcesColumn("i"),
    ...placeColumns("i"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "territory_id", resource: "territories" },
    { field: "process_id", resource: "processes" },
    { field: "deliberation_id", resource: "deliberations" },
  ],
};

const milestones: OpenDataResource = {
  name: "milestones",
  title: { pt: "Marcos das obras", en: "Works milestones" },
  description: { pt: "As etapas de cada obra, com prazo e conclusão.", en: "Each works' milestones, due and done." },
  from: "{schema}.milestone s",
  alias: "s",
  fields: [
    ...recordColumns("s", { pt: "do marco", en: "milestone" }),
    reference("intervention_id", "s.intervention_id", { pt: "Obra (interventions.id).", en: "Works (interventions.id)." }, true),
    { name: "position", type: "integer", sql: "s.position", required: true, description: { pt: "Ordem.", en: "Order." } },
    { name: "title", type: "string", sql: "s.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "due_on", type: "date", sql: "s.due_on", description: { pt: "Prazo.", en: "Due date." } },
    { name: "done_on", type: "date", sql: "s.done_on", description: { pt: "Data de conclusão.", en: "Date done." } },
  ],
  foreignKeys: [{ field: "intervention_id", resource: "interventions" }],
};

const assemblies: OpenDataResource = {
  name: "assemblies",
  title: { pt: "Assembleias no Decide Contagem", en: "Assemblies on Decide Contagem" },
  description: { pt: "Os espaços dos conselhos regionais na plataforma Decide Contagem (Decidim).", en: "The regional councils' spaces on the Decide Contagem (Decidim) platform." },
  from: "{schema}.assembly a",
  alias: "a",
  fields: [
    ...recordColumns("a", { pt: "da assembleia", en: "assembly" }),
    { name: "slug", type: "string", sql: "a.slug", required: true, description: { pt: "Slug na plataforma.", en: "Slug on the platform." } },
    { name: "name", type: "string", sql: "a.name", required: true, description: { pt: "Nome na plataforma.", en: "Name on the platform." } },
    reference("council_id", "a.council_id", { pt: "Conselho (councils.id).", en: "Council (councils.id)." }),
    {
      name: "facts", type: "string", sql: "nullif(a.facts, '')",
      description: { pt: "O que o registro público diz dela, um fato por linha; vazio para uma que só o Decide Contagem publica.", en: "What the public record states about it, one fact a line; empty for one only Decide Contagem publishes." },
    },
    { name: "subtitle", type: "string", sql: "a.subtitle", description: { pt: "Importada: seu subtítulo no Decide Contagem.", en: "Imported: its subtitle on Decide Contagem." } },
    { name: "description", type: "string", sql: "a.description", description: { pt: "Importada: sua descrição no Decide Contagem (texto).", en: "Imported: its description on Decide Contagem (plain text)." } },
    sourcesColumn("a"),
    ...originColumns("a"),
  ],
  foreignKeys: [{ field: "council_id", resource: "councils" }],
};

const processResults: OpenDataResource = {
  name: "process_results",
  title: { pt: "Resultados dos processos (prestação de contas)", en: "Processes' results (accountability)" },
  description: { pt: "O que cada processo do Decide Contagem resultou, com andamento, como a plataforma os publica.", en: "What each Decide Contagem process resulted in, with progress, as the platform publishes them." },
  from: "{schema}.process_result r",
  alias: "r",
  fields: [
    ...recordColumns("r", { pt: "do resultado", en: "result" }),
    process("r"),
    reference("parent_id", "r.parent_id", { pt: "Resultado do qual é parte (process_results.id).", en: "Result it is part of (process_results.id)." }),
    { name: "title", type: "string", sql: "r.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "description", type: "string", sql: "r.description", required: true, description: { pt: "Descrição (texto).", en: "Description (plain text)." } },
    { name: "start_date", type: "date", sql: "r.start_date", description: { pt: "Início.", en: "Start date." } },
    { name: "end_date", type: "date", sql: "r.end_date", description: { pt: "Fim.", en: "End date." } },
    { name: "progress", type: "number", sql: "r.progress", constraints: { minimum: 0, maximum: 100 }, description: { pt: "Andamento, em % (0–100).", en: "Progress, in % (0–100)." } },
    { name: "status_name", type: "string", sql: "r.status_name", description: { pt: "Situação, como a plataforma a nomeia.", en: "Status, as the platform names it." } },
    ...originColumns("r"),
  ],
  foreignKeys: [
    { field: "process_id", resource: "processes" },
    { field: "parent_id", resource: "process_results" },
  ],
};

const assemblyMeetings: OpenDataResource = {
  name: "assembly_meetings",
  title: { pt: "Reuniões das assembleias no Decide Contagem", en: "Assemblies' meetings on Decide Contagem" },
  description: { pt: "As reuniões que cada assembleia publica no Decide Contagem, com pauta e relatório de encerramento.", en: "The meetings each assembly publishes on Decide Contagem, with agenda and closing report." },
  from: "{schema}.assembly_meeting m",
  alias: "m",
  fields: [
    ...recordColumns("m", { pt: "da reunião", en: "meeting" }),
    reference("assembly_id", "m.assembly_id", { pt: "Assembleia (assemblies.id).", en: "Assembly (assemblies.id)." }, true),
    { name: "title", type: "string", sql: "m.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "description", type: "string", sql: "m.description", required: true, description: { pt: "Descrição (texto).", en: "Description (plain text)." } },
    { name: "starts_at", type: "datetime", sql: "m.starts_at", required: true, description: { pt: "Início (UTC).", en: "Start (UTC)." } },
    { name: "ends_at", type: "datetime", sql: "m.ends_at", description: { pt: "Fim (UTC).", en: "End (UTC)." } },
    { name: "address", type: "string", sql: "m.address", description: { pt: "Endereço, como a plataforma o dá.", en: "Address, as the platform gives it." } },
    { name: "agenda", type: "array", sql: "m.agenda", required: true, description: { pt: "Pauta: [{\"title\": …, \"description\": …}] em ordem.", en: "Agenda: [{\"title\": …, \"description\": …}] in order." } },
    { name: "closed", type: "boolean", sql: "m.closed", required: true, description: { pt: "Encerrada (com relatório).", en: "Closed (with a report)." } },
    { name: "closing_report", type: "string", sql: "m.closing_report", description: { pt: "Relatório de encerramento.", en: "Closing report." } },
    { name: "attendees_count", type: "integer", sql: "m.attendees_count", constraints: { minimum: 0 }, description: { pt: "Participantes, segundo o relatório.", en: "Attendees, per the report." } },
    { name: "contributions_count", type: "integer", sql: "m.contributions_count", constraints: { minimum: 0 }, description: { pt: "Contribuições, segundo o relatório.", en: "Contributions, per the report." } },
    { name: "attending_organizations", type: "string", sql: "m.attending_organizations", description: { pt: "Organizações presentes, segundo o relatório.", en: "Organisations present, per the report." } },
    ...originColumns("m"),
  ],
  foreignKeys: [{ field: "assembly_id", resource: "assemblies" }],
};

/** The participation subgraph's public tables in the open-data package, references first. */
export const participationOpenData: OpenDataResource[] = [
  processes, phases, processMeetings, proposals, candidacies, interventions, milestones, assemblies, processResults, assemblyMeetings, figuresOpenData,
];

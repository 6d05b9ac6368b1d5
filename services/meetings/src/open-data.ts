import { gazetteColumns, placeColumns, recordColumns, reference, sourcesColumn, type OpenDataResource } from "@contagem/schema";
import { AttendanceStatus } from "./attendance/attendance.enums";
import { DeliberationOutcome, VoteChoice } from "./deliberations/deliberation.enums";
import { AgendaItemKind, MeetingStatus, MeetingType, Modality } from "./meetings/meeting.enums";
import { MinutesStatus } from "./minutes/minutes.enums";
import { ResolutionStatus } from "./resolutions/resolution.enums";
import { DocumentKind } from "./documents/document.enums";

const council = (alias: string) => reference("council_id", `${alias}.council_id`, { pt: "Conselho (councils.id).", en: "Council (councils.id)." }, true);
const meeting = (alias: string, required = true) => reference("meeting_id", `${alias}.meeting_id`, { pt: "Reunião (meetings.id).", en: "Meeting (meetings.id)." }, required);

const meetings: OpenDataResource = {
  name: "meetings",
  title: { pt: "Reuniões", en: "Meetings" },
  description: { pt: "As reuniões dos conselhos: convocação, pauta, situação e quórum.", en: "The councils' meetings: convocation, agenda, status and quorum." },
  from: "{schema}.meeting m",
  alias: "m",
  fields: [
    ...recordColumns("m", { pt: "da reunião", en: "meeting" }),
    council("m"),
    reference("term_id", "m.term_id", { pt: "Gestão em que ocorre (terms.id).", en: "The term it belongs to (terms.id)." }),
    { name: "type", type: "string", sql: "m.type", required: true, enumeration: MeetingType, description: { pt: "Tipo (ORDINARY = ordinária, EXTRAORDINARY = extraordinária, …).", en: "Type (ORDINARY, EXTRAORDINARY, …)." } },
    { name: "type_label", type: "string", sql: "m.type_label", description: { pt: "Tipo como o registro o escreve.", en: "The type as the record writes it." } },
    { name: "sequence_label", type: "string", sql: "m.sequence_label", description: { pt: "Numeração, p. ex. `45ª Reunião Ordinária`.", en: "Its sequence, e.g. `45ª Reunião Ordinária`." } },
    { name: "status", type: "string", sql: "m.status", required: true, enumeration: MeetingStatus, description: { pt: "Situação (SCHEDULED, CONVENED, HELD, CANCELLED, POSTPONED).", en: "Status (SCHEDULED, CONVENED, HELD, CANCELLED, POSTPONED)." } },
    { name: "status_reason", type: "string", sql: "m.status_reason", description: { pt: "Motivo do cancelamento ou adiamento.", en: "Why it was cancelled or postponed." } },
    { name: "modality", type: "string", sql: "m.modality", required: true, enumeration: Modality, description: { pt: "Presencial, online ou híbrida.", en: "In person, online or hybrid." } },
    { name: "starts_at", type: "datetime", sql: "m.starts_at", required: true, description: { pt: "Início (UTC; Contagem está em UTC−3).", en: "Start (UTC; Contagem is at UTC−3)." } },
    { name: "start_time_stated", type: "boolean", sql: "m.start_time_stated", required: true, description: { pt: "Se o registro informa a hora (senão só a data vale).", en: "Whether the record states the time (else only the date holds)." } },
    { name: "ends_at", type: "datetime", sql: "m.ends_at", description: { pt: "Fim (UTC).", en: "End (UTC)." } },
    { name: "place", type: "string", sql: "m.place", description: { pt: "Local.", en: "Place." } },
    ...placeColumns("m"),
    { name: "online_url", type: "string", sql: "m.online_url", description: { pt: "Endereço da transmissão ou sala online.", en: "URL of the online room or stream." } },
    { name: "recording_url", type: "string", sql: "m.recording_url", description: { pt: "Gravação (vídeo ou áudio) da reunião realizada.", en: "Recording (video or audio) of the held meeting." } },
    { name: "closing_report", type: "string", sql: "m.closing_report", description: { pt: "Relatório de encerramento (Markdown).", en: "Closing report (Markdown)." } },
    reference("territory_id", "m.territory_id", { pt: "Território (territories.id).", en: "Territory (territories.id)." }),
    { name: "convoked_on", type: "date", sql: "m.convoked_on", description: { pt: "Data da convocação, segundo o registro.", en: "Date of the convocation, per the record." } },
    { name: "convened_at", type: "datetime", sql: "m.convened_at", description: { pt: "Quando foi convocada nesta plataforma (UTC).", en: "When it was convened on this platform (UTC)." } },
    { name: "notice_required_hours", type: "integer", sql: "m.notice_required_hours", description: { pt: "Antecedência exigida pelo regimento, em horas.", en: "Notice its council's rules require, in hours." } },
    { name: "quorum_rule", type: "string", sql: "m.quorum_rule", description: { pt: "Regra de quórum aplicada (como em councils.quorum_rule).", en: "Quorum rule applied." } },
    { name: "seats_total", type: "integer", sql: "m.seats_total", description: { pt: "Assentos com mandato na data.", en: "Seats with a mandate on the day." } },
    { name: "quorum_required", type: "integer", sql: "m.quorum_required", description: { pt: "Presenças necessárias.", en: "Presences required." } },
    { name: "present_count", type: "integer", sql: "m.present_count", description: { pt: "Presenças registradas.", en: "Presences recorded." } },
    { name: "notes", type: "string", sql: "m.notes", description: { pt: "Observações do registro.", en: "Notes from the record." } },
    sourcesColumn("m"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "term_id", resource: "terms" },
    { field: "territory_id", resource: "territories" },
  ],
};

const agendaItems: OpenDataResource = {
  name: "agenda_items",
  title: { pt: "Itens de pauta", en: "Agenda items" },
  description: { pt: "A pauta ordenada de cada reunião.", en: "Each meeting's ordered agenda." },
  // An item approving minutes links them only once they are published: drafts are not public.
  from: "{schema}.agenda_item a left join {schema}.minutes mi on mi.id = a.minutes_id",
  alias: "a",
  fields: [
    ...recordColumns("a", { pt: "do item", en: "item" }),
    meeting("a"),
    { name: "position", type: "integer", sql: "a.position", required: true, description: { pt: "Ordem na pauta (1, 2, …).", en: "Order in the agenda (1, 2, …)." } },
    { name: "kind", type: "string", sql: "a.kind", required: true, enumeration: AgendaItemKind, description: { pt: "Tipo de item.", en: "Kind of item." } },
    { name: "title", type: "string", sql: "a.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "description", type: "string", sql: "a.description", description: { pt: "Descrição.", en: "Description." } },
    reference("minutes_id", `case when mi.status = '${MinutesStatus.PUBLISHED}' then a.minutes_id end`, { pt: "Ata que o item aprova, se publicada (minutes.id).", en: "Minutes the item approves, once published (minutes.id)." }),
  ],
  foreignKeys: [
    { field: "meeting_id", resource: "meetings" },
    { field: "minutes_id", resource: "minutes" },
  ],
};

const attendance: OpenDataResource = {
  name: "attendance",
  title: { pt: "Presenças", en: "Attendance" },
  description: { pt: "A presença de cada mandato em cada reunião, com substituições por suplentes.", en: "Each mandate's attendance at each meeting, with substitutions by alternates." },
  from: "{schema}.attendance a",
  alias: "a",
  fields: [
    ...recordColumns("a", { pt: "do registro de presença", en: "attendance record" }),
    meeting("a"),
    reference("mandate_id", "a.mandate_id", { pt: "Mandato (mandates.id).", en: "Mandate (mandates.id)." }, true),
    reference("seat_id", "a.seat_id", { pt: "Assento (seats.id).", en: "Seat (seats.id)." }),
    { name: "status", type: "string", sql: "a.status", required: true, enumeration: AttendanceStatus, description: { pt: "PRESENT, ABSENT, JUSTIFIED (ausência justificada) ou SUBSTITUTED (substituído por suplente).", en: "PRESENT, ABSENT, JUSTIFIED or SUBSTITUTED (by an alternate)." } },
    reference("substitute_mandate_id", "a.substitute_mandate_id", { pt: "Mandato do suplente que substituiu (mandates.id).", en: "The substituting alternate's mandate (mandates.id)." }),
    { name: "note", type: "string", sql: "a.note", description: { pt: "Observação.", en: "Note." } },
  ],
  foreignKeys: [
    { field: "meeting_id", resource: "meetings" },
    { field: "mandate_id", resource: "mandates" },
    { field: "seat_id", resource: "seats" },
    { field: "substitute_mandate_id", resource: "mandates" },
  ],
};

const deliberations: OpenDataResource = {
  name: "deliberations",
  title: { pt: "Deliberações", en: "Deliberations" },
  description: { pt: "O que cada reunião decidiu, com a contagem de votos.", en: "What each meeting decided, with the vote counts." },
  from: "{schema}.deliberation d",
  alias: "d",
  fields: [
    ...recordColumns("d", { pt: "da deliberação", en: "deliberation" }),
    meeting("d"),
    reference("agenda_item_id", "d.agenda_item_id", { pt: "Item de pauta (agenda_items.id).", en: "Agenda item (agenda_items.id)." }),
    { name: "text", type: "string", sql: "d.text", required: true, description: { pt: "O que foi votado.", en: "What was voted on." } },
    { name: "votes_for", type: "integer", sql: "d.votes_for", description: { pt: "Votos a favor.", en: "Votes for." } },
    { name: "votes_against", type: "integer", sql: "d.votes_against", description: { pt: "Votos contra.", en: "Votes against." } },
    { name: "abstentions", type: "integer", sql: "d.abstentions", description: { pt: "Abstenções.", en: "Abstentions." } },
    { name: "outcome", type: "string", sql: "d.outcome", required: true, enumeration: DeliberationOutcome, description: { pt: "Resultado.", en: "Outcome." } },
    sourcesColumn("d"),
  ],
  foreignKeys: [
    { field: "meeting_id", resource: "meetings" },
    { field: "agenda_item_id", resource: "agenda_items" },
  ],
};

const votes: OpenDataResource = {
  name: "votes",
  title: { pt: "Votos nominais", en: "Nominal votes" },
  description: { pt: "O voto de cada mandato, quando a deliberação foi nominal.", en: "Each mandate's vote, where the deliberation was by roll call." },
  from: "{schema}.vote v",
  alias: "v",
  fields: [
    ...recordColumns("v", { pt: "do voto", en: "vote" }),
    reference("deliberation_id", "v.deliberation_id", { pt: "Deliberação (deliberations.id).", en: "Deliberation (deliberations.id)." }, true),
    reference("mandate_id", "v.mandate_id", { pt: "Mandato (mandates.id).", en: "Mandate (mandates.id)." }, true),
    { name: "choice", type: "string", sql: "v.choice", required: true, enumeration: VoteChoice, description: { pt: "Voto.", en: "Choice." } },
  ],
  foreignKeys: [
    { field: "deliberation_id", resource: "deliberations" },
    { field: "mandate_id", resource: "mandates" },
  ],
};

const PUBLISHED = `mi.status = '${MinutesStatus.PUBLISHED}'`;

const minutes: OpenDataResource = {
  name: "minutes",
  title: { pt: "Atas", en: "Minutes" },
  description: { pt: "As atas publicadas (as em rascunho ou só aprovadas não são públicas).", en: "The published minutes (drafts and minutes only approved are not public)." },
  from: "{schema}.minutes mi",
  where: PUBLISHED,
  alias: "mi",
  fields: [
    ...recordColumns("mi", { pt: "da ata", en: "minutes" }),
    council("mi"),
    meeting("mi"),
    { name: "year", type: "integer", sql: "mi.year", required: true, description: { pt: "Ano da numeração.", en: "Numbering year." } },
    { name: "number", type: "integer", sql: "mi.number", required: true, description: { pt: "Número no ano e conselho (Ata 006/2024 → 6).", en: "Number in its council and year (Ata 006/2024 → 6)." } },
    { name: "status", type: "string", sql: "mi.status", required: true, enumeration: MinutesStatus, description: { pt: "Situação (sempre PUBLISHED aqui).", en: "Status (always PUBLISHED here)." } },
    { name: "current_version", type: "integer", sql: "mi.current_version", required: true, description: { pt: "Número da versão em vigor (minutes_versions.number).", en: "Number of the current version (minutes_versions.number)." } },
    reference("approved_at_meeting_id", "mi.approved_at_meeting_id", { pt: "Reunião que a aprovou (meetings.id).", en: "Meeting that approved it (meetings.id)." }),
    { name: "approved_at", type: "datetime", sql: "mi.approved_at", description: { pt: "Quando foi aprovada (UTC).", en: "When it was approved (UTC)." } },
    ...gazetteColumns("mi"),
    { name: "published_at", type: "datetime", sql: "mi.published_at", description: { pt: "Quando foi publicada (UTC).", en: "When it was published (UTC)." } },
    sourcesColumn("mi"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "meeting_id", resource: "meetings" },
    { field: "approved_at_meeting_id", resource: "meetings" },
  ],
};

const minutesVersions: OpenDataResource = {
  name: "minutes_versions",
  title: { pt: "Versões das atas", en: "Minutes versions" },
  description: {
    pt: "Cada versão publicada do texto de cada ata, com seu SHA-256: uma correção é uma nova versão, e as anteriores continuam aqui.",
    en: "Every published version of each minutes' text, with its SHA-256: a correction is a new version, and the earlier ones stay here.",
  },
  from: "{schema}.minutes_version v join {schema}.minutes mi on mi.id = v.minutes_id",
  where: `${PUBLISHED} and v.published`,
  alias: "v",
  fields: [
    ...recordColumns("v", { pt: "da versão", en: "version" }),
    reference("minutes_id", "v.minutes_id", { pt: "Ata (minutes.id).", en: "Minutes (minutes.id)." }, true),
    { name: "number", type: "integer", sql: "v.number", required: true, description: { pt: "Número da versão (1, 2, …).", en: "Version number (1, 2, …)." } },
    { name: "change_note", type: "string", sql: "v.change_note", description: { pt: "Motivo da correção.", en: "Why it was corrected." } },
    { name: "sha256", type: "string", sql: "v.sha256", required: true, description: { pt: "SHA-256 do texto (UTF-8), em hexadecimal.", en: "SHA-256 of the text (UTF-8), in hex." } },
    { name: "body", type: "string", sql: "v.body", required: true, description: { pt: "O texto da ata.", en: "The minutes' text." } },
  ],
  foreignKeys: [{ field: "minutes_id", resource: "minutes" }],
};

const resolutions: OpenDataResource = {
  name: "resolutions",
  title: { pt: "Resoluções", en: "Resolutions" },
  description: { pt: "As resoluções dos conselhos, com o que alteram ou revogam.", en: "The councils' resolutions, with what they amend or revoke." },
  from: "{schema}.resolution r",
  alias: "r",
  fields: [
    ...recordColumns("r", { pt: "da resolução", en: "resolution" }),
    council("r"),
    { name: "year", type: "integer", sql: "r.year", required: true, description: { pt: "Ano da numeração.", en: "Numbering year." } },
    { name: "number", type: "integer", sql: "r.number", required: true, description: { pt: "Número no ano e conselho.", en: "Number in its council and year." } },
    { name: "date", type: "date", sql: "r.date", required: true, description: { pt: "Data.", en: "Date." } },
    { name: "summary", type: "string", sql: "r.summary", required: true, description: { pt: "Ementa.", en: "Summary." } },
    { name: "body", type: "string", sql: "r.body", description: { pt: "Texto.", en: "Text." } },
    { name: "status", type: "string", sql: "r.status", required: true, enumeration: ResolutionStatus, description: { pt: "IN_FORCE (em vigor), AMENDED (alterada) ou REVOKED (revogada).", en: "IN_FORCE, AMENDED or REVOKED." } },
    meeting("r", false),
    reference("deliberation_id", "r.deliberation_id", { pt: "Deliberação que a adotou (deliberations.id).", en: "Deliberation that adopted it (deliberations.id)." }),
    reference("amends_id", "r.amends_id", { pt: "Resolução que ela altera (resolutions.id).", en: "Resolution it amends (resolutions.id)." }),
    reference("revokes_id", "r.revokes_id", { pt: "Resolução que ela revoga (resolutions.id).", en: "Resolution it revokes (resolutions.id)." }),
    ...gazetteColumns("r"),
    sourcesColumn("r"),
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "meeting_id", resource: "meetings" },
    { field: "deliberation_id", resource: "deliberations" },
    { field: "amends_id", resource: "resolutions" },
    { field: "revokes_id", resource: "resolutions" },
  ],
};

/** The meetings subgraph's tables in the open-data package, references first. */
/** A document's download path: its global id (base64 of "Document:<id>", as the API's `Document.url`) and file name. */
const documentUrl = `'/documents/' || replace(encode(convert_to('Document:' || d.id, 'UTF8'), 'base64'), '=', '%3D') || '/' || d.filename`;

const documents: OpenDataResource = {
  name: "documents",
  title: { pt: "Documentos", en: "Documents" },
  description: {
    pt: "Os arquivos (pautas, editais, atas assinadas, textos de resoluções, anexos) das reuniões, das versões publicadas das atas e das resoluções: metadados e endereço para baixar, não o conteúdo.",
    en: "The files (agendas, notices, signed minutes, resolution texts, annexes) of meetings, published minutes versions and resolutions: metadata and download path, not the bytes.",
  },
  // A draft version's documents are not public; withdrawn ones never were.
  from: "{schema}.document d left join {schema}.minutes_version v on v.id = d.minutes_version_id",
  where: "d.withdrawn_at is null and (d.minutes_version_id is null or v.published)",
  alias: "d",
  fields: [
    ...recordColumns("d", { pt: "do documento", en: "document" }),
    council("d"),
    reference("meeting_id", "d.meeting_id", { pt: "Reunião (meetings.id), se é dela.", en: "Meeting (meetings.id), if it is the meeting's." }),
    reference("minutes_version_id", "d.minutes_version_id", { pt: "Versão da ata (minutes_versions.id), se é dela.", en: "Minutes version (minutes_versions.id), if it is the version's." }),
    reference("resolution_id", "d.resolution_id", { pt: "Resolução (resolutions.id), se é dela.", en: "Resolution (resolutions.id), if it is the resolution's." }),
    { name: "kind", type: "string", sql: "d.kind", required: true, enumeration: DocumentKind, description: { pt: "Tipo (AGENDA, CONVOCATION_NOTICE, SIGNED_MINUTES, RESOLUTION_TEXT, ANNEX).", en: "Kind (AGENDA, CONVOCATION_NOTICE, SIGNED_MINUTES, RESOLUTION_TEXT, ANNEX)." } },
    { name: "title", type: "string", sql: "d.title", required: true, description: { pt: "Título.", en: "Title." } },
    { name: "filename", type: "string", sql: "d.filename", required: true, description: { pt: "Nome do arquivo.", en: "File name." } },
    { name: "media_type", type: "string", sql: "d.media_type", required: true, description: { pt: "Tipo de mídia lido do conteúdo, p. ex. application/pdf.", en: "Media type read from the content, e.g. application/pdf." } },
    { name: "byte_size", type: "integer", sql: "d.byte_size", required: true, description: { pt: "Tamanho em bytes.", en: "Size in bytes." } },
    { name: "sha256", type: "string", sql: "d.sha256", required: true, description: { pt: "SHA-256 do conteúdo, em hexadecimal.", en: "SHA-256 of the content, in hex." } },
    { name: "url", type: "string", sql: documentUrl, required: true, description: { pt: "Caminho para baixar, relativo ao endereço da API.", en: "Download path, relative to the API's address." } },
  ],
  foreignKeys: [
    { field: "council_id", resource: "councils" },
    { field: "meeting_id", resource: "meetings" },
    { field: "minutes_version_id", resource: "minutes_versions" },
    { field: "resolution_id", resource: "resolutions" },
  ],
};

export const meetingsOpenData: OpenDataResource[] = [meetings, agendaItems, attendance, deliberations, votes, minutes, minutesVersions, resolutions, documents];

import escapeHtml from "escape-html";

/** What the Atom feeds ask the graph for, per kind of record (public fields only: the graph's anonymous view). */
const COUNCIL = "council { slug acronym name }";
export const FIELDS = {
  minutes: `... on Minutes { id updatedAt publishedAt label gazette { edition pages date } ${COUNCIL}
    meeting { sequenceLabel startsAt } currentVersion { number sha256 body changeNote } }`,
  resolutions: `... on Resolution { id updatedAt date label summary body resolutionStatus: status gazette { edition pages date } ${COUNCIL}
    meeting { sequenceLabel startsAt } amends { label } revokes { label } }`,
  deliberations: `... on Deliberation { id updatedAt text outcome votesFor votesAgainst abstentions agendaItem { position title }
    meeting { sequenceLabel startsAt ${COUNCIL} } }`,
} as const;

export type FeedKind = keyof typeof FIELDS;
export const FEED_KINDS = Object.keys(FIELDS) as FeedKind[];
/** The GraphQL type of each kind's records. */
export const TYPENAME: Record<FeedKind, string> = { minutes: "Minutes", resolutions: "Resolution", deliberations: "Deliberation" };

export interface CouncilOfFeed {
  slug: string;
  acronym: string | null;
  name: string;
}

interface Gazette { edition: string; pages: string | null; date: string | null }
interface MeetingOfEntry { sequenceLabel: string; startsAt: string }
/** A council the graph could not name (its subgraph unavailable): the entry still stands. */
export const UNNAMED_COUNCIL: CouncilOfFeed = { slug: "conselho", acronym: null, name: "Conselho" };

export interface MinutesNode {
  __typename: "Minutes"; council: CouncilOfFeed | null; id: string; updatedAt: string; publishedAt: string | null; label: string; gazette: Gazette | null;
  meeting: MeetingOfEntry; currentVersion: { number: number; sha256: string; body: string; changeNote: string | null } | null;
}
export interface ResolutionNode {
  __typename: "Resolution"; council: CouncilOfFeed | null; id: string; updatedAt: string; date: string; label: string; summary: string; body: string; resolutionStatus: string; gazette: Gazette | null;
  meeting: MeetingOfEntry; amends: { label: string } | null; revokes: { label: string } | null;
}
export interface DeliberationNode {
  __typename: "Deliberation"; id: string; updatedAt: string; text: string; outcome: string; votesFor: number; votesAgainst: number; abstentions: number;
  agendaItem: { position: number; title: string }; meeting: MeetingOfEntry & { council: CouncilOfFeed | null };
}
export type RecordNode = MinutesNode | ResolutionNode | DeliberationNode;

/** One entry of a feed, before it is written as Atom. `title`, `summary` and `content` are HTML (type="html"). */
export interface Entry {
  id: string;
  kind: FeedKind;
  title: string;
  summary: string;
  content: string;
  updated: Date;
  published?: Date;
  council: CouncilOfFeed;
}

const RESOLUTION_STATUS: Record<string, string> = { IN_FORCE: "em vigor", AMENDED: "alterada", REVOKED: "revogada" };
const OUTCOME: Record<string, string> = { APPROVED: "aprovada", REJECTED: "rejeitada", WITHDRAWN: "retirada de pauta", POSTPONED: "adiada" };
const TITLE_CHARS = 120;

/** Plain text (the record's, hostile as any input) as HTML: escaped, paragraphs kept. */
export function textAsHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, "<br/>")}</p>`)
    .join("\n");
}

const councilLabel = (council: CouncilOfFeed) => council.acronym ?? council.name;
const civilDate = (date: string) => date.split("-").reverse().join("/");
const meetingLine = (meeting: MeetingOfEntry, timeZone: string) =>
  `${meeting.sequenceLabel}, ${new Date(meeting.startsAt).toLocaleDateString("pt-BR", { timeZone })}`;

function gazetteLine(gazette: Gazette | null): string | null {
  if (!gazette) return null;
  const pages = gazette.pages ? `, p. ${gazette.pages}` : "";
  const date = gazette.date ? `, de ${civilDate(gazette.date)}` : "";
  return `Diário Oficial de Contagem (DOC) nº ${gazette.edition}${pages}${date}`;
}

const list = (lines: (string | null)[]) => lines.filter((line): line is string => line !== null).map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");

export function minutesEntry(minutes: MinutesNode, timeZone: string): Entry {
  const council = minutes.council ?? UNNAMED_COUNCIL;
  const version = minutes.currentVersion;
  const summary = list([
    `${council.name} — reunião: ${meetingLine(minutes.meeting, timeZone)}.`,
    gazetteLine(minutes.gazette) && `Publicada no ${gazetteLine(minutes.gazette)}.`,
    version && `Versão ${version.number}, SHA-256 ${version.sha256}${version.changeNote ? ` (${version.changeNote})` : ""}.`,
  ]);
  return {
    id: minutes.id,
    kind: "minutes",
    title: escapeHtml(`${minutes.label} — ${councilLabel(council)}`),
    summary,
    content: `${summary}\n${version ? textAsHtml(version.body) : ""}`,
    updated: new Date(minutes.updatedAt),
    published: minutes.publishedAt ? new Date(minutes.publishedAt) : undefined,
    council,
  };
}

export function resolutionEntry(resolution: ResolutionNode, timeZone: string): Entry {
  const council = resolution.council ?? UNNAMED_COUNCIL;
  const summary = list([
    resolution.summary,
    `Situação: ${RESOLUTION_STATUS[resolution.resolutionStatus] ?? resolution.resolutionStatus}. Adotada em ${civilDate(resolution.date)} (${meetingLine(resolution.meeting, timeZone)}).`,
    resolution.amends && `Altera a ${resolution.amends.label}.`,
    resolution.revokes && `Revoga a ${resolution.revokes.label}.`,
    gazetteLine(resolution.gazette) && `Publicada no ${gazetteLine(resolution.gazette)}.`,
  ]);
  return {
    id: resolution.id,
    kind: "resolutions",
    title: escapeHtml(`${resolution.label} — ${councilLabel(council)}`),
    summary,
    content: `${summary}\n${textAsHtml(resolution.body)}`,
    updated: new Date(resolution.updatedAt),
    published: new Date(`${resolution.date}T12:00:00Z`),
    council,
  };
}

export function deliberationEntry(deliberation: DeliberationNode, timeZone: string): Entry {
  const { meeting } = deliberation;
  const council = meeting.council ?? UNNAMED_COUNCIL;
  const outcome = OUTCOME[deliberation.outcome] ?? deliberation.outcome;
  const text = deliberation.text.length > TITLE_CHARS ? `${deliberation.text.slice(0, TITLE_CHARS - 1)}…` : deliberation.text;
  const summary = list([
    `${council.name} — ${meetingLine(meeting, timeZone)}, item ${deliberation.agendaItem.position} da pauta: ${deliberation.agendaItem.title}.`,
    `Deliberação ${outcome}: ${deliberation.votesFor} a favor, ${deliberation.votesAgainst} contra, ${deliberation.abstentions} abstenções.`,
  ]);
  return {
    id: deliberation.id,
    kind: "deliberations",
    title: escapeHtml(`${councilLabel(council)}: ${outcome} — ${text}`),
    summary,
    content: `${summary}\n${textAsHtml(deliberation.text)}`,
    updated: new Date(deliberation.updatedAt),
    published: new Date(meeting.startsAt),
    council,
  };
}

/** The entry of any record a feed lists. */
export function entryOf(node: RecordNode, timeZone: string): Entry {
  if (node.__typename === "Minutes") return minutesEntry(node, timeZone);
  if (node.__typename === "Resolution") return resolutionEntry(node, timeZone);
  return deliberationEntry(node, timeZone);
}

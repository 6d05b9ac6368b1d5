import { EdgeRejection, ErrorCode, refusedUnlessRead, sendDocument, sendRejection } from "@contagem/common";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Temporal } from "temporal-polyfill";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { AskGraph } from "./ask-graph";

/** Where the gateway serves its iCalendar feeds: `/calendar/all.ics` and `/calendar/<council-slug>.ics`. */
export const CALENDAR_PATH = "/calendar";

/** A feed holds the meetings from this many days ago onwards (every upcoming one), at most MAX_EVENTS of them. */
export const CALENDAR_PAST_DAYS = 365;
export const MAX_EVENTS = 1_000;
const PAGE = 100;
const FRESH_SECONDS = 300;

interface MeetingNode {
  databaseId: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  sequenceLabel: string;
  status: "SCHEDULED" | "CONVENED" | "HELD" | "CANCELLED" | "POSTPONED";
  statusReason: string | null;
  modality: string;
  startsAt: string;
  startTimeStated: boolean;
  endsAt: string | null;
  place: string | null;
  location: Place | null;
  onlineUrl: string | null;
  agenda: { position: number; title: string }[];
  council: { slug: string; acronym: string | null; name: string } | null;
}

interface Place {
  name: string | null;
  address: { streetAddress: string | null; neighbourhood: string | null; postalCode: string | null; addressLocality: string; addressRegion: string } | null;
  point: { coordinates: number[] } | null;
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: MeetingNode }[];
}

const MEETING = `databaseId createdAt updatedAt version sequenceLabel status statusReason modality startsAt startTimeStated endsAt place onlineUrl
  location { name address { streetAddress neighbourhood postalCode addressLocality addressRegion } point { coordinates } }
  agenda { position title } council { slug acronym name }`;
const ALL = `query CalendarAll($from: DateTime!, $after: String) {
  meetings(filter: { from: $from }, first: ${PAGE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${MEETING} } } } }`;
const ONE = `query CalendarOfCouncil($slug: String!, $from: DateTime!, $after: String) {
  council(slug: $slug) { slug acronym name meetings(filter: { from: $from }, first: ${PAGE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${MEETING} } } } } }`;

/** RFC 5545 status: a meeting only scheduled is tentative; one that will not take place then (cancelled or postponed) is cancelled. */
const STATUS: Record<MeetingNode["status"], ICalEventStatus> = {
  SCHEDULED: ICalEventStatus.TENTATIVE,
  CONVENED: ICalEventStatus.CONFIRMED,
  HELD: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
  POSTPONED: ICalEventStatus.CANCELLED,
};
const STATUS_PT: Record<MeetingNode["status"], string> = { SCHEDULED: "agendada", CONVENED: "convocada", HELD: "realizada", CANCELLED: "cancelada", POSTPONED: "adiada" };

const councilName = (council: MeetingNode["council"]) => (council ? (council.acronym ?? council.name) : "Conselho");

function describe(meeting: MeetingNode): string {
  const lines = [`${meeting.council?.name ?? ""} — ${meeting.sequenceLabel}`, `Situação: ${STATUS_PT[meeting.status]}`];
  if (meeting.statusReason) lines.push(`Motivo: ${meeting.statusReason}`);
  if (!meeting.startTimeStated) lines.push("Horário não informado no registro.");
  if (meeting.onlineUrl) lines.push(`Online: ${meeting.onlineUrl}`);
  if (meeting.agenda.length) lines.push("", "Pauta:", ...meeting.agenda.map((item) => `${item.position}. ${item.title}`));
  return lines.join("\n");
}

/** "Av. José Faria da Rocha, 1016 - Eldorado, Contagem - MG, 32000-000": the address as Brazilian mail writes it. */
function addressLine(address: NonNullable<Place["address"]>): string {
  const street = [address.streetAddress, address.neighbourhood].filter(Boolean).join(" - ");
  return [street, `${address.addressLocality} - ${address.addressRegion}`, address.postalCode].filter(Boolean).join(", ");
}

/**
 * LOCATION is the place's name (or the call's words) and its address on a second line; GEO is the point, latitude
 * first (RFC 5545 §3.8.1.6: `GEO:lat;lon`, where GeoJSON writes `[lon, lat]`).
 */
function locationOf(meeting: MeetingNode) {
  const { location } = meeting;
  const title = location?.name ?? meeting.place ?? (location?.address ? addressLine(location.address) : null);
  const address = location?.address && title !== addressLine(location.address) ? addressLine(location.address) : undefined;
  const [lon, lat] = location?.point?.coordinates ?? [];
  const geo = lon !== undefined && lat !== undefined ? { lat, lon } : undefined;
  if (title) return { title, address, geo };
  return geo ? { geo } : undefined;
}

/**
 * An iCalendar (RFC 5545) of meetings, in the civil time zone with its VTIMEZONE: one VEVENT per meeting, its UID
 * stable, its SEQUENCE the meeting's version (every change increments it, so calendar clients replace the event),
 * a cancelled or postponed meeting kept with STATUS:CANCELLED so subscribers see the cancellation.
 */
export function meetingsCalendar(meetings: MeetingNode[], options: { name: string; timeZone: string }): string {
  const calendar = ical({
    name: options.name,
    description: `${options.name}: reuniões dos conselhos do Sistema Municipal de Participação de Contagem (Lei 5.443/2023).`,
    prodId: { company: "Contagem Participation Graph", product: "calendar", language: "PT-BR" },
    method: ICalCalendarMethod.PUBLISH,
    x: [["X-WR-TIMEZONE", options.timeZone]],
    ttl: FRESH_SECONDS * 12,
  });
  // Local times in the zone (ical-generator formats a Temporal.ZonedDateTime in its own zone, a Date in the process's).
  const local = (instant: string) => Temporal.Instant.from(instant).toZonedDateTimeISO(options.timeZone);
  for (const meeting of meetings) {
    const cancelled = STATUS[meeting.status] === ICalEventStatus.CANCELLED;
    calendar.createEvent({
      id: `meeting-${meeting.databaseId}@contagem-participation-graph`,
      sequence: meeting.version,
      timezone: options.timeZone,
      start: meeting.startTimeStated ? local(meeting.startsAt) : local(meeting.startsAt).toPlainDate(),
      end: meeting.endsAt && meeting.startTimeStated ? local(meeting.endsAt) : undefined,
      allDay: !meeting.startTimeStated,
      stamp: new Date(meeting.updatedAt),
      created: new Date(meeting.createdAt),
      lastModified: new Date(meeting.updatedAt),
      summary: `${cancelled ? `[${STATUS_PT[meeting.status]}] ` : ""}${councilName(meeting.council)} — ${meeting.sequenceLabel}`,
      description: describe(meeting),
      location: locationOf(meeting),
      // A URI value is not escaped in iCalendar (RFC 5545 §3.3.13), but ical-generator escapes `,` and `;` as text:
      // percent-encoded, they mean the same to the web and nothing to the escaping.
      url: meeting.onlineUrl?.replaceAll(",", "%2C").replaceAll(";", "%3B") ?? undefined,
      status: STATUS[meeting.status],
    });
  }
  // The zone is set per event, and its VTIMEZONE added here: with a calendar-wide zone, ical-generator writes DTSTAMP,
  // CREATED and LAST-MODIFIED as local times without `Z` (RFC 5545 §3.8.7 wants UTC). The zone's current rules (São
  // Paulo has kept −03:00 all year since 2019) come from a maintained copy of the tz data.
  // Every content line ends with CRLF, the last one too (RFC 5545 §3.1); ical-generator leaves it off.
  const text = calendar.toString().replace(/(\r\n)?$/, "\r\n");
  const vtimezone = tzlib_get_ical_block(options.timeZone)[0];
  if (!vtimezone) return text;
  const at = text.indexOf("BEGIN:VEVENT");
  const cut = at >= 0 ? at : text.lastIndexOf("END:VCALENDAR");
  return `${text.slice(0, cut)}${vtimezone.replace(/\r?\n/g, "\r\n")}\r\n${text.slice(cut)}`;
}

/** Pages through a meetings connection, MAX_EVENTS at most. */
async function collect(page: (after: string | null) => Promise<Page | null>): Promise<MeetingNode[] | null> {
  const meetings: MeetingNode[] = [];
  for (let after: string | null = null; meetings.length < MAX_EVENTS; ) {
    const connection = await page(after);
    if (!connection) return null;
    meetings.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return meetings.slice(0, MAX_EVENTS);
}

const SLUG = /^([a-z0-9][a-z0-9-]{0,79})\.ics$/;

/** `/calendar/all.ics` and `/calendar/<slug>.ics`, built from the public graph on each request (with ETag, 5 minutes). */
export function createCalendarRoutes(ask: AskGraph, options: { timeZone: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<boolean> => {
    if (!path.startsWith(`${CALENDAR_PATH}/`)) return false;
    if (refusedUnlessRead(req, res, requestId)) return true;
    // Slugs are lowercase ASCII; a client may send them percent-encoded or in capitals.
    let segment: string;
    try {
      segment = decodeURIComponent(path.slice(CALENDAR_PATH.length + 1)).toLowerCase();
    } catch {
      segment = "";
    }
    const slug = SLUG.exec(segment)?.[1];
    if (!slug) {
      sendRejection(req, res, new EdgeRejection(404, ErrorCode.BAD_REQUEST, `Not found: calendars are ${CALENDAR_PATH}/all.ics and ${CALENDAR_PATH}/<council-slug>.ics.`), requestId);
      return true;
    }
    try {
      const from = new Date(now().getTime() - CALENDAR_PAST_DAYS * 86_400_000).toISOString();
      let name = "Conselhos de Contagem";
      const meetings =
        slug === "all"
          ? await collect(async (after) => (await ask<{ meetings: Page }>(ALL, { from, after }, requestId)).meetings)
          : await collect(async (after) => {
              const { council } = await ask<{ council: (MeetingNode["council"] & { meetings: Page }) | null }>(ONE, { slug, from, after }, requestId);
              if (council) name = `${councilName(council)} — ${council.name}`;
              return council?.meetings ?? null;
            });
      if (!meetings) throw new EdgeRejection(404, ErrorCode.NOT_FOUND, `No council with the slug "${slug}".`);
      const body = meetingsCalendar(meetings, { name, timeZone: options.timeZone });
      sendDocument(req, res, { body, contentType: "text/calendar; charset=utf-8", maxAgeSeconds: FRESH_SECONDS }, requestId);
    } catch (error) {
      if (!(error instanceof EdgeRejection)) throw error;
      sendRejection(req, res, error, requestId);
    }
    return true;
  };
}

import { councilSlugOf, record, type MeetingFact } from "@contagem/record";
import { sourcesOf, startOfCivilDay, type SourceRecord } from "@contagem/schema";
import type { MeetingPublicationRecord } from "../meetings/meeting.entity";
import { AgendaItemKind, MeetingDocument, MeetingStatus, MeetingType, Modality, RecordProvenance } from "../meetings/meeting.enums";

/** How the record's meetings read in this subgraph's terms: pure functions over `@contagem/record`. */

/** The type a listing's words clearly name; anything else is NOT_STATED, its words kept in `typeLabel`. */
export function meetingTypeOf(label: string | null): MeetingType {
  const text = (label ?? "").toLowerCase();
  if (/extraordin/.test(text)) return MeetingType.EXTRAORDINARY;
  if (/ordin/.test(text)) return MeetingType.ORDINARY;
  if (/mesa diretora/.test(text)) return MeetingType.BOARD;
  return MeetingType.NOT_STATED;
}

export function modalityOf(place: string | null): Modality {
  if (place == null) return Modality.NOT_STATED;
  return /^online\b/i.test(place) ? Modality.ONLINE : Modality.IN_PERSON;
}

/** The kind an item's own words say; an item that says no more (opening, prayer, "a definir") is OTHER. */
export function agendaKindOf(title: string): AgendaItemKind {
  const text = title.toLowerCase();
  if (/^(aprovação|leitura e aprovação|discussão e votação) d[ae]s? atas?\b|^ata d[ao]s? /.test(text)) return AgendaItemKind.APPROVAL_OF_MINUTES;
  if (/^assuntos gerais/.test(text)) return AgendaItemKind.GENERAL_MATTERS;
  if (/^informes?\b/.test(text)) return AgendaItemKind.INFORMATIVE;
  if (/^apresentação\b/.test(text)) return AgendaItemKind.PRESENTATION;
  if (/^(deliberaç|julgamento|aprovação|eleição|validação)/.test(text)) return AgendaItemKind.DELIBERATION;
  return AgendaItemKind.OTHER;
}

const DOCUMENTS: [prefix: string, MeetingDocument][] = [
  ["convocation", MeetingDocument.CONVOCATION],
  ["correction", MeetingDocument.CONVOCATION_CORRECTION],
  ["minutes", MeetingDocument.MINUTES],
  ["", MeetingDocument.UNQUALIFIED],
];

/** The DOC publications a meeting's listing cites (`<prefix>DocEdition` and `<prefix>Pages`, or unqualified `docEdition`). */
export function publicationsOf(fact: MeetingFact): MeetingPublicationRecord[] {
  return DOCUMENTS.flatMap(([prefix, document]) => {
    const edition = fact[prefix ? `${prefix}DocEdition` : "docEdition"] as string | undefined;
    const pages = fact[prefix ? `${prefix}Pages` : "pages"] as string | undefined;
    return edition == null ? [] : [{ document, edition: Number(edition), pages: pages ?? null, date: null }];
  });
}

const brazilianDate = (date: string) => date.split("-").reverse().join("/");

/** One meeting of the record as this subgraph stores it (without its council's id, which the councils subgraph knows). */
export interface RecordMeeting {
  key: string;
  councilSlug: string;
  values: {
    type: MeetingType;
    typeLabel: string | null;
    sequenceLabel: string;
    status: MeetingStatus;
    recordedFrom: RecordProvenance;
    modality: Modality;
    startsAt: string;
    startTimeStated: boolean;
    endsAt: string | null;
    place: string | null;
    convokedOn: string | null;
    publications: MeetingPublicationRecord[];
    notes: string | null;
  };
  agenda: { position: number; kind: AgendaItemKind; title: string }[];
  sources: SourceRecord[];
}

/**
 * The cautious reading of a listing: a meeting took place (HELD) only where the record cites its minutes — a DOC
 * edition of them, or a note on them ("minutes published …", "an errata to its minutes"); otherwise the listing gave
 * its date and agenda, i.e. it was called (CONVENED), and whether it took place is not on record. Minutes appear only
 * as a publication (the text is not on record, so no Minutes record and no number in the council's series).
 */
export const minutesOnRecord = (fact: MeetingFact): boolean => fact.minutesDocEdition != null || /\b(minutes|atas?)\b/i.test(String(fact.note ?? ""));

export function recordMeeting(fact: MeetingFact): RecordMeeting {
  const notes = [fact.note, fact.convocation ? `convocação: ${fact.convocation as string}` : null].filter(Boolean);
  return {
    key: `${fact.council}|${fact.date}|${fact.source}`,
    councilSlug: councilSlugOf(fact.council),
    values: {
      type: meetingTypeOf(fact.type),
      typeLabel: fact.type,
      sequenceLabel: fact.sequence ?? `Reunião de ${brazilianDate(fact.date)}`,
      status: minutesOnRecord(fact) ? MeetingStatus.HELD : MeetingStatus.CONVENED,
      recordedFrom: RecordProvenance.PUBLIC_LISTING,
      modality: modalityOf(fact.place),
      startsAt: (fact.startsAt ? new Date(fact.startsAt) : startOfCivilDay(fact.date)).toISOString(),
      startTimeStated: fact.startsAt != null,
      endsAt: fact.endsAt ? new Date(fact.endsAt).toISOString() : null,
      place: fact.place,
      convokedOn: ((fact.convokedOn ?? fact.convocationDate) as string | undefined) ?? null,
      publications: publicationsOf(fact),
      notes: notes.length ? notes.join("\n") : null,
    },
    agenda: fact.agenda.map((title, i) => ({ position: i + 1, kind: agendaKindOf(title), title })),
    sources: sourcesOf([{ url: fact.source }]),
  };
}

/** Every meeting of the record, checked for duplicate keys (a key the file repeated would seed one row for two). */
export function recordMeetings(): RecordMeeting[] {
  const meetings = record.meetings.map(recordMeeting);
  const keys = new Set(meetings.map((m) => m.key));
  if (keys.size !== meetings.length) throw new Error("Two meetings of the record share a council, date and source.");
  return meetings;
}

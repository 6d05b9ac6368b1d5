import { RecordProvenance } from "@contagem/schema";
import { registerEnumType } from "type-graphql";

export enum MeetingType {
  ORDINARY = "ORDINARY",
  EXTRAORDINARY = "EXTRAORDINARY",
  PUBLIC_HEARING = "PUBLIC_HEARING",
  TERRITORIAL_PLENARY = "TERRITORIAL_PLENARY",
  COMMISSION = "COMMISSION",
  INAUGURAL = "INAUGURAL",
  BOARD = "BOARD",
  NOT_STATED = "NOT_STATED",
}

export enum MeetingStatus {
  SCHEDULED = "SCHEDULED",
  CONVENED = "CONVENED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
  POSTPONED = "POSTPONED",
}

export enum Modality {
  IN_PERSON = "IN_PERSON",
  ONLINE = "ONLINE",
  HYBRID = "HYBRID",
  NOT_STATED = "NOT_STATED",
}

export enum AgendaItemKind {
  APPROVAL_OF_MINUTES = "APPROVAL_OF_MINUTES",
  DELIBERATION = "DELIBERATION",
  INFORMATIVE = "INFORMATIVE",
  PRESENTATION = "PRESENTATION",
  GENERAL_MATTERS = "GENERAL_MATTERS",
  OTHER = "OTHER",
}


export enum MeetingDocument {
  CONVOCATION = "CONVOCATION",
  CONVOCATION_CORRECTION = "CONVOCATION_CORRECTION",
  MINUTES = "MINUTES",
  UNQUALIFIED = "UNQUALIFIED",
}

registerEnumType(MeetingType, {
  name: "MeetingType",
  description: "Kind of meeting.",
  valuesConfig: {
    ORDINARY: { description: "Reunião ordinária, on the council's calendar." },
    EXTRAORDINARY: { description: "Reunião extraordinária, convened outside the calendar." },
    PUBLIC_HEARING: { description: "Audiência pública." },
    TERRITORIAL_PLENARY: { description: "Plenária territorial, open to the region's residents." },
    COMMISSION: { description: "Meeting of a thematic commission of the council." },
    INAUGURAL: { description: "Sworn-in meeting of a new term (posse)." },
    BOARD: { description: "Meeting of the council's board (mesa diretora)." },
    NOT_STATED: {
      description: "The public listing the meeting was imported from does not say (only for `recordedFrom: PUBLIC_LISTING`; `typeLabel` keeps its words).",
    },
  },
});
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "SCHEDULED → CONVENED → HELD, or CANCELLED / POSTPONED with a reason.",
  valuesConfig: {
    SCHEDULED: { description: "On the calendar, not yet convened." },
    CONVENED: {
      description:
        "Its call (convocação) was published. Imported from a public listing (`PUBLIC_LISTING`): the listing gives its date " +
        "and agenda, and nothing on record says whether it took place (no minutes cited).",
    },
    HELD: {
      description:
        "It took place. Kept by the secretariat (`recordedFrom: SECRETARIAT`): recording its attendance marked it held. " +
        "Imported from a public listing (`PUBLIC_LISTING`): the record cites its minutes (a DOC edition, or a note on " +
        "them), and no attendance is on record.",
    },
    CANCELLED: { description: "Called off; `statusReason` says why." },
    POSTPONED: { description: "Put off, to be rescheduled; `statusReason` says why." },
  },
});
registerEnumType(Modality, {
  name: "Modality",
  description: "Where the meeting happens.",
  valuesConfig: {
    NOT_STATED: { description: "The public listing the meeting was imported from does not say (only for `recordedFrom: PUBLIC_LISTING`)." },
    IN_PERSON: { description: "At a place (`place`)." },
    ONLINE: { description: "Online only (`onlineUrl`)." },
    HYBRID: { description: "At a place and online." },
  },
});
registerEnumType(AgendaItemKind, {
  name: "AgendaItemKind",
  description: "Kind of agenda item (pauta).",
  valuesConfig: {
    APPROVAL_OF_MINUTES: { description: "Approval of the minutes of an earlier meeting (usually the first item)." },
    DELIBERATION: { description: "A matter put to the vote." },
    INFORMATIVE: { description: "Information given to the council (informes)." },
    PRESENTATION: { description: "A presentation to the council." },
    GENERAL_MATTERS: { description: "Assuntos gerais." },
    OTHER: { description: "Any other item (opening, prayer, closing), or one a public listing names without saying more." },
  },
});
registerEnumType(MeetingDocument, {
  name: "MeetingDocument",
  description: "What a publication about a meeting is.",
  valuesConfig: {
    CONVOCATION: { description: "The call (convocação) with the agenda." },
    CONVOCATION_CORRECTION: { description: "A correction (errata) of the call." },
    MINUTES: { description: "The minutes (ata)." },
    UNQUALIFIED: { description: "A publication about the meeting that the listing cites without saying what it is." },
  },
});

export { RecordProvenance };

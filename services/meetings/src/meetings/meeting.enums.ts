import { registerEnumType } from "type-graphql";

export enum MeetingType {
  ORDINARY = "ORDINARY",
  EXTRAORDINARY = "EXTRAORDINARY",
  PUBLIC_HEARING = "PUBLIC_HEARING",
  TERRITORIAL_PLENARY = "TERRITORIAL_PLENARY",
  COMMISSION = "COMMISSION",
  INAUGURAL = "INAUGURAL",
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
}

export enum AgendaItemKind {
  APPROVAL_OF_MINUTES = "APPROVAL_OF_MINUTES",
  DELIBERATION = "DELIBERATION",
  INFORMATIVE = "INFORMATIVE",
  PRESENTATION = "PRESENTATION",
  GENERAL_MATTERS = "GENERAL_MATTERS",
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
  },
});
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "SCHEDULED → CONVENED → HELD, or CANCELLED / POSTPONED with a reason.",
});
registerEnumType(Modality, { name: "Modality", description: "Where the meeting happens." });
registerEnumType(AgendaItemKind, {
  name: "AgendaItemKind",
  description: "Kind of agenda item (pauta).",
  valuesConfig: {
    APPROVAL_OF_MINUTES: { description: "Approval of the minutes of an earlier meeting (usually the first item)." },
    DELIBERATION: { description: "A matter put to the vote." },
    INFORMATIVE: { description: "Information given to the council (informes)." },
    PRESENTATION: { description: "A presentation to the council." },
    GENERAL_MATTERS: { description: "Assuntos gerais." },
  },
});

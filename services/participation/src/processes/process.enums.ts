import { registerEnumType } from "type-graphql";

/**
 * The stored value stays PRIORITISATION_VOTE; the public name is spelt as the rest of the schema (American English).
 * The old name is deprecated: still accepted, while an output value takes the last name of its value.
 */
export enum ProcessKind {
  PRIORITISATION_VOTE = "PRIORITISATION_VOTE",
  // eslint-disable-next-line @typescript-eslint/no-duplicate-enum-values -- the new public name of the same stored value
  PRIORITIZATION_VOTE = "PRIORITISATION_VOTE",
  REGIONAL_WORKS_BUDGET = "REGIONAL_WORKS_BUDGET",
  PUBLIC_CONSULTATION = "PUBLIC_CONSULTATION",
  CONFERENCE = "CONFERENCE",
  COUNCIL_ELECTION = "COUNCIL_ELECTION",
  PUBLIC_HEARING = "PUBLIC_HEARING",
  TERRITORIAL_PLENARY = "TERRITORIAL_PLENARY",
}

export enum ProcessStatus {
  PLANNED = "PLANNED",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
  NOT_STATED = "NOT_STATED",
}

export enum PhaseKind {
  INFORMATION = "INFORMATION",
  PROPOSALS = "PROPOSALS",
  SUPPORTS = "SUPPORTS",
  VOTING = "VOTING",
  DELIBERATION = "DELIBERATION",
  RESULTS = "RESULTS",
}

/** How a person took part: the figures are broken down by it. */
export enum Channel {
  DIGITAL_PLATFORM = "DIGITAL_PLATFORM",
  IN_PERSON = "IN_PERSON",
  TERRITORIAL_PLENARY = "TERRITORIAL_PLENARY",
  PUBLIC_HEARING = "PUBLIC_HEARING",
  OMBUDSMAN = "OMBUDSMAN",
}

registerEnumType(ProcessKind, {
  name: "ProcessKind",
  description: "Kind of participatory process.",
  valuesConfig: {
    PRIORITIZATION_VOTE: { description: "Citizens pick options (e.g. 3 of 5), as on Decide Contagem." },
    PRIORITISATION_VOTE: {
      description: "Citizens pick options (e.g. 3 of 5).",
      deprecationReason: "Use `PRIORITIZATION_VOTE`. Removal after 2027-03-01.",
    },
    REGIONAL_WORKS_BUDGET: { description: "A regional council decides works for its region (about R$ 1 million a year)." },
    PUBLIC_CONSULTATION: { description: "Consulta pública." },
    CONFERENCE: { description: "Conferência municipal, possibly with regional stages." },
    COUNCIL_ELECTION: { description: "Election of council members." },
    PUBLIC_HEARING: { description: "Audiência pública." },
    TERRITORIAL_PLENARY: { description: "Plenária territorial." },
  },
});
registerEnumType(ProcessStatus, {
  name: "ProcessStatus",
  description: "Where the process stands.",
  valuesConfig: {
    NOT_STATED: { description: "The public record the process was imported from does not say (only for processes with `sources`)." },
    PLANNED: { description: "Announced, not yet open." },
    OPEN: { description: "Open: citizens can take part in its current phase." },
    CLOSED: { description: "Finished; its results stand." },
    CANCELLED: { description: "Called off." },
  },
});
registerEnumType(PhaseKind, {
  name: "PhaseKind",
  description: "What citizens can do in a phase.",
  valuesConfig: {
    INFORMATION: { description: "Information: the process is presented." },
    PROPOSALS: { description: "Citizens submit proposals." },
    SUPPORTS: { description: "Citizens support proposals." },
    VOTING: { description: "Citizens cast ballots." },
    DELIBERATION: { description: "A council or the administration deliberates." },
    RESULTS: { description: "Results are published." },
  },
});
registerEnumType(Channel, {
  name: "Channel",
  description: "How a person took part.",
  valuesConfig: {
    DIGITAL_PLATFORM: { description: "Online, on Decide Contagem or this API." },
    IN_PERSON: { description: "In person, at a city service point or meeting." },
    TERRITORIAL_PLENARY: { description: "At a territorial plenary." },
    PUBLIC_HEARING: { description: "At a public hearing." },
    OMBUDSMAN: { description: "Through the ombudsman (ouvidoria)." },
  },
});

import { registerEnumType } from "type-graphql";

export enum CouncilKind {
  POLICY = "POLICY",
  REGIONAL = "REGIONAL",
  DISTRICT = "DISTRICT",
  COMMISSION = "COMMISSION",
  COMMITTEE = "COMMITTEE",
  SCHOOL_COUNCIL = "SCHOOL_COUNCIL",
  TERRITORIAL = "TERRITORIAL",
  FORUM = "FORUM",
}

export enum CouncilStatus {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
  EXTINCT = "EXTINCT",
}

export enum CouncilNature {
  CONSULTATIVE = "CONSULTATIVE",
  DELIBERATIVE = "DELIBERATIVE",
  NORMATIVE = "NORMATIVE",
  SUPERVISORY = "SUPERVISORY",
  ADVISORY = "ADVISORY",
}

export enum QuorumRule {
  ABSOLUTE_MAJORITY = "ABSOLUTE_MAJORITY",
  SIMPLE_MAJORITY_OF_MEMBERS = "SIMPLE_MAJORITY_OF_MEMBERS",
  TWO_THIRDS = "TWO_THIRDS",
  ONE_THIRD = "ONE_THIRD",
  ANY_PRESENT = "ANY_PRESENT",
}

registerEnumType(CouncilKind, {
  name: "CouncilKind",
  description: "Kind of collegiate body under Law 5.443/2023.",
  valuesConfig: {
    POLICY: { description: "Conselho de políticas públicas: a permanent thematic council." },
    REGIONAL: { description: "Conselho regional: one per administrative region." },
    DISTRICT: { description: "District council of a policy (e.g. a district health council)." },
    COMMISSION: { description: "Comissão: thematic body with a fixed purpose and duration." },
    COMMITTEE: {
      description: "Comitê: a committee of the administration with civil society, e.g. the Comitê Gestor de Área de Risco.",
    },
    SCHOOL_COUNCIL: { description: "Conselho escolar: the collegiate body of each municipal school (one record for all of them)." },
    TERRITORIAL: {
      description: "Body of a kind of territory rather than of a policy, e.g. the Conselho Municipal de Vilas, Favelas e Periferias.",
    },
    FORUM: { description: "Other participatory forum." },
  },
});
registerEnumType(CouncilStatus, {
  name: "CouncilStatus",
  description: "Whether the council currently operates.",
  valuesConfig: {
    ACTIVE: { description: "Operates: it meets and its members hold mandates." },
    INACTIVE: { description: "Exists in law but does not meet (e.g. no term in force)." },
    EXTINCT: { description: "Abolished by a later act; kept for its history." },
  },
});
registerEnumType(CouncilNature, {
  name: "CouncilNature",
  description: "Powers the council's founding act gives it (consultivo, deliberativo, normativo, fiscalizador…).",
  valuesConfig: {
    CONSULTATIVE: { description: "Consultivo: gives opinions the administration weighs." },
    DELIBERATIVE: { description: "Deliberativo: its decisions bind, within its powers." },
    NORMATIVE: { description: "Normativo: issues rules for its policy area." },
    SUPERVISORY: { description: "Fiscalizador: oversees the policy's execution and funds." },
    ADVISORY: { description: "Controlador or other advisory role the act names." },
  },
});
registerEnumType(QuorumRule, {
  name: "QuorumRule",
  description: "Quorum needed to open a meeting, over the seats of the council's current term.",
  valuesConfig: {
    ABSOLUTE_MAJORITY: { description: "More than half of the seats (half + 1)." },
    SIMPLE_MAJORITY_OF_MEMBERS: { description: "At least half of the seats." },
    TWO_THIRDS: { description: "At least two thirds of the seats." },
    ONE_THIRD: { description: "At least one third of the seats." },
    ANY_PRESENT: { description: "No quorum: the meeting opens with whoever attends." },
  },
});

import { registerEnumType } from "type-graphql";

export enum Sector {
  GOVERNMENT = "GOVERNMENT",
  CIVIL_SOCIETY = "CIVIL_SOCIETY",
  USERS = "USERS",
  WORKERS = "WORKERS",
  PROVIDERS = "PROVIDERS",
}

/**
 * The stored values stay TITULAR and SUPLENTE; the public names are Popolo's (full member, alternate). The old names
 * come first and are deprecated: they are still accepted, and an output value takes the last name of its value.
 */
export enum MandateRole {
  TITULAR = "TITULAR",
  SUPLENTE = "SUPLENTE",
  // eslint-disable-next-line @typescript-eslint/no-duplicate-enum-values -- the new public name of the same stored value
  FULL_MEMBER = "TITULAR",
  // eslint-disable-next-line @typescript-eslint/no-duplicate-enum-values -- the new public name of the same stored value
  ALTERNATE = "SUPLENTE",
}

export enum BoardRole {
  PRESIDENT = "PRESIDENT",
  VICE_PRESIDENT = "VICE_PRESIDENT",
  EXECUTIVE_SECRETARY = "EXECUTIVE_SECRETARY",
}

export enum MandateEndReason {
  TERM_ENDED = "TERM_ENDED",
  RESIGNED = "RESIGNED",
  REPLACED = "REPLACED",
  REMOVED = "REMOVED",
  DECEASED = "DECEASED",
}

registerEnumType(Sector, {
  name: "Sector",
  description: "Sector a seat represents in the council's legal composition.",
  valuesConfig: {
    GOVERNMENT: { description: "Poder público (government)." },
    CIVIL_SOCIETY: { description: "Sociedade civil." },
    USERS: { description: "Usuários (service users)." },
    WORKERS: { description: "Trabalhadores (workers of the policy area)." },
    PROVIDERS: { description: "Prestadores (service providers)." },
  },
});
registerEnumType(MandateRole, {
  name: "MandateRole",
  description: "How a person holds a seat: as its full member (titular) or as an alternate (suplente).",
  valuesConfig: {
    FULL_MEMBER: { description: "Full member (titular): sits and votes." },
    ALTERNATE: { description: "Alternate (suplente): sits and votes in the full member's place when they are absent." },
    TITULAR: { description: "Full member (titular).", deprecationReason: "Use `FULL_MEMBER`. Removal after 2027-03-01." },
    SUPLENTE: { description: "Alternate (suplente).", deprecationReason: "Use `ALTERNATE`. Removal after 2027-03-01." },
  },
});
registerEnumType(BoardRole, {
  name: "BoardRole",
  description: "Role on the council's board (mesa diretora).",
  valuesConfig: {
    PRESIDENT: { description: "President (presidente) of the council." },
    VICE_PRESIDENT: { description: "Vice-president (vice-presidente)." },
    EXECUTIVE_SECRETARY: { description: "Executive secretary (secretário executivo)." },
  },
});
registerEnumType(MandateEndReason, {
  name: "MandateEndReason",
  description: "Why a mandate ended.",
  valuesConfig: {
    TERM_ENDED: { description: "The term (gestão) ended." },
    RESIGNED: { description: "The member resigned." },
    REPLACED: { description: "The member's organization or the appointing authority replaced them." },
    REMOVED: { description: "The member was removed (e.g. for absences, under the council's rules)." },
    DECEASED: { description: "The member died." },
  },
});

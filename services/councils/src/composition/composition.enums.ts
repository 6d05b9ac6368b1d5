import { registerEnumType } from "type-graphql";

export enum Sector {
  GOVERNMENT = "GOVERNMENT",
  CIVIL_SOCIETY = "CIVIL_SOCIETY",
  USERS = "USERS",
  WORKERS = "WORKERS",
  PROVIDERS = "PROVIDERS",
}

export enum MandateRole {
  TITULAR = "TITULAR",
  SUPLENTE = "SUPLENTE",
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
registerEnumType(MandateRole, { name: "MandateRole", description: "Titular (full member) or suplente (alternate).",
  valuesConfig: {
    TITULAR: { description: "Full member (titular): sits and votes." },
    SUPLENTE: { description: "Alternate (suplente): sits and votes in the full member's place when they are absent." },
  },
});
registerEnumType(BoardRole, { name: "BoardRole", description: "Role on the council's board (mesa diretora).",
  valuesConfig: {
    PRESIDENT: { description: "President (presidente) of the council." },
    VICE_PRESIDENT: { description: "Vice-president (vice-presidente)." },
    EXECUTIVE_SECRETARY: { description: "Executive secretary (secretário executivo)." },
  },
});
registerEnumType(MandateEndReason, { name: "MandateEndReason", description: "Why a mandate ended.",
  valuesConfig: {
    TERM_ENDED: { description: "The term (gestão) ended." },
    RESIGNED: { description: "The member resigned." },
    REPLACED: { description: "The member's organization or the appointing authority replaced them." },
    REMOVED: { description: "The member was removed (e.g. for absences, under the council's rules)." },
    DECEASED: { description: "The member died." },
  },
});

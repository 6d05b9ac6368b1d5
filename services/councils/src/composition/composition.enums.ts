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
registerEnumType(MandateRole, { name: "MandateRole", description: "Titular (full member) or suplente (alternate)." });
registerEnumType(BoardRole, { name: "BoardRole", description: "Role on the council's board (mesa diretora)." });
registerEnumType(MandateEndReason, { name: "MandateEndReason", description: "Why a mandate ended." });

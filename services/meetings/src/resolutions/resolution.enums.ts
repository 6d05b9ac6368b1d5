import { registerEnumType } from "type-graphql";

export enum ResolutionStatus {
  IN_FORCE = "IN_FORCE",
  AMENDED = "AMENDED",
  REVOKED = "REVOKED",
}

registerEnumType(ResolutionStatus, {
  name: "ResolutionStatus",
  description: "IN_FORCE; AMENDED (in force as changed by a later resolution); REVOKED (no longer in force).",
  valuesConfig: {
    IN_FORCE: { description: "In force as adopted." },
    AMENDED: { description: "In force as changed by a later resolution (`amendedBy`)." },
    REVOKED: { description: "No longer in force (`revokedBy`)." },
  },
});

import { registerEnumType } from "type-graphql";

export enum ResolutionStatus {
  IN_FORCE = "IN_FORCE",
  AMENDED = "AMENDED",
  REVOKED = "REVOKED",
}

registerEnumType(ResolutionStatus, {
  name: "ResolutionStatus",
  description: "IN_FORCE; AMENDED (in force as changed by a later resolution); REVOKED (no longer in force).",
});

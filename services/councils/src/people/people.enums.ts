import { registerEnumType } from "type-graphql";

export enum OrganizationKind {
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  LEGISLATURE = "LEGISLATURE",
  CIVIL_SOCIETY = "CIVIL_SOCIETY",
  UNION = "UNION",
  PROVIDER = "PROVIDER",
  UNIVERSITY = "UNIVERSITY",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, { name: "OrganizationKind", description: "What kind of body an organization is." });

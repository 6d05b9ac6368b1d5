import { registerEnumType } from "type-graphql";

export enum MinutesStatus {
  DRAFT = "DRAFT",
  APPROVED = "APPROVED",
  PUBLISHED = "PUBLISHED",
}

registerEnumType(MinutesStatus, {
  name: "MinutesStatus",
  description: "DRAFT → APPROVED (at a later meeting) → PUBLISHED (official gazette). Only PUBLISHED minutes are public.",
});

import { registerEnumType } from "type-graphql";

export enum MinutesStatus {
  DRAFT = "DRAFT",
  APPROVED = "APPROVED",
  PUBLISHED = "PUBLISHED",
}

registerEnumType(MinutesStatus, {
  name: "MinutesStatus",
  description: "DRAFT → APPROVED (at a later meeting) → PUBLISHED (official gazette). Only PUBLISHED minutes are public.",
  valuesConfig: {
    DRAFT: { description: "Being written; visible only to ADMIN, STAFF and the council's secretaries." },
    APPROVED: { description: "Approved at a later meeting, awaiting publication; not yet public." },
    PUBLISHED: { description: "Published in the official gazette: public and immutable (corrections are new versions)." },
  },
});

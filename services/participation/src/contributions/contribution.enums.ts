import { registerEnumType } from "type-graphql";

export enum ContributionStatus {
  PENDING = "PENDING",
  PUBLISHED = "PUBLISHED",
  HIDDEN = "HIDDEN",
}

registerEnumType(ContributionStatus, {
  name: "ContributionStatus",
  description: "Moderation: PENDING until reviewed; only PUBLISHED contributions are public; HIDDEN ones carry a reason.",
});

import { registerEnumType } from "type-graphql";

export enum ContributionStatus {
  PENDING = "PENDING",
  PUBLISHED = "PUBLISHED",
  HIDDEN = "HIDDEN",
}

registerEnumType(ContributionStatus, {
  name: "ContributionStatus",
  description: "Moderation: PENDING until reviewed; only PUBLISHED contributions are public; HIDDEN ones carry a reason.",
  valuesConfig: {
    PENDING: { description: "Awaiting moderation; not public." },
    PUBLISHED: { description: "Published by moderation: anyone can read it." },
    HIDDEN: { description: "Hidden by moderation, with its reason; not public." },
  },
});

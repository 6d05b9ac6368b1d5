import { registerEnumType } from "type-graphql";

export enum InterventionStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  SUSPENDED = "SUSPENDED",
  CANCELLED = "CANCELLED",
}

registerEnumType(InterventionStatus, {
  name: "InterventionStatus",
  description: "Where a work or service stands.",
  valuesConfig: {
    PLANNED: { description: "Chosen, not started." },
    IN_PROGRESS: { description: "Under way; see `progress`." },
    COMPLETED: { description: "The works are finished." },
    SUSPENDED: { description: "Stopped for now." },
    CANCELLED: { description: "Will not be done." },
  },
});

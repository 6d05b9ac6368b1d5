import { registerEnumType } from "type-graphql";

export enum InterventionStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  SUSPENDED = "SUSPENDED",
  CANCELLED = "CANCELLED",
}

registerEnumType(InterventionStatus, { name: "InterventionStatus", description: "Where a work or service stands." });

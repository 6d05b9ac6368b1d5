import { registerEnumType } from "type-graphql";

export enum AttendanceStatus {
  PRESENT = "PRESENT",
  ABSENT = "ABSENT",
  JUSTIFIED = "JUSTIFIED",
  SUBSTITUTED = "SUBSTITUTED",
}

registerEnumType(AttendanceStatus, {
  name: "AttendanceStatus",
  description: "A member's attendance at a meeting.",
  valuesConfig: {
    PRESENT: { description: "The member attended (counts towards the quorum when a full member)." },
    ABSENT: { description: "Absent without justification." },
    JUSTIFIED: { description: "Absent with a justification accepted by the council." },
    SUBSTITUTED: { description: "The titular was absent and their suplente sat in their place." },
  },
});

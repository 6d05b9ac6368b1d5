import { registerEnumType } from "type-graphql";
import { AppError, ErrorCode } from "@contagem/common";

/**
 * Where a meeting's record comes from. Shared: the meetings subgraph stores it, and participation reads it
 * (`@requires`) to answer no citizen count for a meeting it could not have counted.
 */
export enum RecordProvenance {
  SECRETARIAT = "SECRETARIAT",
  PUBLIC_LISTING = "PUBLIC_LISTING",
}

registerEnumType(RecordProvenance, {
  name: "RecordProvenance",
  description: "Where a meeting's record comes from.",
  valuesConfig: {
    SECRETARIAT: {
      description: "Kept by the council's secretariat through this graph: convened, attended, its quorum computed under the council's rule.",
    },
    PUBLIC_LISTING: {
      description:
        "Imported from a public listing (the city portal's meeting pages, a Diário Oficial de Contagem (DOC) publication, a " +
        "news item), as it states it: date and time, place, agenda, the DOC publications it cites, its `sources`. A " +
        "listing records no attendance, so no quorum is computed (every `quorum` field is null), no votes are recorded " +
        "and no citizen presence can be registered (`citizenAttendance` is null); its label is the listing's, never a " +
        "computed one. Read-only: writes on it answer RECORD_IMMUTABLE.",
    },
  },
});

/**
 * A meeting imported from a public listing is the record as published: no write changes it or adds to it (attendance,
 * quorum, votes, minutes, citizens' presence or comments). RECORD_IMMUTABLE, saying what is refused.
 */
export function requireSecretariatRecord(meeting: { id: number; recordedFrom: string }, consequence = "it is read-only"): void {
  if (meeting.recordedFrom === RecordProvenance.PUBLIC_LISTING) {
    throw new AppError(ErrorCode.RECORD_IMMUTABLE, `Meeting ${meeting.id} was recorded from a public listing (recordedFrom: PUBLIC_LISTING): ${consequence}.`);
  }
}

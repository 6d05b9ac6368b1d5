import type { CouncilRef, Viewer } from "@contagem/schema";
import { canReadDrafts } from "../meetings/meeting.policy";
import { MinutesStatus } from "./minutes.enums";

/**
 * Who may see minutes at all: anyone once they are PUBLISHED; before that, only their council's draft readers. For
 * everybody else unpublished minutes do not exist, on every path: reads answer null or leave them out, writes answer
 * NOT_FOUND as for an unknown id. Reads and writes both decide with this function.
 */
export const canSeeMinutes = (viewer: Viewer | null, minutes: { status: MinutesStatus }, council: CouncilRef | null | undefined): boolean =>
  minutes.status === MinutesStatus.PUBLISHED || canReadDrafts(viewer, council);

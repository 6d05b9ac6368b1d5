import { AppError, ErrorCode } from "@contagem/common";

/**
 * A council's records name only that council's records: a meeting convened by another council's president, another
 * council's minutes on an agenda, works tied to another council's deliberation are refused FORBIDDEN (naming the
 * field), whoever asks — no role may tie two councils' records together. Only records the viewer can see reach
 * here: a hidden one is NOT_FOUND first, as a missing one.
 */
export function requireSameCouncil(field: string, councilId: number | null | undefined, namedCouncilId: number | null | undefined): void {
  if (councilId == null || namedCouncilId == null || councilId === namedCouncilId) return;
  throw new AppError(ErrorCode.FORBIDDEN, `"${field}" names a record of another council: a council's records name only its own.`, { field });
}

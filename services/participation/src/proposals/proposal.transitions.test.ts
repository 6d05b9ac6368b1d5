import { PhaseKind, ProcessStatus } from "../processes/process.enums";
import { ProposalStatus } from "./proposal.enums";
import { requireCitizensDone, requireOpenForAuthor, requirePublished } from "./proposal.transitions";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-05-01T00:00:00Z");
const future = new Date("2026-07-01T00:00:00Z");
const codeOf = (run: () => void) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe("a proposal's transitions", () => {
  it("leave PUBLISHED only, once: SELECTED, NOT_SELECTED and WITHDRAWN are final", () => {
    expect(codeOf(() => requirePublished(ProposalStatus.PUBLISHED, "withdrawn"))).toBe("ok");
    for (const final of [ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED, ProposalStatus.WITHDRAWN]) {
      expect(codeOf(() => requirePublished(final, "withdrawn"))).toBe("CONFLICT");
    }
  });

  it("are decided once every PROPOSALS, SUPPORTS and VOTING phase has ended, in an OPEN or CLOSED process", () => {
    const phases = (endsAt: Date | null, kind = PhaseKind.VOTING) => [{ kind: PhaseKind.PROPOSALS, endsAt: past }, { kind, endsAt }];
    expect(codeOf(() => requireCitizensDone(ProcessStatus.OPEN, phases(past), now))).toBe("ok");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.OPEN, phases(future), now))).toBe("CONFLICT");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.OPEN, phases(future, PhaseKind.RESULTS), now))).toBe("ok");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.OPEN, phases(null), now))).toBe("CONFLICT");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.CLOSED, phases(null), now))).toBe("ok");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.PLANNED, [], now))).toBe("CONFLICT");
    expect(codeOf(() => requireCitizensDone(ProcessStatus.CANCELLED, [], now))).toBe("CONFLICT");
  });

  it("let the author withdraw only while the process is OPEN, STAFF at any time", () => {
    expect(codeOf(() => requireOpenForAuthor(ProcessStatus.OPEN, false))).toBe("ok");
    expect(codeOf(() => requireOpenForAuthor(ProcessStatus.CLOSED, false))).toBe("CONFLICT");
    expect(codeOf(() => requireOpenForAuthor(ProcessStatus.CLOSED, true))).toBe("ok");
  });
});

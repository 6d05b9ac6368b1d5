import type { Viewer } from "@contagem/schema";
import { canDecideProposal, canWithdrawProposal, withdrawsProposals } from "./proposal.policy";

const v = (roles: Viewer["roles"], sub = "autora"): Viewer => ({ sub, roles, councils: ["compur"] });

describe("proposal policies", () => {
  it("let the author (a citizen), STAFF and ADMIN withdraw a proposal, and nobody else", () => {
    expect(canWithdrawProposal(v(["CITIZEN"]), "autora")).toBe(true);
    expect(canWithdrawProposal(v(["CITIZEN"], "outra"), "autora")).toBe(false);
    expect(canWithdrawProposal(v(["CITIZEN"]), null)).toBe(false);
    expect(canWithdrawProposal(v(["STAFF"], "staff"), "autora")).toBe(true);
    expect(canWithdrawProposal(v(["ADMIN"], "admin"), null)).toBe(true);
    expect(canWithdrawProposal(v(["SECRETARY"]), "autora")).toBe(false);
    expect(canWithdrawProposal(null, "autora")).toBe(false);
    expect(withdrawsProposals(v(["SECRETARY"]))).toBe(false);
    expect(withdrawsProposals(v(["CITIZEN"]))).toBe(true);
  });

  it("let only STAFF and ADMIN decide", () => {
    expect(canDecideProposal(v(["STAFF"]))).toBe(true);
    expect(canDecideProposal(v(["ADMIN"]))).toBe(true);
    expect(canDecideProposal(v(["CITIZEN"]))).toBe(false);
    expect(canDecideProposal(v(["SECRETARY"]))).toBe(false);
  });
});

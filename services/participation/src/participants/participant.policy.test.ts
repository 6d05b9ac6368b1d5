import type { Viewer } from "@contagem/schema";
import { canManageParticipation, canReadPersonalData, canUpdateIntervention, isCitizen, updatesInterventions } from "./participant.policy";

const v = (roles: Viewer["roles"], councils: string[] = []): Viewer => ({ sub: "x", roles, councils });
const sede = { id: 14, slug: "conselho-regional-sede", kind: "REGIONAL" };
const compur = { id: 4, slug: "compur", kind: "POLICY" };

describe("participation policies", () => {
  it("let only STAFF and ADMIN read others' personal data and manage processes", () => {
    for (const allowed of [["STAFF"], ["ADMIN"]] as const) {
      expect(canReadPersonalData(v([...allowed]))).toBe(true);
      expect(canManageParticipation(v([...allowed]))).toBe(true);
    }
    for (const denied of [["CITIZEN"], ["SECRETARY"], []] as const) {
      expect(canReadPersonalData(v([...denied], ["compur"]))).toBe(false);
      expect(canManageParticipation(v([...denied], ["compur"]))).toBe(false);
    }
    expect(canReadPersonalData(null)).toBe(false);
  });

  it("let a regional council's secretary update its own works, and no policy council's secretary", () => {
    expect(canUpdateIntervention(v(["SECRETARY"], ["conselho-regional-sede"]), sede)).toBe(true);
    expect(canUpdateIntervention(v(["SECRETARY"], ["14"]), sede)).toBe(true);
    expect(canUpdateIntervention(v(["SECRETARY"], ["compur"]), compur)).toBe(false);
    expect(canUpdateIntervention(v(["SECRETARY"], ["conselho-regional-eldorado"]), sede)).toBe(false);
    expect(canUpdateIntervention(v(["STAFF"]), sede)).toBe(true);
    expect(canUpdateIntervention(v(["CITIZEN"]), sede)).toBe(false);
    expect([v(["STAFF"]), v(["ADMIN"]), v(["SECRETARY"], ["compur"])].every(updatesInterventions)).toBe(true);
    expect(updatesInterventions(v(["CITIZEN"]))).toBe(false);
  });

  it("know a citizen", () => {
    expect(isCitizen(v(["CITIZEN"]))).toBe(true);
    expect(isCitizen(v(["STAFF"]))).toBe(false);
    expect(isCitizen(null)).toBe(false);
  });
});

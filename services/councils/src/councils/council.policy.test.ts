import type { Viewer } from "@contagem/schema";
import { canManageComposition, canManageCouncils, canOpenTerm } from "./council.policy";

const v = (roles: Viewer["roles"], councils: string[] = []): Viewer => ({ sub: "x", roles, councils });
const compur = { id: 4, slug: "compur" };

describe("council policies", () => {
  it("let ADMIN manage councils, and a council's secretary its composition", () => {
    expect(canManageCouncils(v(["ADMIN"]))).toBe(true);
    expect(canManageCouncils(v(["SECRETARY"], ["compur"]))).toBe(false);
    expect(canManageComposition(v(["SECRETARY"], ["compur"]), compur)).toBe(true);
    expect(canManageComposition(v(["SECRETARY"], ["cmsc"]), compur)).toBe(false);
  });

  it("let only ADMIN open a term longer than the council's rule", () => {
    expect(canOpenTerm(v(["SECRETARY"], ["compur"]), compur, false)).toBe(true);
    expect(canOpenTerm(v(["SECRETARY"], ["compur"]), compur, true)).toBe(false);
    expect(canOpenTerm(v(["ADMIN"]), compur, true)).toBe(true);
    expect(canOpenTerm(v(["STAFF"]), compur, false)).toBe(false);
  });
});

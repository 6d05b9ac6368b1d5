import type { Viewer } from "@contagem/common";
import { canWriteForCouncil, isAdmin, isStaff, servesCouncil } from "./policy";

const viewer = (roles: Viewer["roles"], councils: string[] = []): Viewer => ({ sub: "x", roles, councils });
const compur = { id: 4, slug: "compur" };

describe("council policies", () => {
  it("let a SECRETARY write only for the councils in the claim, by slug or by id", () => {
    expect(servesCouncil(viewer(["SECRETARY"], ["compur"]), compur)).toBe(true);
    expect(servesCouncil(viewer(["SECRETARY"], ["4"]), compur)).toBe(true);
    expect(servesCouncil(viewer(["SECRETARY"], ["cmsc", "1"]), compur)).toBe(false);
    expect(servesCouncil(viewer(["CITIZEN"], ["compur"]), compur)).toBe(false);
    expect(servesCouncil(viewer(["SECRETARY"], ["compur"]), { id: 4 })).toBe(false);
    expect(servesCouncil(viewer(["SECRETARY"], ["4"]), { id: 4 })).toBe(true);
  });

  it("deny by default: no viewer, no council, or no matching role", () => {
    expect(canWriteForCouncil(null, compur)).toBe(false);
    expect(canWriteForCouncil(viewer(["SECRETARY"], ["compur"]), null)).toBe(false);
    expect(canWriteForCouncil(viewer(["STAFF"]), compur)).toBe(false);
    expect(canWriteForCouncil(viewer([]), compur)).toBe(false);
    expect(canWriteForCouncil(viewer(["ADMIN"]), compur)).toBe(true);
    expect(canWriteForCouncil(viewer(["ADMIN"]), null)).toBe(true);
  });

  it("know ADMIN and STAFF", () => {
    expect(isAdmin(viewer(["STAFF"]))).toBe(false);
    expect(isStaff(viewer(["STAFF"]))).toBe(true);
    expect(isStaff(viewer(["ADMIN"]))).toBe(true);
    expect(isStaff(viewer(["CITIZEN"]))).toBe(false);
  });
});

import type { Viewer } from "@contagem/schema";
import { MinutesStatus } from "./minutes.enums";
import { canSeeMinutes } from "./minutes.policy";

const v = (roles: Viewer["roles"], councils: string[] = []): Viewer => ({ sub: "x", roles, councils });
const compur = { id: 4, slug: "compur" };

describe("minutes visibility", () => {
  it("shows published minutes to anyone, and the others only to their council's draft readers", () => {
    for (const viewer of [null, v(["CITIZEN"]), v(["SECRETARY"], ["cmsc"])]) {
      expect(canSeeMinutes(viewer, { status: MinutesStatus.PUBLISHED }, compur)).toBe(true);
      expect(canSeeMinutes(viewer, { status: MinutesStatus.DRAFT }, compur)).toBe(false);
      expect(canSeeMinutes(viewer, { status: MinutesStatus.APPROVED }, compur)).toBe(false);
    }
    for (const viewer of [v(["SECRETARY"], ["compur"]), v(["SECRETARY"], ["4"]), v(["STAFF"]), v(["ADMIN"])]) {
      expect(canSeeMinutes(viewer, { status: MinutesStatus.DRAFT }, compur)).toBe(true);
    }
    // By id alone, a claim by slug cannot be told: the council's slug is needed to see its drafts.
    expect(canSeeMinutes(v(["SECRETARY"], ["compur"]), { status: MinutesStatus.DRAFT }, { id: 4 })).toBe(false);
  });
});

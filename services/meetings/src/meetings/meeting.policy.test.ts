import type { Viewer } from "@contagem/schema";
import { canReadDrafts, canWriteMeetings, writesMeetings } from "./meeting.policy";

const v = (roles: Viewer["roles"], councils: string[] = []): Viewer => ({ sub: "x", roles, councils });
const compur = { id: 4, slug: "compur" };

describe("meeting policies", () => {
  it("let only the council's secretary or ADMIN write", () => {
    expect(canWriteMeetings(v(["SECRETARY"], ["compur"]), compur)).toBe(true);
    expect(canWriteMeetings(v(["SECRETARY"], ["cmsc"]), compur)).toBe(false);
    expect(canWriteMeetings(v(["STAFF"]), compur)).toBe(false);
    expect(canWriteMeetings(v(["ADMIN"]), compur)).toBe(true);
    expect(canWriteMeetings(null, compur)).toBe(false);
  });

  it("show drafts to the council's secretaries, STAFF and ADMIN only", () => {
    expect(canReadDrafts(v(["SECRETARY"], ["4"]), compur)).toBe(true);
    expect(canReadDrafts(v(["SECRETARY"], ["cmsc"]), compur)).toBe(false);
    expect(canReadDrafts(v(["STAFF"]), compur)).toBe(true);
    expect(canReadDrafts(v(["ADMIN"]), compur)).toBe(true);
    expect(canReadDrafts(v(["CITIZEN"]), compur)).toBe(false);
    expect(canReadDrafts(null, compur)).toBe(false);
  });

  it("know which roles write meetings at all, before any council is known", () => {
    expect(writesMeetings(v(["SECRETARY"], ["cmsc"]))).toBe(true);
    expect(writesMeetings(v(["ADMIN"]))).toBe(true);
    expect(writesMeetings(v(["STAFF"]))).toBe(false);
    expect(writesMeetings(v(["CITIZEN"]))).toBe(false);
    expect(writesMeetings(null)).toBe(false);
  });
});

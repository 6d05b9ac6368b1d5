import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { describeErrors, errorsByField, MESSAGES } from "./errors";

const failed = (...errors: GraphQLError[]) => new CombinedError({ graphQLErrors: errors });

describe("what a secretary reads for each error code", () => {
  it("gives every client-facing code of the API a Portuguese sentence", () => {
    for (const code of ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RECORD_IMMUTABLE", "IDEMPOTENCY_KEY_REUSED", "RATE_LIMITED", "SERVICE_UNAVAILABLE"]) {
      const [shown] = describeErrors(failed(new GraphQLError("english text", { extensions: { code } })));
      expect(shown.message).toBe(MESSAGES[code]);
      expect(shown.message).not.toMatch(/english/);
    }
  });

  it("tells a stale version to reload", () => {
    const [shown] = describeErrors(failed(new GraphQLError("Version 3 is stale", { extensions: { code: "CONFLICT" } })));
    expect(shown.message).toMatch(/Recarregue/);
  });

  it("keeps a validation message and the field it names, without the input. prefix", () => {
    const shown = describeErrors(failed(new GraphQLError("startsAt must be after 1990", { extensions: { code: "BAD_USER_INPUT", field: "input.startsAt" } })));
    expect(errorsByField(shown, ["startsAt"])).toEqual({ fields: { startsAt: "startsAt must be after 1990" }, general: [] });
  });

  it("puts an error about a field the form does not show with the general ones, so it is never hidden", () => {
    const shown = describeErrors(failed(new GraphQLError("list the seats", { extensions: { code: "BAD_USER_INPUT", field: "input.seats" } })));
    expect(errorsByField(shown, ["startsOn", "seat"]).general.map((e) => e.message)).toEqual(["list the seats"]);
    expect(errorsByField(shown, ["seats"]).fields).toEqual({ seats: "list the seats" });
  });

  it("quotes the request id of an internal error, and an unknown code is not shown raw", () => {
    const [shown] = describeErrors(failed(new GraphQLError("boom", { extensions: { code: "SOMETHING_NEW", requestId: "r-1" } })));
    expect(shown).toEqual({ code: "SOMETHING_NEW", message: MESSAGES.INTERNAL_SERVER_ERROR, requestId: "r-1" });
  });

  it("says the network is down when no answer came", () => {
    expect(describeErrors(new CombinedError({ networkError: new Error("fetch failed") }))[0].message).toBe(MESSAGES.NETWORK);
  });
});

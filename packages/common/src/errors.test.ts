import { GraphQLError } from "graphql";
import { AppError, closedCode, ERROR_CODES, ErrorCode, isUnavailable, maskError } from "./errors";

describe("maskError", () => {
  it("keeps errors with a client code of the closed set, adding the request id", () => {
    const error = new AppError("CONFLICT", "stale");
    expect(maskError({ message: "stale", extensions: { code: "CONFLICT" } }, error, { requestId: "r1" })).toEqual({
      message: "stale",
      extensions: { code: "CONFLICT", requestId: "r1" },
    });
  });

  it("keeps graphql-js request errors under their standard codes, and maps foreign ones with the reason", () => {
    const validation = { message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    expect(maskError(validation, new GraphQLError("x"), { requestId: "r2" }).extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", requestId: "r2" });
    const unknownOperation = { message: "Unknown operation", extensions: { code: "OPERATION_RESOLUTION_FAILURE" } };
    expect(maskError(unknownOperation, new GraphQLError("x"), { requestId: "r3" }).extensions).toEqual({
      code: "BAD_REQUEST",
      reason: "OPERATION_RESOLUTION_FAILURE",
      requestId: "r3",
    });
  });

  it("names graphql-armor's and graphql-js's limits QUERY_TOO_COMPLEX", () => {
    expect(closedCode(undefined, "Syntax Error: Query depth limit of 12 exceeded, found 15.")).toBe("QUERY_TOO_COMPLEX");
    expect(closedCode("GRAPHQL_PARSE_FAILED", "Syntax Error: Document contains more that 3000 tokens. Parsing aborted.")).toBe("QUERY_TOO_COMPLEX");
  });

  it("never lets internal extensions out", () => {
    const formatted = { message: "bad", extensions: { code: "BAD_USER_INPUT", field: "slug", stacktrace: ["at x"], exception: {}, http: { status: 400 } } };
    expect(maskError(formatted, new GraphQLError("bad"), { requestId: "r4" }).extensions).toEqual({ code: "BAD_USER_INPUT", field: "slug", requestId: "r4" });
  });

  it("masks anything else, logging the original, with the request id to quote", () => {
    const logged: unknown[] = [];
    const original = new Error('relation "council" does not exist');
    const masked = maskError(
      { message: original.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } },
      original,
      { requestId: "r1", log: (e) => logged.push(e) },
    );
    expect(masked).toEqual({
      message: "Unexpected error. Quote request id r1 when reporting it.",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "r1" },
    });
    expect(logged).toEqual([original]);
  });

  it("has one table entry per code: a status and a meaning", () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const { status, meaning } of Object.values(ERROR_CODES)) {
      expect(status).toBeGreaterThanOrEqual(200);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});

describe("isUnavailable", () => {
  it("counts a read replica cancelling a query for its replay as unavailable (retry later), not any serialization failure", () => {
    const recovery = Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" });
    expect(isUnavailable(recovery)).toBe(true);
    expect(isUnavailable({ name: "DriverException", originalError: recovery })).toBe(true);
    expect(isUnavailable(Object.assign(new Error("could not serialize access due to concurrent update"), { code: "40001" }))).toBe(false);
  });
});

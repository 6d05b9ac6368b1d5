import { GraphQLError } from "graphql";
import { AppError, maskError } from "./errors";

describe("maskError", () => {
  it("keeps errors with a code of the closed set", () => {
    const error = new AppError("CONFLICT", "stale");
    expect(maskError({ message: "stale", extensions: { code: "CONFLICT" } }, error)).toEqual({
      message: "stale",
      extensions: { code: "CONFLICT" },
    });
  });

  it("turns graphql-js request errors into BAD_USER_INPUT", () => {
    const formatted = { message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    expect(maskError(formatted, new GraphQLError("x")).extensions).toEqual({ code: "BAD_USER_INPUT", reason: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("masks anything else, logging the original", () => {
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
});

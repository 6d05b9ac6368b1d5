import { Writable } from "node:stream";
import { createLogger } from "./logger";

describe("logger", () => {
  it("never writes tokens, secrets or personal data", async () => {
    let output = "";
    const sink = new Writable({ write(chunk, _enc, done) { output += chunk; done(); } });
    const log = createLogger("test", "info", sink);
    log.info({
      req: { headers: { authorization: "Bearer eyJhbGciOi.secret.token" } },
      token: "eyJraw",
      user: { email: "maria@example.com", cpf: "529.982.247-25", phone: "+55 31 99999-0000" },
      variables: { input: { email: "joao@example.com" } },
    }, "request");
    await new Promise((r) => setImmediate(r));
    expect(output).toContain('"msg":"request"');
    for (const secret of ["eyJhbGciOi", "eyJraw", "maria@example.com", "529.982.247-25", "99999", "joao@example.com"]) {
      expect(output).not.toContain(secret);
    }
  });

  it("writes an error's kind, message, code, stack and causes, never what a library attached to it", async () => {
    let output = "";
    const sink = new Writable({ write(chunk, _enc, done) { output += chunk; done(); } });
    const log = createLogger("test", "info", sink);
    // As the gateway's runtime reports a subgraph it could not reach: the forwarded request rides on the error.
    const upstream = Object.assign(new Error("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }), {
      extensions: { code: "SERVICE_UNAVAILABLE", request: { body: { variables: { i: { fullName: "Maria da Silva", cpf: "52998224725" } } } } },
      detail: "Key (email)=(maria@example.com) already exists.",
    });
    log.error({ err: upstream, requestId: "r1" }, "unexpected gateway error");
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(output) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: "Error", message: "fetch failed", graphqlCode: "SERVICE_UNAVAILABLE", cause: { message: "connect ECONNREFUSED", code: "ECONNREFUSED" } });
    for (const personal of ["Maria da Silva", "52998224725", "maria@example.com"]) expect(output).not.toContain(personal);
  });
});

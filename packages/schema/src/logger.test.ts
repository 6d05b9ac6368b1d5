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
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isPublicAddress } from "./address-policy";
import { post } from "./post";
import { backoffMs } from "./worker.config";
import { checkReceiverUrl } from "../webhook.url";

/** The SSRF stance of the worker, and the rules a receiver URL meets at registration. */
describe("the worker's address policy", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"])(
    "refuses %s",
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(["8.8.8.8", "200.160.2.3", "2001:4860:4860::8888", "::ffff:8.8.8.8"])("allows %s", (address) => expect(isPublicAddress(address)).toBe(true));

  it("does not connect to a loopback receiver unless private hosts are allowed, by literal or by name", async () => {
    let hits = 0;
    const server = createServer((_req, res) => (hits++, res.writeHead(204).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const options = { timeoutMs: 2000, allowPrivateHosts: false };
      await expect(post(`http://127.0.0.1:${port}/`, "{}", {}, options)).rejects.toThrow(/refused: 127\.0\.0\.1/);
      await expect(post(`http://[::ffff:127.0.0.1]:${port}/`, "{}", {}, options)).rejects.toThrow(/refused/);
      await expect(post(`http://localhost:${port}/`, "{}", {}, options)).rejects.toThrow(/refused: localhost/);
      expect(hits).toBe(0);
      expect(await post(`http://127.0.0.1:${port}/`, "{}", {}, { ...options, allowPrivateHosts: true })).toBe(204);
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe("receiver URLs", () => {
  const refused = ["ftp://example.org/", "javascript:alert(1)", "https://u:p@example.org/", "https://example.org/#x", "//example.org"].map((url) => [url, url]);
  it.each([...refused, ["a URL of 2,001 characters", `https://example.org/${"x".repeat(1981)}`]])(
    "refuses %s",
    (_name, url) => expect(() => checkReceiverUrl(url)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })),
  );

  it("keeps a valid one, normalised", () => expect(checkReceiverUrl(" https://Portal.Example.org/hook?a=1 ")).toBe("https://portal.example.org/hook?a=1"));
});

describe("backoff", () => {
  it("doubles from the base, capped", () => {
    const config = { backoffBaseMs: 30_000, backoffMaxMs: 6 * 3_600_000 };
    expect([1, 2, 3, 4, 9, 20].map((n) => backoffMs(config, n))).toEqual([30_000, 60_000, 120_000, 240_000, 7_680_000, 21_600_000]);
  });
});

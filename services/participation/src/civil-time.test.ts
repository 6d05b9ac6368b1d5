import { councils } from "@contagem/councils";
import { meetings } from "@contagem/meetings";
import { codesOf, gql, mintToken, setClock, startSystem, type RunningSystem } from "@contagem/testkit";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { participation } from "./definition";
import { call, citizen, openVote } from "./participation.fixtures";

/**
 * Ages and months are Contagem's: at 21:30 the evening before a birthday it is already the birthday in UTC, and at
 * 21:30 on 31 January already February. packages/stack/src/civil-time.tz.test.ts runs this file again under other TZs.
 */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem([councils, meetings, participation], await readFile(join(__dirname, "../../../gateway/supergraph.graphql"), "utf8"), {
    responseCacheTtlMs: 0,
  });
});
afterAll(() => system.stop());
afterEach(() => jest.useRealTimers());

const register = async (sub: string, i: Record<string, unknown>) =>
  gql(system.gatewayUrl, `mutation($i: RegisterParticipantInput!) { registerParticipant(input: $i) { personalData { id } } }`, { i }, {
    token: await mintToken({ sub, roles: ["CITIZEN"] }),
  });

describe("Contagem's civil time in participation", () => {
  it("counts a 16th birthday from Contagem's midnight, not from UTC's (21:00 the evening before)", async () => {
    const person = (n: number) => ({ fullName: `Pessoa Aniversariante ${n}`, email: `aniversario${n}@example.org`, birthDate: "2010-03-10" });
    for (const [n, now] of ["2026-03-09T21:00:00-03:00", "2026-03-09T23:59:00-03:00"].entries()) {
      setClock(now);
      expect({ now, codes: codesOf(await register(`birthday-eve-${n}`, person(n))) }).toEqual({ now, codes: ["BAD_USER_INPUT"] });
    }
    setClock("2026-03-10T00:00:00-03:00");
    expect((await register("birthday", person(9))).errors).toBeUndefined();
  });

  it("keeps a minor's profile private until Contagem's midnight of their 18th birthday", async () => {
    const teen = { fullName: "Pessoa Quase Adulta", email: "quase@example.org", birthDate: "2008-03-10", handle: "quase_adulta", profilePublic: true };
    setClock("2026-03-09T21:30:00-03:00");
    expect(codesOf(await register("almost-adult", teen))).toEqual(["CONFLICT"]);
    setClock("2026-03-10T00:00:00-03:00");
    expect((await register("adult", teen)).errors).toBeUndefined();
  });

  it("groups votes at 20:59, 21:00 and 23:59 on 31 January in January, and midnight's in February", async () => {
    const vote = await openVote(system.gatewayUrl);
    for (let i = 0; i < 25; i++) {
      const token = await citizen(system.gatewayUrl, `month-voter-${i}`, { fullName: `Votante do Mês ${i}`, email: `mes${i}@example.org`, birthDate: "1980-01-01" });
      await call(system.gatewayUrl, `mutation($i: CastBallotInput!) { castBallot(input: $i) { castAtHour } }`, {
        i: { processId: vote.processId, proposalIds: [vote.optionIds[0]] },
      }, token);
    }
    // The database stamps a ballot with its own clock: move them to the evening in question, five at each time.
    const { orm } = system.subgraphs.participation;
    const times = ["2026-01-31T20:59:00-03:00", "2026-01-31T21:00:00-03:00", "2026-01-31T21:30:00-03:00", "2026-01-31T23:59:59-03:00", "2026-02-01T00:00:00-03:00"];
    await orm.em.getConnection().execute(
      `update "${orm.config.get("schema")}".ballot set created_at = (array[${times.map(() => "?::timestamptz").join(", ")}])[1 + (id % 5)]`,
      times,
    );
    const { participationStats } = await call(system.gatewayUrl, `{ participationStats(groupBy: [MONTH]) { month participants } }`, {});
    expect(participationStats).toEqual([{ month: "2026-01", participants: 20 }, { month: "2026-02", participants: 5 }]);
  });
});

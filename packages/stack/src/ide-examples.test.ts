import { DEFAULT_QUERY, exampleTabs, PUBLISHED_PATHS } from "@contagem/gateway";
import { codesOf, gql, mintToken, startSystem, type RunningSystem } from "@contagem/testkit";
import { parse, type OperationDefinitionNode } from "graphql";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFINITIONS, ROOT } from "./artifacts";

// A system on a fresh database with the default seed, as `npm start` gives a first-time user.
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem(DEFINITIONS, await readFile(join(ROOT, "gateway", "supergraph.graphql"), "utf8"));
});
afterAll(() => system.stop());

const tabs = exampleTabs();
const operationOf = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;

describe("the IDE's example tabs", () => {
  it("are named operations, one per common task, the mutation with the headers to set", () => {
    expect(tabs.map((tab) => operationOf(tab.query).name?.value)).toEqual([
      "ComicMeetings", "CouncilAndMembers", "MeetingsAndMinutes", "Search", "ParticipationFigures", "ScheduleMeeting",
    ]);
    const mutation = tabs.filter((tab) => operationOf(tab.query).operation === "mutation");
    expect(mutation).toHaveLength(1);
    expect(JSON.parse(mutation[0].headers!)).toEqual({ Authorization: expect.stringMatching(/^Bearer <.*npm run token -- --role SECRETARY --council compur>$/) });
  });

  it.each(tabs.filter((tab) => operationOf(tab.query).operation === "query").map((tab) => [operationOf(tab.query).name!.value, tab]))(
    "%s answers without errors on the default seed",
    async (_name, tab) => {
      const res = await gql(system.gatewayUrl, tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
      for (const value of Object.values(res.data)) expect(value).not.toBeNull();
    },
  );

  it("the default tab shows real data: COMIC's meetings with their agendas", async () => {
    const res = await gql(system.gatewayUrl, tabs[0].query);
    expect(res.data.council.acronym).toBe("COMIC");
    expect(res.data.council.meetings.totalCount).toBeGreaterThan(0);
    expect(res.data.council.meetings.edges[0].node.agenda.length).toBeGreaterThan(0);
  });

  it("the secretary's mutation schedules a meeting with a minted token, and is UNAUTHENTICATED without one", async () => {
    const tab = tabs.find((t) => operationOf(t.query).operation === "mutation")!;
    const variables = JSON.parse(tab.variables!);
    expect(codesOf(await gql(system.gatewayUrl, tab.query, variables))).toEqual(["UNAUTHENTICATED"]);
    const token = await mintToken({ roles: ["SECRETARY"], councils: ["compur"] });
    const res = await gql(system.gatewayUrl, tab.query, variables, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data.scheduleMeeting.meeting).toMatchObject({ status: "SCHEDULED", council: { acronym: "COMPUR" } });
  });

  it("the IDE page opens on them, with links to the reference, the SDL and the changelog, without GraphiQL's welcome text", async () => {
    const res = await fetch(system.gatewayUrl, { headers: { accept: "text/html" } });
    const page = await res.text();
    // Booleans, not toContain: a failure must not print a 9 MB page.
    const has = (text: string) => page.includes(text);
    expect(has(`"defaultTabs":${JSON.stringify(tabs)}`)).toBe(true);
    // The runtime's stock default query ("# Welcome to GraphiQL …", whose tab was named "might") is replaced.
    expect(has(`"defaultQuery":${JSON.stringify(DEFAULT_QUERY)}`)).toBe(true);
    for (const path of [PUBLISHED_PATHS.docs, PUBLISHED_PATHS.sdl, PUBLISHED_PATHS.changelog, PUBLISHED_PATHS.gettingStarted]) {
      expect([path, has(`href="${path}"`)]).toEqual([path, true]);
    }
  });
});

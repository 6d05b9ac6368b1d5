import type { SubgraphDefinition } from "@contagem/schema";
import { entities } from "./entities";
import { migrations } from "./migrations";
import { buildMeetingsSchema } from "./schema";

export const meetings: SubgraphDefinition = {
  name: "meetings",
  defaultPort: 4002,
  database: { entities, migrations },
  buildSchema: buildMeetingsSchema,
  // Council rules, terms and mandates are the councils subgraph's: meetings asks it for them.
  peers: ["councils"],
};

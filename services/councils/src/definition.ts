import type { SubgraphDefinition } from "@contagem/schema";
import { entities } from "./entities";
import { councilsOpenData } from "./open-data";
import { migrations } from "./migrations";
import { buildCouncilsSchema } from "./schema";
import { seedCouncils } from "./seed/seed";

export const councils: SubgraphDefinition = {
  name: "councils",
  defaultPort: 4001,
  database: { entities, migrations },
  buildSchema: buildCouncilsSchema,
  seed: seedCouncils,
  openData: councilsOpenData,
};

import { BBOX_SETTING, municipalityBbox, type SubgraphDefinition } from "@contagem/schema";
import { assemblyCouncils, ASSEMBLY_COUNCILS_SETTING } from "./decidim/councils";
import { entities } from "./entities";
import { participationOpenData } from "./open-data";
import { migrations } from "./migrations";
import { buildParticipationSchema } from "./schema";
import { seedParticipation } from "./seed/seed";

export const participation: SubgraphDefinition = {
  name: "participation",
  defaultPort: 4003,
  database: { entities, migrations },
  buildSchema: buildParticipationSchema,
  seed: seedParticipation,
  peers: ["councils", "meetings"],
  // Keys the CPF hashes and the pseudonyms of citizens in the audit log.
  secrets: ["PII_KEY"],
  openData: participationOpenData,
  // MUNICIPALITY_BBOX: the area the coordinates of works must fall in (see place-check.ts).
  // DECIDIM_ASSEMBLY_COUNCILS: which Decide Contagem assembly is which council's (decidim/councils.ts).
  settings: [BBOX_SETTING, ASSEMBLY_COUNCILS_SETTING],
  checkSettings: (settings) => {
    municipalityBbox(settings);
    assemblyCouncils(settings);
  },
};

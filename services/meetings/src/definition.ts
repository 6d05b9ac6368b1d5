import { BBOX_SETTING, municipalityBbox, type SubgraphDefinition } from "@contagem/schema";
import { documentMaxBytes, documentRoutes } from "./documents/document.routes";
import { entities } from "./entities";
import { meetingsOpenData } from "./open-data";
import { migrations } from "./migrations";
import { buildMeetingsSchema } from "./schema";
import { seedMeetings } from "./seed/seed";

export const meetings: SubgraphDefinition = {
  name: "meetings",
  defaultPort: 4002,
  database: { entities, migrations },
  buildSchema: buildMeetingsSchema,
  // The public record's meetings; their councils' ids are asked of the councils subgraph by slug.
  seed: seedMeetings,
  // Council rules, terms and mandates are the councils subgraph's: meetings asks it for them.
  peers: ["councils"],
  openData: meetingsOpenData,
  // Documents' bytes: uploaded and downloaded over plain HTTP (the gateway forwards /documents/ here).
  routes: documentRoutes(),
  // MUNICIPALITY_BBOX: the area a meeting's coordinates must fall in (see place-check.ts).
  settings: ["DOCUMENT_MAX_BYTES", BBOX_SETTING],
  checkSettings: (settings) => {
    documentMaxBytes(settings);
    municipalityBbox(settings);
  },
};

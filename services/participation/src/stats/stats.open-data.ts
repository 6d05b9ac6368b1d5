import type { OpenDataResource, OpenDataValue } from "@contagem/schema";
import { Channel, ProcessKind } from "../processes/process.enums";
import { figuresSaltOf } from "./disclosure";
import { figuresOf, figuresQuery, StatsDimension } from "./stats";

/**
 * The groupings the package publishes: each dimension alone, each by month, and the total. Every figure is the one
 * `participationStats(groupBy:)` answers for the same grouping (the same statement, the same rounding under PII_KEY),
 * so the package discloses nothing the graph does not.
 */
export const PUBLISHED_GROUPINGS: StatsDimension[][] = [
  [],
  ...[StatsDimension.TERRITORY, StatsDimension.COUNCIL, StatsDimension.KIND, StatsDimension.CHANNEL].flatMap((d) => [[d], [StatsDimension.MONTH, d]]),
  [StatsDimension.MONTH],
];

/** knex's `?` placeholders (figuresQuery's) as PostgreSQL's `$n`: the statement has no `?` operator. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export const figuresOpenData: OpenDataResource = {
  name: "participation_figures",
  title: { pt: "Números da participação", en: "Participation figures" },
  description: {
    pt:
      "Participantes e atos de participação (votos, apoios, propostas, comentários, presenças) por território, conselho, " +
      "tipo de processo, canal e mês, como a API os publica: cada número arredondado a um múltiplo de 5 por arredondamento " +
      "aleatório não enviesado (controle de divulgação estatística, até 4 de diferença), grupos arredondados a 0 omitidos.",
    en:
      "Participants and acts of participation (ballots, supports, proposals, comments, presence) by territory, council, " +
      "process kind, channel and month, as the API publishes them: each count randomly rounded to a multiple of 5 (unbiased; " +
      "within 4 of the truth; statistical disclosure control), groups rounded to 0 left out.",
  },
  primaryKey: [],
  async compute({ schema, query, settings }) {
    if (!settings.PII_KEY) throw new Error("The participation figures need PII_KEY, the participation subgraph's key of their rounding.");
    const rows: OpenDataValue[][] = [];
    for (const grouping of PUBLISHED_GROUPINGS) {
      const { sql, params } = figuresQuery(schema, figuresSaltOf(settings.PII_KEY), grouping, {});
      for (const f of figuresOf(await query(numbered(sql), params), false)) {
        rows.push([grouping.join("+") || "TOTAL", f.month, f.territoryId, f.councilId, f.kind, f.channel, f.participants, f.activities]);
      }
    }
    return rows;
  },
  fields: [
    {
      name: "grouping",
      type: "string",
      required: true,
      description: { pt: "Dimensões do grupo, p. ex. `MONTH+TERRITORY`; `TOTAL` para o total.", en: "The group's dimensions, e.g. `MONTH+TERRITORY`; `TOTAL` for the total." },
    },
    { name: "month", type: "string", description: { pt: "Mês em Contagem, AAAA-MM.", en: "Month in Contagem, YYYY-MM." } },
    { name: "territory_id", type: "integer", description: { pt: "Território de onde participam (territories.id).", en: "Territory people take part from (territories.id)." } },
    { name: "council_id", type: "integer", description: { pt: "Conselho a que a atividade se refere (councils.id).", en: "Council the activity concerns (councils.id)." } },
    { name: "kind", type: "string", enumeration: ProcessKind, description: { pt: "Tipo de processo.", en: "Process kind." } },
    { name: "channel", type: "string", enumeration: Channel, description: { pt: "Canal.", en: "Channel." } },
    { name: "participants", type: "integer", required: true, description: { pt: "Participantes distintos, arredondado.", en: "Distinct participants, rounded." } },
    { name: "activities", type: "integer", required: true, description: { pt: "Atos de participação, arredondado.", en: "Acts of participation, rounded." } },
  ],
  foreignKeys: [
    { field: "territory_id", resource: "territories" },
    { field: "council_id", resource: "councils" },
  ],
};

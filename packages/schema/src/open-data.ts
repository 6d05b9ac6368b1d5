/**
 * A subgraph's contribution to the open-data package (`npm run export`): the public tables it owns, each one CSV with
 * a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/). A resource reads only its own
 * subgraph's schema, and applies the public graph's visibility (published minutes, published versions, no participant)
 * in its `from` clause: what the package holds is what an anonymous client of the graph can read.
 */

/** Portuguese first (the city's language), English second (the schema's). */
export interface Bilingual {
  pt: string;
  en: string;
}

/** Table Schema field types used here; `array` and `object` are JSON text in the CSV. */
export type OpenDataType = "integer" | "number" | "string" | "boolean" | "date" | "datetime" | "array" | "object";

export interface OpenDataField {
  /** snake_case column name. */
  name: string;
  type: OpenDataType;
  /** SQL expression over the resource's `from` (aliases and `{schema}` as there); none in a computed resource. */
  sql?: string;
  description: Bilingual;
  /** Never empty. */
  required?: boolean;
  /** The enum whose stored values the column holds: the package writes their public names, as the graph does. */
  enumeration?: Record<string, string | number>;
  /** Table Schema constraints besides `required` and `enum`: a string's `pattern`, a number's `minimum` and `maximum`. */
  constraints?: { pattern?: string; minimum?: number; maximum?: number };
}

export interface OpenDataForeignKey {
  field: string;
  /** Resource name (in any subgraph: the package is one) and its field. */
  resource: string;
  references?: string;
}

export interface OpenDataResource {
  /** Lower-case resource name; the file is `<name>.csv`. */
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** The table with its alias and any joins, `{schema}` standing for the subgraph's schema (no WHERE). */
  from?: string;
  /** The public graph's visibility rule over `from`, if the table has one. */
  where?: string;
  /** The alias of the table the rows are: its `id` pages the rows, and rows created after the snapshot's instant are left out. */
  alias?: string;
  /** Instead of `from`: rows computed at once (aggregates, e.g. figures under disclosure control), in `fields`' order. */
  compute?: (context: OpenDataContext) => Promise<OpenDataValue[][]>;
  /** The primary key's columns (default `id`; none for a table of aggregates whose keys may be empty). */
  primaryKey?: string[];
  fields: OpenDataField[];
  foreignKeys?: OpenDataForeignKey[];
}

/** A cell as a computed resource gives it: text, a number, or null (an empty cell). */
export type OpenDataValue = string | number | null;

export interface OpenDataContext {
  /** The subgraph's schema, quoted for SQL. */
  schema: string;
  /** Runs one statement (PostgreSQL `$n` placeholders) on the export's connection. */
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** The subgraph's secrets (SubgraphDefinition.secrets), e.g. PII_KEY. */
  settings: Record<string, string>;
}

/**
 * An enum's stored value → its public name. A renamed value keeps its old name first (deprecated) and its new one
 * last, and the graph outputs the last name of a value (see composition.enums.ts): so does the package.
 */
export function publicEnumNames(enumeration: Record<string, string | number>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [key, value] of Object.entries(enumeration)) if (typeof value === "string") names.set(value, key);
  return names;
}

/** The common columns: the database id (`databaseId` in the graph), and when the record was created and last changed. */
export function recordColumns(alias: string, what: Bilingual): OpenDataField[] {
  return [
    { name: "id", type: "integer", sql: `${alias}.id`, required: true, description: { pt: `Identificador ${what.pt} (o databaseId da API GraphQL).`, en: `Id of the ${what.en} (the GraphQL API's databaseId).` } },
    { name: "created_at", type: "datetime", sql: `${alias}.created_at`, required: true, description: { pt: "Quando o registro foi criado (UTC).", en: "When the record was created (UTC)." } },
    { name: "updated_at", type: "datetime", sql: `${alias}.updated_at`, required: true, description: { pt: "Quando o registro mudou pela última vez (UTC).", en: "When the record last changed (UTC)." } },
  ];
}

/** A column naming a row of another resource by its id. */
export const reference = (name: string, sql: string, description: Bilingual, required = false): OpenDataField => ({ name, type: "integer", sql, description, required });

/** The public sources a record cites (Open Civic Data's `sources`), as JSON: `[{"url": …, "note": …}]`. */
export const sourcesColumn = (alias: string): OpenDataField => ({
  name: "sources",
  type: "array",
  sql: `coalesce(${alias}.sources, '[]'::jsonb)`,
  required: true,
  description: { pt: "Fontes públicas do registro, em JSON: lista de objetos com `url` e `note`.", en: "The record's public sources, as JSON: a list of objects with `url` and `note`." },
});

/** Where the official gazette published the record. */
export const gazetteColumns = (alias: string): OpenDataField[] => [
  { name: "gazette_edition", type: "integer", sql: `${alias}.gazette_edition`, description: { pt: "Edição do Diário Oficial de Contagem (DOC) em que foi publicado.", en: "Edition of Contagem's official gazette (DOC) that published it." } },
  { name: "gazette_pages", type: "string", sql: `${alias}.gazette_pages`, description: { pt: "Páginas nessa edição, p. ex. `3-5`.", en: "Pages in that edition, e.g. `3-5`." } },
  { name: "gazette_date", type: "date", sql: `${alias}.gazette_date`, description: { pt: "Data dessa edição.", en: "Date of that edition." } },
];

/**
 * A record's place (see place.ts), stored in the `location_` columns of its table: its name, its address in Contagem
 * (MG) and its WGS 84 coordinates, in decimal degrees.
 */
export const placeColumns = (alias: string): OpenDataField[] => [
  { name: "location_name", type: "string", sql: `${alias}.location_name`, description: { pt: "Nome do local, p. ex. `Casa dos Conselhos`.", en: "Name of the place, e.g. `Casa dos Conselhos`." } },
  { name: "street_address", type: "string", sql: `${alias}.location_street_address`, description: { pt: "Logradouro, número e complemento do local, em Contagem (MG).", en: "Street, number and unit of the place, in Contagem (MG)." } },
  { name: "neighbourhood", type: "string", sql: `${alias}.location_neighbourhood`, description: { pt: "Bairro do local.", en: "Neighbourhood (bairro) of the place." } },
  { name: "postal_code", type: "string", sql: `${alias}.location_postal_code`, constraints: { pattern: "[0-9]{5}-[0-9]{3}" }, description: { pt: "CEP do local, `00000-000`.", en: "Postal code (CEP) of the place, `00000-000`." } },
  { name: "longitude", type: "number", sql: `${alias}.location_longitude`, constraints: { minimum: -180, maximum: 180 }, description: { pt: "Longitude do local em graus decimais (WGS 84, como o GeoJSON; oeste é negativo).", en: "Longitude of the place in decimal degrees (WGS 84, as in GeoJSON; west is negative)." } },
  { name: "latitude", type: "number", sql: `${alias}.location_latitude`, constraints: { minimum: -90, maximum: 90 }, description: { pt: "Latitude do local em graus decimais (WGS 84; sul é negativo).", en: "Latitude of the place in decimal degrees (WGS 84; south is negative)." } },
];

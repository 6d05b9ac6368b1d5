import { publicEnumNames, type OpenDataField, type OpenDataResource, type OpenDataValue, type SubgraphDefinition } from "@contagem/schema";
import { stringify } from "csv-stringify";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { Client } from "pg";

/** Rows read per statement: short statements, so an embedded database keeps serving the subgraphs in between. */
export const PAGE_ROWS = 2_000;

export interface WrittenTable {
  resource: OpenDataResource;
  subgraph: string;
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The column's SQL, as the text the CSV holds: Table Schema's default formats (datetime `YYYY-MM-DDThh:mm:ssZ`). */
function columnText(field: OpenDataField): string {
  const sql = field.sql ?? "null";
  switch (field.type) {
    case "datetime":
      return `to_char((${sql}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    case "date":
      return `to_char(${sql}, 'YYYY-MM-DD')`;
    case "boolean":
      return `case when ${sql} then 'true' when not ${sql} then 'false' end`;
    default:
      return `(${sql})::text`;
  }
}

/** `{schema}` → the subgraph's quoted schema name (checked by openDatabase's rule before it reaches here). */
const inSchema = (sql: string, schema: string) => sql.replaceAll("{schema}", `"${schema.replaceAll('"', '""')}"`);

export function selectPage(resource: OpenDataResource, schema: string): string {
  const columns = resource.fields.map((field, i) => `${columnText(field)} as c${i}`).join(", ");
  const where = [resource.where ? `(${resource.where})` : null, `${resource.alias}.created_at <= $1`, `${resource.alias}.id > $2`].filter(Boolean).join(" and ");
  return inSchema(`select ${resource.alias}.id as "__id", ${columns} from ${resource.from} where ${where} order by ${resource.alias}.id limit ${PAGE_ROWS}`, schema);
}

/** A table's rows, a page at a time: read by id from its `from`, or computed at once. */
async function* rowsOf(client: Client, resource: OpenDataResource, schema: string, asOf: Date, settings: Record<string, string>): AsyncGenerator<OpenDataValue[][]> {
  if (resource.compute) {
    const query = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
    return yield await resource.compute({ schema: inSchema("{schema}", schema), query, settings });
  }
  const sql = selectPage(resource, schema);
  for (let after = 0; ; ) {
    const page = (await client.query<OpenDataValue[]>({ text: sql, values: [asOf, after], rowMode: "array" })).rows;
    yield page.map((row) => row.slice(1));
    if (page.length < PAGE_ROWS) return;
    after = Number(page[page.length - 1][0]);
  }
}

/**
 * Writes one resource as RFC 4180 CSV (UTF-8, CRLF, a header row), hashing the bytes as they are written. Enum
 * columns carry the graph's public names.
 */
export async function writeTable(
  client: Client,
  definition: SubgraphDefinition,
  resource: OpenDataResource,
  options: { schema: string; file: string; asOf: Date; settings: Record<string, string> },
): Promise<WrittenTable> {
  const names = resource.fields.map((field) => (field.enumeration ? publicEnumNames(field.enumeration) : null));
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR: RFC 4180 wants both quoted.
  const csv = stringify({ header: true, columns: resource.fields.map((field) => field.name), record_delimiter: "windows", quoted_match: /[\r\n]/ });
  const hash = createHash("sha256");
  let bytes = 0;
  csv.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const out = createWriteStream(options.file);
  csv.pipe(out);
  let rows = 0;
  for await (const page of rowsOf(client, resource, options.schema, options.asOf, options.settings)) {
    for (const row of page) {
      const values = row.map((value, i) => (value === null ? null : (names[i]?.get(String(value)) ?? String(value))));
      if (!csv.write(values)) await new Promise((resolve) => csv.once("drain", resolve));
    }
    rows += page.length;
  }
  csv.end();
  await finished(out);
  return { resource, subgraph: definition.name, path: options.file, rows, bytes, sha256: hash.digest("hex") };
}

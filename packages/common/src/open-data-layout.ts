/**
 * How open-data snapshots lie on disk, shared by their writer (`npm run export`) and their server (the gateway):
 * `<OPEN_DATA_DIR>/<YYYY-MM-DD>/` per snapshot (the export's civil date), `latest` → the newest, and in each the
 * CSVs, `datapackage.json`, `README.md`, the zip of them all and `SHA256SUMS` (`<hex>  <file>` per line).
 */
export const OPEN_DATA_SNAPSHOT = /^\d{4}-\d{2}-\d{2}$/;

/** The Data Package's name. */
export const OPEN_DATA_PACKAGE = "contagem-participacao";

/** The whole package in one archive, in every snapshot. */
export const OPEN_DATA_ZIP = `${OPEN_DATA_PACKAGE}.zip`;

/** A SHA256SUMS file as a map from file name to hex digest. */
export const parseChecksums = (text: string): Map<string, string> =>
  new Map(
    text
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(66), line.slice(0, 64)] as const),
  );

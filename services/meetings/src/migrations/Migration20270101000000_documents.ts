import { NAME_COLLATION } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/**
 * Documents (PDFs and office files) attached to meetings, minutes versions and resolutions. The bytes live once per
 * content in `document_blob` (keyed by SHA-256, so the same file uploaded twice is stored once); `document_content`
 * holds what the content is, the text a PDF yields and its Portuguese search vector; `document` is the attachment: which record, which kind, which title.
 */
export class Migration20270101000000_documents extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    // The storage's table (PostgresDocumentStorage): bytes by hash, nothing else. An S3 bucket takes its place at scale.
    this.addSql(`create table ${s}.document_blob (
      sha256 char(64) primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      byte_size integer not null check (byte_size > 0),
      content bytea not null,
      created_at timestamptz not null default now()
    )`);
    // What the content is, and the text a PDF yields with its search vector: always here, wherever the bytes are.
    this.addSql(`create table ${s}.document_content (
      sha256 char(64) primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      media_type text not null,
      byte_size integer not null check (byte_size > 0),
      text text,
      search_document text,
      search_vector tsvector,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index document_content_search_idx on ${s}.document_content using gin (search_vector)`);
    this.addSql(`create table ${s}.document (
      id serial primary key,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      council_id integer not null,
      kind text not null,
      title text collate ${s}.${NAME_COLLATION} not null,
      filename text not null,
      sha256 char(64) not null references ${s}.document_content (sha256),
      media_type text not null,
      byte_size integer not null,
      meeting_id integer references ${s}.meeting (id),
      minutes_version_id integer references ${s}.minutes_version (id),
      resolution_id integer references ${s}.resolution (id),
      author_sub text not null,
      withdrawn_at timestamptz,
      constraint document_one_owner check (num_nonnulls(meeting_id, minutes_version_id, resolution_id) = 1)
    )`);
    this.addSql(`create index document_meeting_idx on ${s}.document (meeting_id) where meeting_id is not null`);
    this.addSql(`create index document_minutes_version_idx on ${s}.document (minutes_version_id) where minutes_version_id is not null`);
    this.addSql(`create index document_resolution_idx on ${s}.document (resolution_id) where resolution_id is not null`);
    this.addSql(`create index document_sha256_idx on ${s}.document (sha256)`);
    this.addSql(`create index document_updated_idx on ${s}.document (updated_at, id)`);
  }
}

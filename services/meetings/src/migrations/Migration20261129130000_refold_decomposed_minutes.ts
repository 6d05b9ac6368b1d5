import { foldText } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";

/**
 * Published minutes typed in decomposed form (NFD) were indexed with each accented letter splitting its word
 * ("Reunia" + "o"), so no search found them: their search document is folded again from the published text, which
 * stays as it was. Composed (NFC) texts fold as before and are left alone.
 */
export class Migration20261129130000_refold_decomposed_minutes extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get("schema")}"`;
    const rows = (await this.execute(
      `select m.id, v.body, m.search_document from ${s}.minutes m
       join ${s}.minutes_version v on v.minutes_id = m.id and v.number = m.current_version
       where m.status = 'PUBLISHED' and v.body ~ '[\\u0300-\\u036f]'`,
    )) as { id: number; body: string; search_document: string | null }[];
    for (const row of rows) {
      const document = foldText(row.body);
      if (document === row.search_document) continue;
      await this.execute(`update ${s}.minutes set search_document = ?, search_vector = to_tsvector('portuguese', ?) where id = ?`, [document, document, row.id]);
    }
  }
}

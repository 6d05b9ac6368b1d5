import { addSearchColumns } from "@contagem/schema";
import { Migration } from "@mikro-orm/migrations";
import { proposalSearchDocument } from "../proposals/proposal.entity";

/**
 * `searchProposals`: each proposal's title and text, folded for accents and plurals (written by the entity on every
 * insert and update), with its Portuguese search vector and the indexes the minutes have; the proposals already on
 * record are folded here.
 */
export class Migration20270103000000_proposal_search extends Migration {
  override async up(): Promise<void> {
    await addSearchColumns(
      (sql, params) => this.execute(sql, params),
      `"${this.config.get("schema")}".proposal`,
      ["title", "body"],
      proposalSearchDocument,
    );
  }
}

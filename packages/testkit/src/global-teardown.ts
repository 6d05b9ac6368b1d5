import type { EmbeddedDatabase } from "@contagem/schema";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __embeddedDatabase?: EmbeddedDatabase }).__embeddedDatabase?.stop();
}

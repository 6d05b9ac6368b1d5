/**
 * `npm run decidim:standin`: serves the stand-in Decidim API with the Decide Contagem fixture.
 * Env: PORT (default ephemeral), HOST (default 127.0.0.1), DECIDIM_STANDIN_ADMIN=1 to serve the /__standin control path.
 * Prints the API's address (`http://host:port/api`) on stdout; stops on SIGINT/SIGTERM.
 */
import { DecidimStandin } from "./server";

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, got ${process.env.PORT}`);
  const admin = process.env.DECIDIM_STANDIN_ADMIN === "1";
  const standin = new DecidimStandin({ admin });
  const { apiUrl, url } = await standin.start(port, process.env.HOST ?? "127.0.0.1");
  process.stdout.write(`Decidim stand-in (Decidim 0.28.4 API subset) at ${apiUrl}\n`);
  if (admin) process.stdout.write(`control path: ${url}/__standin/\n`);
  const stop = () => void standin.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

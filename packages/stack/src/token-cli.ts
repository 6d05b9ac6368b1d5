import { isAbsolute, join } from "node:path";
import { ROOT } from "./artifacts";
import { devSecret } from "./launcher";
import { parseTokenArgs, signDevToken, TOKEN_USAGE } from "./token";

/**
 * `npm run token -- --role SECRETARY --council compur`: a development token signed with the local secret that
 * `npm start` gives the services (JWT_SECRET, or the one kept in DATA_DIR). Prints only the token.
 */
async function main() {
  if (process.argv.includes("--help") || process.argv.includes("-h")) return void process.stdout.write(`${TOKEN_USAGE}\n`);
  const request = parseTokenArgs(process.argv.slice(2), process.env);
  const dataDir = process.env.DATA_DIR || ".data";
  const secret = process.env.JWT_SECRET || (await devSecret(isAbsolute(dataDir) ? dataDir : join(ROOT, dataDir)));
  process.stdout.write(`${await signDevToken(request, secret)}\n`);
}

main().catch((error) => {
  console.error(`token: ${(error as Error).message}`);
  process.exit(2);
});

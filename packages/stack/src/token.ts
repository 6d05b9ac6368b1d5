import { ROLES, type Role } from "@contagem/schema";
import { signDevToken, type TokenRequest } from "@contagem/common";

export { signDevToken, type TokenRequest };

/** Parses `--role SECRETARY --council compur [--sub …] [--expires 8h]` (flags may repeat or take commas). */
/** What `npm run token -- --help` prints. */
export const TOKEN_USAGE = [
  "Usage: npm run token -- --role ROLE[,ROLE] [--council SLUG_OR_ID[,…]] [--sub SUBJECT] [--expires 8h]",
  "",
  "Prints a development token signed with the secret `npm start` gives the services (JWT_SECRET, or the one in DATA_DIR).",
  `  --role     one or more of ${ROLES.join(", ")} (required)`,
  "  --council  the councils a SECRETARY writes for, by slug or id (required for SECRETARY)",
  "  --sub      the token's subject (default dev-<role>[-<council>])",
  "  --expires  lifetime, e.g. 30m, 8h, 2d (default 8h)",
  "",
  "Example: npm run token -- --role SECRETARY --council compur",
].join("\n");

export function parseTokenArgs(argv: string[], env: NodeJS.ProcessEnv): TokenRequest {
  const values: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith("--")) throw new Error(`Unexpected argument ${JSON.stringify(flag)}.`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value.`);
    (values[flag.slice(2)] ??= []).push(...value.split(",").map((v) => v.trim()).filter(Boolean));
    i++;
  }
  const unknown = Object.keys(values).filter((k) => !["role", "council", "sub", "expires"].includes(k));
  if (unknown.length) throw new Error(`Unknown option --${unknown[0]}.`);
  const roles = (values.role ?? []).map((r) => r.toUpperCase());
  if (roles.length === 0) throw new Error(`--role is required: one of ${ROLES.join(", ")}.`);
  for (const role of roles) if (!ROLES.includes(role as Role)) throw new Error(`Unknown role ${role}: use ${ROLES.join(", ")}.`);
  const councils = values.council ?? [];
  if (roles.includes("SECRETARY") && councils.length === 0) throw new Error("A SECRETARY token needs --council <slug or id>.");
  return {
    roles: roles as Role[],
    councils,
    sub: values.sub?.[0] ?? `dev-${roles[0].toLowerCase()}${councils.length ? `-${councils[0]}` : ""}`,
    expiresIn: values.expires?.[0] ?? "8h",
    issuer: env.JWT_ISSUER || "contagem-dev",
    audience: env.JWT_AUDIENCE || "contagem-participation-graph",
  };
}

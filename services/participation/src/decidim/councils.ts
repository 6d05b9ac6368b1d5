import { ConfigError } from "@contagem/schema";

/** The setting that maps Decide Contagem assemblies to councils: `assembly-slug=council-slug` pairs, comma-separated. */
export const ASSEMBLY_COUNCILS_SETTING = "DECIDIM_ASSEMBLY_COUNCILS";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads DECIDIM_ASSEMBLY_COUNCILS, e.g. `regional-nacional=conselho-regional-nacional,regional-sede=conselho-regional-sede`,
 * into council slug → assembly slug. Unset or empty: no explicit pairs (the default rule alone). A malformed pair, or a
 * council named twice, is a ConfigError (the subgraph does not start).
 */
export function assemblyCouncils(settings: Record<string, string | undefined>): Map<string, string> {
  const raw = settings[ASSEMBLY_COUNCILS_SETTING]?.trim();
  const byCouncil = new Map<string, string>();
  if (!raw) return byCouncil;
  for (const pair of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [assembly, council, extra] = pair.split("=").map((s) => s.trim());
    if (extra !== undefined || !SLUG.test(assembly ?? "") || !SLUG.test(council ?? "")) {
      throw new ConfigError(`${ASSEMBLY_COUNCILS_SETTING} must be "assembly-slug=council-slug" pairs separated by commas; got ${JSON.stringify(pair)}.`);
    }
    if (byCouncil.has(council)) throw new ConfigError(`${ASSEMBLY_COUNCILS_SETTING} names council ${council} twice.`);
    byCouncil.set(council, assembly);
  }
  return byCouncil;
}

/**
 * The slug of a council's Decide Contagem assembly: the configured pair, else by slug — the regional councils' spaces
 * are `assemblies/regional-<region>` and the councils `conselho-regional-<region>`, so the council's slug without
 * `conselho-` (and, for any other council, the same slug).
 */
export function assemblySlugOf(councilSlug: string, configured: Map<string, string>): string[] {
  const explicit = configured.get(councilSlug);
  if (explicit) return [explicit];
  return councilSlug.startsWith("conselho-") ? [councilSlug.slice("conselho-".length), councilSlug] : [councilSlug];
}

/**
 * The slugs of the councils whose Decide Contagem assembly `assemblySlug` may be (the inverse of assemblySlugOf), most
 * likely first: the councils DECIDIM_ASSEMBLY_COUNCILS pairs with it, else `conselho-<slug>` and the slug itself —
 * each unless the setting pairs that council with another assembly.
 */
export function councilSlugsOf(assemblySlug: string, configured: Map<string, string>): string[] {
  const explicit = [...configured].filter(([, assembly]) => assembly === assemblySlug).map(([council]) => council);
  if (explicit.length) return explicit;
  return [`conselho-${assemblySlug}`, assemblySlug].filter((council) => !configured.has(council));
}

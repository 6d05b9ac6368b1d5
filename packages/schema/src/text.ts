/** Lower case without diacritics: "Petrolândia" → "petrolandia", so searches ignore accents and case. */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** A URL-safe slug: "Conselho Regional Vargem das Flores" → "conselho-regional-vargem-das-flores". */
export function slugify(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

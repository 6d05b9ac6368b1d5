import { foldForSearch } from "./text";

/**
 * Folds Portuguese text for search: lower case, no accents, plurals to the singular ("reuniões" → "reuniao",
 * "resoluções" → "resolucao", "atas" → "ata"). Applied to the indexed text and to the query alike, before
 * PostgreSQL's Portuguese stemmer, so that accents and plurals never decide whether a document matches.
 */
const RULES: [RegExp, string][] = [
  [/(\p{L}+)(oes|aes|aos)$/u, "$1ao"],
  [/(\p{L}{2,})ais$/u, "$1al"],
  [/(\p{L}{2,})eis$/u, "$1el"],
  [/(\p{L}{2,})ois$/u, "$1ol"],
  [/(\p{L}{2,})ns$/u, "$1m"],
  [/(\p{L}{2,}[aeiou])s$/u, "$1"],
];

export function foldWord(word: string): string {
  let folded = foldForSearch(word);
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(folded)) {
      folded = folded.replace(pattern, replacement);
      break;
    }
  }
  return folded;
}

/**
 * A word: letters and digits with the combining marks that belong to them. Minutes typed in decomposed form (NFD)
 * write "ã" as "a" + U+0303; without the marks, "Reunião" would be two words, "Reunia" and "o", found by no search
 * and highlighted as `**Reunia**̃o`.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

const graphemes = new Intl.Segmenter("pt-BR", { granularity: "grapheme" });

/** The grapheme boundary at or before `index`: a cut there never parts a letter from its accent, nor an emoji. */
function graphemeStart(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  return graphemes.segment(text).containing(index)?.index ?? index;
}

export function foldText(text: string): string {
  return text.replace(WORD, (word) => foldWord(word));
}

/** Words of a query, folded, with search operators kept for websearch_to_tsquery ("…", or, -word). */
export function foldQuery(query: string): string {
  return query.replace(WORD, (word) => (word.toLowerCase() === "or" ? word : foldWord(word)));
}

/**
 * An excerpt of `body` around the first matched word, with matches in **bold**. A word matches when its folded
 * form starts with a query word's folded stem (the stemmer's work, approximated: the first 5 letters or the word).
 */
export function highlight(body: string, query: string, radius = 120): string {
  const stems = (query.match(WORD) ?? [])
    .filter((w) => w.toLowerCase() !== "or")
    .map((w) => foldWord(w))
    .filter((w) => w.length >= 2)
    .map((w) => (w.length > 6 ? w.slice(0, Math.max(5, w.length - 3)) : w));
  const plain = body.replace(/[#*_>`[\]]/g, "").replace(/\s+/g, " ").trim();
  const matches = (word: string) => stems.some((stem) => foldWord(word).startsWith(stem));
  let first = -1;
  for (const m of plain.matchAll(WORD)) {
    if (matches(m[0])) {
      first = m.index!;
      break;
    }
  }
  const start = graphemeStart(plain, first < 0 ? 0 : Math.max(0, plain.lastIndexOf(" ", Math.max(0, first - radius)) + 1));
  const end = graphemeStart(plain, start + radius * 2);
  const slice = plain.slice(start, end);
  const marked = slice.replace(WORD, (word) => (matches(word) ? `**${word}**` : word));
  return `${start > 0 ? "…" : ""}${marked}${end < plain.length ? "…" : ""}`;
}

/** The start of a Markdown text as plain text, cut at a word boundary (20 to 2,000 characters). */
export function excerptOf(body: string, length = 280): string {
  const size = Math.min(Math.max(length, 20), 2000);
  const plain = body.replace(/[#*_>`]/g, "").replace(/\s+/g, " ").trim();
  if (plain.length <= size) return plain;
  const cut = plain.lastIndexOf(" ", size);
  return `${plain.slice(0, cut > size / 2 ? cut : graphemeStart(plain, size))}…`;
}

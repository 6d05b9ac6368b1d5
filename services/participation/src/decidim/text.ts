/**
 * Decidim's translated rich texts → one plain-text string: the wanted locale (default `pt-BR`), else its language
 * (`pt`), else the first non-empty translation Decidim returns; HTML removed with html-to-text (links keep their text,
 * images dropped, no line wrapping, entities decoded), whitespace trimmed.
 */
import { convert, type HtmlToTextOptions } from "html-to-text";

/** A `TranslatedField` as the client's `Text` fragment reads it. */
export interface TranslatedText {
  translation: string | null;
  translations: { locale: string; text: string | null }[];
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } }));
const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  // html-to-text walks the document recursively: HTML nested thousands deep (a hostile instance's 30 kB of `<div>`)
  // would overflow the stack and fail every sync. What lies deeper than any real page nests is cut ("...").
  limits: { maxDepth: 100 },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    ...HEADINGS,
  ],
};

/**
 * Any string an instance sends, made storable and printable: a lone UTF-16 surrogate becomes U+FFFD, and control
 * characters other than tab and line breaks (NUL, which PostgreSQL's text refuses, escape sequences, C1 controls) are
 * removed. Without it one hostile or corrupt record would fail every sync.
 */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "");
}

/** The longest string kept from an instance's answer, in UTF-16 code units (HTML included); longer ones are cut. */
export const MAX_STRING_LENGTH = 100_000;
/** The longest title or name kept (a record's, an organisation's, a status's), in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 500;

/**
 * `value` cut to at most `max` code units, ending with "…" when cut (never inside a surrogate pair): a hostile or broken
 * instance cannot make one record as large as the answer it came in (16 MiB), nor a title a page long.
 */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end) + "…";
}

/** HTML (or plain text) → plain text (cleaned: entities such as `&#1;` decode to control characters). */
export function htmlToPlainText(html: string): string {
  return cleanText(convert(html, OPTIONS)).trim();
}

/** The text of a translated field in `locale` with fallback, as plain text; null when it has no text at all. */
export function pickText(field: TranslatedText | null | undefined, locale: string): string | null {
  if (!field) return null;
  const language = locale.split("-")[0];
  const texts = field.translations;
  const candidates = [
    field.translation,
    texts.find((t) => t.locale === locale)?.text,
    texts.find((t) => t.locale === language)?.text,
    ...texts.filter((t) => t.locale.split("-")[0] === language).map((t) => t.text),
    ...texts.map((t) => t.text),
  ];
  for (const raw of candidates) {
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const text = htmlToPlainText(raw);
    if (text !== "") return text;
  }
  return null;
}

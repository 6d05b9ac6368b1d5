import { badInput } from "@contagem/schema";

const MAX_URL = 2000;

/**
 * A receiver URL is hostile input: http(s) only (no file:, gopher:, data:), no credentials in it (they would sit in
 * logs and in ADMIN's answers), no fragment, a host. Which addresses it may reach is decided at delivery time, on the
 * address actually connected to (see delivery/address-policy.ts): a name checked here could resolve elsewhere later.
 */
export function checkReceiverUrl(value: string, field = "url"): string {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_URL) throw badInput(field, `"${field}" must have 1 to ${MAX_URL} characters.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, `"${field}" is not an absolute URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw badInput(field, `"${field}" must be an http or https URL.`);
  if (url.username || url.password) throw badInput(field, `"${field}" must not carry a user or password: authenticate with the signature.`);
  if (url.hash) throw badInput(field, `"${field}" must not have a fragment (#…).`);
  if (!url.hostname) throw badInput(field, `"${field}" has no host.`);
  return url.href;
}

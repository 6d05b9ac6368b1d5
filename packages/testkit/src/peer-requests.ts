/**
 * Counts the HTTP requests made to each of `urls` while `action` runs — the subgraphs run in the test's process, so a
 * subgraph asking its peers goes through this process's `fetch`. Reach the asking subgraph directly (not through the
 * gateway, which would add its own requests) to count only what a write asks of its peers.
 */
export async function requestsTo(urls: Record<string, string>, action: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts = Object.fromEntries(Object.keys(urls).map((name) => [name, 0]));
  const original = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const target = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    for (const [name, url] of Object.entries(urls)) if (target === url) counts[name]++;
    return original(input, init);
  }) as typeof fetch;
  try {
    await action();
  } finally {
    globalThis.fetch = original;
  }
  return counts;
}

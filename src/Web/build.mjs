// npm run build: generates the tilsyn.v1 client from the protos (buf + protoc-gen-es), type-checks,
// bundles with esbuild and copies the static files to dist/ (what the gateway serves).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, "node_modules", ".bin", name);
const run = (name, args) => execFileSync(bin(name), args, { cwd: here, stdio: "inherit" });

run("buf", ["generate"]);
run("tsc", ["--noEmit", "-p", "tsconfig.json"]);

const out = join(here, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.ts")],
  outfile: join(out, "app.js"),
  bundle: true,
  format: "esm",
  target: ["es2022"],
  minify: true,
  sourcemap: true,
  legalComments: "none",
  logLevel: "info",
});
cpSync(join(here, "public"), out, { recursive: true });

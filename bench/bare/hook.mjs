// The app's post-build hook (scripts/minify.mjs, then pwa.mjs), run from
// the repository's root, where it finds terser in .tools/.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
process.chdir(root);
await import(join(root, "scripts", "minify.mjs"));

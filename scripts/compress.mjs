// Post-build step for release builds, run by minify.mjs last (after
// pwa.mjs has written index.html and sw.js): a `.gz` (gzip -9) and a `.br`
// (brotli, quality 11) copy beside every wasm, JS, CSS and HTML file of the
// build, for hosts that serve precompressed files (nginx `gzip_static on;`
// and `brotli_static on;`, and many static hosts): the browser gets the
// smaller file without the server compressing on each request. The copies
// are not in the service worker's list (it was written before them) nor in
// the size budget (scripts/size.sh counts each file once, as gzip -9).
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== "release" || !staging) process.exit(0);

const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

let raw = 0, gz = 0, br = 0;
for (const file of walk(staging).filter((f) => /\.(wasm|js|css|html)$/.test(f))) {
  const body = readFileSync(file);
  const g = gzipSync(body, { level: 9 });
  const b = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(file + ".gz", g);
  writeFileSync(file + ".br", b);
  raw += body.length;
  gz += g.length;
  br += b.length;
  console.log(`compressed /${relative(staging, file)}: ${body.length} -> ${g.length} gzip, ${b.length} brotli`);
}
console.log(`compress: ${raw} bytes -> ${gz} gzip, ${br} brotli`);

// Post-build step for release builds, run by minify.mjs when it is done: makes the
// bundle an installable, offline-capable app under a strict Content
// Security Policy. Debug builds (`trunk serve`) are left alone: a service
// worker would serve stale code while developing, and trunk's live-reload
// script is inline.
//
// 1. Icons (192 and 512 px PNG, drawn here so no binary is committed) and
//    a web app manifest.
// 2. sw.js: precaches every file of the build under a cache named after a
//    hash of their contents, serves them cache-first (the app works with
//    the network off once opened), and on activation deletes every older
//    `wg-` cache, so a new build replaces the old one.
// 3. index.html: the manifest and icon links, the service worker's
//    registration, and a Content-Security-Policy <meta> that allows only
//    this origin's scripts, styles and wasm, plus each inline script by its
//    SHA-256 hash (trunk's loader and the registration), and no connection
//    to any other origin.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== "release" || !staging) process.exit(0);
const base = process.env.TRUNK_PUBLIC_URL || "/";

// --- icons ----------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

// WeChat's two speech bubbles, white on its green, as an RGBA PNG of
// `size` pixels (full-bleed, so it also works as a maskable icon).
function icon(size) {
  const s = size / 512;
  const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const X = x / s, Y = y / s;
      const big = inEllipse(X, Y, 210, 215, 150, 125) || (X > 110 && X < 160 && Y > 290 && Y < 360 && X - 110 > (Y - 290) * 0.7);
      const bigRim = inEllipse(X, Y, 315, 315, 132, 112);
      const small = inEllipse(X, Y, 315, 315, 118, 98) || (X > 360 && X < 410 && Y > 370 && Y < 430 && 410 - X > (Y - 370) * 0.8);
      const eye = inEllipse(X, Y, 160, 185, 18, 18) || inEllipse(X, Y, 260, 185, 18, 18) ||
        inEllipse(X, Y, 275, 300, 14, 14) || inEllipse(X, Y, 355, 300, 14, 14);
      let white = (big && !bigRim) || small;
      if (eye) white = !white;
      const [r, g, b] = white ? [255, 255, 255] : [7, 193, 96];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(join(staging, `icon-${size}.png`), icon(size));

const manifest = {
  name: "Walled Garden",
  short_name: "Walled Garden",
  description: "What WeChat did with links to rival apps, date by date, with the public sources.",
  start_url: base + "#/chats",
  scope: base,
  display: "standalone",
  background_color: "#ededed",
  theme_color: "#ededed",
  icons: [192, 512].map((n) => ({ src: base + `icon-${n}.png`, sizes: `${n}x${n}`, type: "image/png", purpose: "any" })),
};
writeFileSync(join(staging, "manifest.webmanifest"), JSON.stringify(manifest));

// --- index.html -------------------------------------------------------------

const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");
const register =
  `if("serviceWorker"in navigator)addEventListener("load",()=>navigator.serviceWorker.register("${base}sw.js").catch(e=>console.warn("offline use unavailable:",e)))`;
const head =
  `<link rel="manifest" href="${base}manifest.webmanifest">` +
  `<link rel="icon" href="${base}icon-192.png" type="image/png">` +
  `<link rel="apple-touch-icon" href="${base}icon-192.png">` +
  `<script>${register}</script>`;
if (!html.includes("</head>")) throw new Error("index.html has no </head>");
html = html.replace("</head>", head + "</head>");

const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf(">"))))
  .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  // blob: for the chart's PNG download only: the SVG the app made is drawn
  // into a canvas through an object URL (ui::components::download).
  "img-src 'self' blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
// Right after the charset (trunk's minifier drops the optional <head> tag),
// before any script, so it governs all of them.
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
const charset = html.match(/<meta charset=[^>]*>/i);
if (!charset) throw new Error("index.html has no <meta charset>");
html = html.replace(charset[0], charset[0] + meta);
writeFileSync(htmlPath, html);

// --- service worker -----------------------------------------------------------

const walk = (dir) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const files = walk(staging)
  .map((p) => relative(staging, p).split("\\").join("/"))
  .filter((f) => f !== "sw.js" && f !== "index.html")
  .sort();
const version = createHash("sha256");
for (const f of [...files, "index.html"]) version.update(f).update(readFileSync(join(staging, f)));
const cache = "wg-" + version.digest("hex").slice(0, 16);
// The icons and manifest are read at install time, not to run the app.
const assets = [base, ...files.filter((f) => !/^(icon-|manifest)/.test(f)).map((f) => base + f)];
const sw = `const V=${JSON.stringify(cache)},A=${JSON.stringify(assets)},I=${JSON.stringify(base)};
self.addEventListener("install",e=>e.waitUntil(caches.open(V).then(c=>c.addAll(A)).then(()=>self.skipWaiting())));
self.addEventListener("activate",e=>e.waitUntil(caches.keys().then(k=>Promise.all(k.filter(n=>n!==V&&n.startsWith("wg-")).map(n=>caches.delete(n)))).then(()=>self.clients.claim())));
self.addEventListener("fetch",e=>{const r=e.request;if(r.method!=="GET"||new URL(r.url).origin!==location.origin)return;
e.respondWith(caches.open(V).then(c=>c.match(r.mode==="navigate"?I:r).then(m=>m||fetch(r))))});
`;
writeFileSync(join(staging, "sw.js"), sw);
console.log(`pwa: cache ${cache}, ${assets.length} files, CSP with ${hashes.length} inline script hash(es)`);

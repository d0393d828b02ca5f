// Trunk post-build hook for release builds: makes the bundle smaller
// without changing what it does, then fixes the `integrity` hashes in
// index.html to match. Debug builds (`trunk serve`) are left alone.
//
// 1. wasm-bindgen names every import `__wbg_<name>_<16 hex digits>`, and
//    the name is spelled out in both the wasm and the JS glue: ~130 of them
//    cost ~3 KB of the gzip budget. They are renamed to short names (`w0`,
//    `w1`, ...) in both files; the hashed names are unique, so a plain
//    textual replacement in the JS is exact.
// 2. Trunk's own JS minifier gives up on wasm-bindgen's glue
//    (`export default`); terser minifies it instead.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { createRequire } from "node:module";

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== "release" || !staging) process.exit(0);

const require = createRequire(join(process.cwd(), ".tools", "package.json"));
const { minify } = require("terser");

const sri = (buf) => "sha384-" + createHash("sha384").update(buf).digest("base64");
const walk = (dir, ext) =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
  });

// --- wasm import renaming -------------------------------------------------

function leb(buf, pos) {
  let result = 0, shift = 0, b;
  do {
    b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [result, pos];
}

function encodeLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

const encodeName = (s) => {
  const b = Buffer.from(s, "utf8");
  return Buffer.concat([encodeLeb(b.length), b]);
};

// Skips an import descriptor of `kind` at `pos`; returns the new position.
function skipDesc(buf, kind, pos) {
  const limits = (p) => {
    const flag = buf[p++];
    [, p] = leb(buf, p);
    if (flag & 1) [, p] = leb(buf, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(buf, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: reftype, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: valtype, mutability
    case 4: return leb(buf, pos + 1)[1]; // tag: attribute, type index
    default: throw new Error("unknown import kind " + kind);
  }
}

// Returns [new wasm, Map(old name -> new name)] for imports named `__wbg_*`
// or `__wbindgen_generic_<16 digits>` and for the closure-shim exports.
function renameImports(wasm) {
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = leb(wasm, pos + 1);
    const end = body + size;
    if (id === 7) {
      // Exports: wasm-bindgen's closure shims are exported as
      // `wasm_bindgen__convert__closures_…invoke__h<16 hex digits>` and
      // called by that name from the JS glue; unique like the imports.
      let [count, p] = leb(wasm, body);
      const entries = [encodeLeb(count)];
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(wasm, p);
        let field = wasm.subarray(p, p + len).toString("utf8");
        p += len;
        const descEnd = leb(wasm, p + 1)[1];
        if (/^wasm_bindgen__convert__closures_+invoke__h[0-9a-f]{16}$/.test(field)) {
          if (!renamed.has(field)) renamed.set(field, "x" + renamed.size.toString(36));
          field = renamed.get(field);
        }
        entries.push(encodeName(field), wasm.subarray(p, descEnd));
        p = descEnd;
      }
      if (p !== end) throw new Error("export section parse mismatch");
      const content = Buffer.concat(entries);
      parts.push(Buffer.from([7]), encodeLeb(content.length), content);
      pos = end;
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    let [count, p] = leb(wasm, body);
    const entries = [encodeLeb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = leb(wasm, p);
      const module = wasm.subarray(p, p + len).toString("utf8");
      p += len;
      [len, p] = leb(wasm, p);
      let field = wasm.subarray(p, p + len).toString("utf8");
      p += len;
      const kind = wasm[p];
      const descEnd = skipDesc(wasm, kind, p + 1);
      if (field.startsWith("__wbg_") || /^__wbindgen_generic_[0-9]{16}$/.test(field)) {
        if (!renamed.has(field)) renamed.set(field, "w" + renamed.size.toString(36));
        field = renamed.get(field);
      }
      entries.push(encodeName(module), encodeName(field), wasm.subarray(p, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error("import section parse mismatch");
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encodeLeb(content.length), content);
    pos = end;
  }
  return [Buffer.concat(parts), renamed];
}

// --- main -----------------------------------------------------------------

const htmlPath = join(staging, "index.html");
let html = readFileSync(htmlPath, "utf8");
const swap = (before, after) => {
  html = html.split(sri(before)).join(sri(after));
};

let renamed = new Map();
for (const file of walk(staging, ".wasm")) {
  const before = readFileSync(file);
  const [after, map] = renameImports(before);
  for (const [k, v] of map) renamed.set(k, v);
  writeFileSync(file, after);
  swap(before, after);
  console.log("renamed " + map.size + " imports in /" + relative(staging, file) + ": " + before.length + " -> " + after.length + " bytes");
}

for (const file of walk(staging, ".js")) {
  const before = readFileSync(file);
  let code = before.toString("utf8");
  for (const [from, to] of renamed) {
    // Import names appear as keys of the imports object; the hashed names
    // are unique, so every occurrence is that key.
    code = code.split(from).join(to);
  }
  const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true });
  if (typeof out.code !== "string") throw new Error("terser produced nothing for " + file);
  const after = Buffer.from(out.code);
  for (const from of renamed.keys()) {
    if (after.includes(from)) throw new Error(from + " left in " + file);
  }
  writeFileSync(file, after);
  swap(before, after);
  console.log("minified /" + relative(staging, file) + ": " + before.length + " -> " + after.length + " bytes");
}
writeFileSync(htmlPath, html);

// Then the offline app and the Content Security Policy, on the final files
// (trunk runs the hooks of one stage side by side, so this one calls it).
await import("./pwa.mjs");

// Last, the precompressed copies of the final files (scripts/compress.mjs).
await import("./compress.mjs");

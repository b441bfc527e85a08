// The exporter (js/zig/, zigport's Zig half) is compiled into every module,
// so every build key carries a digest of its files. Reading and hashing
// its forty-odd files was about half of a warm import's work on the
// loader's thread, so the packed package carries the digest, written when
// it is packed (scripts/packaging.mjs); a checkout, whose exporter changes
// as it is worked on, hashes the files on first use in each process.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPORTER_DIR = fileURLToPath(new URL('../../zig/', import.meta.url));

/**
 * The file in an exporter folder that holds its digest. Only a packed
 * package has one: its files are not edited in place, so the digest
 * written when it was packed stays true.
 */
export const DIGEST_FILE = 'exporter.sha256';

let digest = null;

/** The digest of zigport's exporter, as its packed digest file gives it or hashed from its files. */
export function exporterDigest() {
  digest ??= packedDigest(EXPORTER_DIR) ?? hashExporter(EXPORTER_DIR);
  return digest;
}

/** The digest of the exporter in `dir`: every .zig and .h file, subfolders included, by relative name. */
export function hashExporter(dir) {
  const hash = createHash('sha256');
  const names = readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.zig') || name.endsWith('.h'));
  for (const name of names.sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function packedDigest(dir) {
  try {
    const text = readFileSync(join(dir, DIGEST_FILE), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

// Which C library the running Node process uses on Linux, glibc or musl:
// the prebuilt addon must match it, since a glibc-linked addon does not
// load into a musl Node (Alpine) and the other way round. The answer comes
// from the program interpreter named in Node's own ELF header
// (/lib64/ld-linux-x86-64.so.2 or /lib/ld-musl-x86_64.so.1), which is a
// fact about this process rather than about what the system has installed,
// and costs a few small reads; process.report, which knows too but takes
// milliseconds to build its report, is only the fallback (a static Node).
import { closeSync, openSync, readSync } from 'node:fs';

const PT_INTERP = 3;

/** 'glibc' or 'musl' for this process on Linux, or null where it cannot tell. */
export function processLibc() {
  const interpreter = elfInterpreter(process.execPath);
  if (interpreter !== null) {
    if (interpreter.includes('musl')) return 'musl';
    if (interpreter.includes('ld-linux')) return 'glibc';
  }
  const header = process.report?.getReport().header;
  if (header?.glibcVersionRuntime) return 'glibc';
  return header ? 'musl' : null;
}

/** The PT_INTERP path of the ELF file at `path`, or null (not ELF, static, unreadable). */
export function elfInterpreter(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const ident = readAt(fd, 0, 64);
    if (ident.length < 52 || ident.readUInt32BE(0) !== 0x7f454c46) return null;
    const wide = ident[4] === 2; // ELFCLASS64
    const view = new DataView(ident.buffer, ident.byteOffset, ident.length);
    const little = ident[5] === 1; // ELFDATA2LSB
    const word = (dv, at) => (wide ? Number(dv.getBigUint64(at, little)) : dv.getUint32(at, little));
    const tableAt = word(view, wide ? 0x20 : 0x1c);
    const entrySize = view.getUint16(wide ? 0x36 : 0x2a, little);
    const count = view.getUint16(wide ? 0x38 : 0x2c, little);
    const table = readAt(fd, tableAt, entrySize * count);
    const entries = new DataView(table.buffer, table.byteOffset, table.length);
    for (let i = 0; i < count; i++) {
      const at = i * entrySize;
      if (entries.getUint32(at, little) !== PT_INTERP) continue;
      const offset = word(entries, at + (wide ? 8 : 4));
      const size = word(entries, at + (wide ? 32 : 16));
      // The path is NUL-terminated inside its segment.
      return readAt(fd, offset, Math.min(size, 4096)).toString('latin1').replace(/\0.*$/s, '');
    }
    return null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readAt(fd, position, length) {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, got);
}

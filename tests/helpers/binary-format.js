// What a compiled library is, read from its headers: the file format, the
// architecture and the kind of file, and (for Linux) which C library it
// needs. Enough to check that a cross-compiled library is one its platform
// can load, without that platform at hand.

/** `{ format, cpu, library, libc? }` of the bytes of a compiled module. */
export function describeBinary(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at, length) => String.fromCharCode(...bytes.subarray(at, at + length));
  if (ascii(0, 4) === '\x7fELF') return elf(bytes, view);
  if (view.getUint32(0, true) === 0xfeedfacf) return machO(view);
  if (ascii(0, 2) === 'MZ') return pe(view, ascii);
  if (ascii(0, 4) === '\0asm') return { format: 'wasm', cpu: 'wasm32', library: view.getUint32(4, true) === 1 };
  return { format: 'unknown' };
}

const ELF_MACHINES = { 0x3e: 'x64', 0xb7: 'arm64' };

function elf(bytes, view) {
  const is64 = bytes[4] === 2;
  // e_type 3: a shared object, what dlopen loads.
  const library = view.getUint16(16, true) === 3;
  // A glibc library needs libc.so.6; a musl one names plain libc.so.
  const text = Buffer.from(bytes).toString('latin1');
  const libc = text.includes('libc.so.6') ? 'glibc' : text.includes('libc.so\0') ? 'musl' : null;
  return { format: is64 ? 'elf64' : 'elf32', cpu: ELF_MACHINES[view.getUint16(18, true)] ?? 'other', library, libc };
}

const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

function machO(view) {
  // filetype 6: MH_DYLIB.
  return { format: 'mach-o', cpu: MACHO_CPUS[view.getUint32(4, true)] ?? 'other', library: view.getUint32(12, true) === 6 };
}

const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64' };

function pe(view, ascii) {
  const at = view.getUint32(0x3c, true);
  if (ascii(at, 4) !== 'PE\0\0') return { format: 'unknown' };
  // IMAGE_FILE_DLL in the COFF header's characteristics.
  const library = (view.getUint16(at + 22, true) & 0x2000) !== 0;
  return { format: 'pe', cpu: PE_MACHINES[view.getUint16(at + 4, true)] ?? 'other', library };
}

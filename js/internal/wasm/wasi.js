// The part of WASI a zigport module needs: what Zig writes to stdout and
// stderr goes to the module's output (console.log unless redirected, as in
// native mode), the environment is what `__zigar.set('env')` gave, the clock
// and random numbers work, and everything else (files, sockets, arguments)
// reports ENOSYS, so the module loads whatever its standard library imports.
// Only web APIs are used (crypto.getRandomValues, performance.now), so this
// runs in browsers and workers as in Node, Deno and Bun.

const SUCCESS = 0;
const EBADF = 8;
const EINVAL = 28;
const ESPIPE = 70;
const ENOSYS = 52;
const CHARACTER_DEVICE = 2;
/** The most bytes crypto.getRandomValues fills at once. */
const RANDOM_CHUNK = 65536;

/** Thrown by `proc_exit`; the call fails with it. */
export class WasiExit extends Error {
  constructor(code) {
    super(`Zig code called exit(${code}) in a WebAssembly module`);
    this.code = code;
  }
}

/**
 * The `wasi_snapshot_preview1` imports `module` asks for; `memory()` gives
 * the instance's current DataView (memory may grow between calls), `output`
 * takes stdout and stderr (runtime/console.js), `env.entries` are the
 * environment's `NAME=value\0` byte strings (runtime/env-variables.js).
 */
export function wasiImports(module, memory, { output, env }) {
  const calls = {
    fd_write(fd, iovs, count, written) {
      if (fd !== 1 && fd !== 2) return EBADF;
      const dv = memory();
      let total = 0;
      for (let i = 0; i < count; i++) {
        const at = dv.getUint32(iovs + i * 8, true);
        const len = dv.getUint32(iovs + i * 8 + 4, true);
        output.write(fd, new Uint8Array(dv.buffer, at, len));
        total += len;
      }
      dv.setUint32(written, total, true);
      return SUCCESS;
    },
    // std's file writer tries positional writes first; a console has no
    // positions, which sends it to fd_write.
    fd_pwrite: (fd) => (fd === 1 || fd === 2 ? ESPIPE : EBADF),
    fd_seek: (fd) => (fd <= 2 ? ESPIPE : EBADF),
    // No directory is opened for the module: wasi-libc asks from fd 3 up
    // until EBADF at start-up, and exits if anything else comes back.
    fd_prestat_get: () => EBADF,
    fd_fdstat_get(fd, stat) {
      if (fd > 2) return EBADF;
      const dv = memory();
      new Uint8Array(dv.buffer, stat, 24).fill(0);
      dv.setUint8(stat, CHARACTER_DEVICE);
      return SUCCESS;
    },
    random_get(at, len) {
      const bytes = new Uint8Array(memory().buffer, at, len);
      for (let done = 0; done < len; done += RANDOM_CHUNK) {
        globalThis.crypto.getRandomValues(bytes.subarray(done, done + RANDOM_CHUNK));
      }
      return SUCCESS;
    },
    clock_time_get(clock, _precision, out) {
      if (clock > 3) return EINVAL;
      // The realtime clock, or a monotonic one for the others.
      const ns = clock === 0 ? BigInt(Date.now()) * 1_000_000n : BigInt(Math.floor(performance.now() * 1e6));
      memory().setBigUint64(out, ns, true);
      return SUCCESS;
    },
    args_sizes_get: (count, size) => zeroSizes(memory(), count, size),
    environ_sizes_get(count, size) {
      const dv = memory();
      dv.setUint32(count, env.entries.length, true);
      dv.setUint32(size, env.entries.reduce((sum, e) => sum + e.length, 0), true);
      return SUCCESS;
    },
    args_get: () => SUCCESS,
    environ_get(pointers, buffer) {
      const dv = memory();
      let at = buffer;
      env.entries.forEach((entry, i) => {
        dv.setUint32(pointers + i * 4, at, true);
        new Uint8Array(dv.buffer, at, entry.length).set(entry);
        at += entry.length;
      });
      return SUCCESS;
    },
    proc_exit(code) {
      throw new WasiExit(code);
    },
  };
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from !== 'wasi_snapshot_preview1') continue;
    imports[name] = calls[name] ?? (() => ENOSYS);
  }
  return imports;
}

function zeroSizes(dv, count, size) {
  dv.setUint32(count, 0, true);
  dv.setUint32(size, 0, true);
  return SUCCESS;
}

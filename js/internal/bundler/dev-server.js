// The dev server's side of the plugin: compiled modules are served from the
// cache under `/@zigport/<file name>`, as `application/wasm` so browsers can
// compile them while they stream in.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';

const PREFIX = '/@zigport/';

/** Remembers which cached .wasm files the dev server may serve, by URL path. */
export class WasmFiles {
  constructor() {
    this.files = new Map();
  }

  /** The URL path (under the server's `base`) under which `path` is served. */
  add(path, base = '/') {
    const name = basename(path);
    this.files.set(name, path);
    return `${base.replace(/\/?$/, '')}${PREFIX}${name}`;
  }

  /** Connect middleware answering requests for the files added, passing on any other. */
  middleware() {
    return (req, res, next) => {
      const { pathname } = new URL(req.url, 'http://localhost');
      const at = pathname.lastIndexOf(PREFIX);
      const file = at < 0 ? undefined : this.files.get(pathname.slice(at + PREFIX.length));
      if (!file) return next();
      res.setHeader('Content-Type', 'application/wasm');
      res.setHeader('Cache-Control', 'no-cache');
      createReadStream(file).on('error', next).pipe(res);
      return undefined;
    };
  }
}

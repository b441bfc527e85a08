// Makes `.zig` files importable: `node --import zigport/register app.mjs`.
import { register } from 'node:module';

register('./internal/loader/hooks.js', import.meta.url);

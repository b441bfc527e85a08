// Entry of the process compile-sync.js runs to compile one module for a
// caller that cannot wait for a promise (require()). Argument 2 is the
// source, argument 3 its options as JSON. It prints one JSON line on
// stdout, `{ target }` or `{ error }`; progress and Zig's own output go to
// stderr, which the caller passes through.
import { compileModule } from './index.js';

const [source, optionsJson] = process.argv.slice(2);
try {
  const target = await compileModule(source, JSON.parse(optionsJson));
  process.stdout.write(`${JSON.stringify({ target })}\n`);
} catch (err) {
  // What the caller needs to throw the same error again (compile-sync.js).
  const { name, message, file, diagnostics } = err;
  process.stdout.write(`${JSON.stringify({ error: { name, message, file, diagnostics } })}\n`);
  process.exitCode = 1;
}

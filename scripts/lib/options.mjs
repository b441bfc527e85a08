// Command lines of the project's long-running scripts (fuzzing, soaking):
// node:util's parseArgs plus a --help that prints the script's usage, with
// an unknown option or a wrong value reported in one line followed by that
// usage (exit status 64, sysexits' EX_USAGE, which no script uses for its
// own outcomes) rather than as a stack trace.
import { parseArgs } from 'node:util';

/**
 * The values of `options` (as parseArgs takes them) on this process's
 * command line; `usage` is what --help and a wrong option print.
 */
export function scriptOptions(usage, options) {
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    usageError(usage, err.message);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values;
}

/** Ends the process with `message`, then `usage`, on stderr. */
export function usageError(usage, message) {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(64);
}

/** Option `name`'s `text` as a whole number of at least `min`; a usage error otherwise. */
export function wholeNumber(usage, name, text, min = 0) {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < min) {
    usageError(usage, `--${name} must be a whole number of at least ${min}, not '${text}'`);
  }
  return n;
}

/** Option `name`'s comma-separated `text`, each item one of `allowed`; a usage error otherwise. */
export function listOf(usage, name, text, allowed) {
  const items = text.split(',');
  for (const item of items) {
    if (!allowed.includes(item)) usageError(usage, `--${name} ${item} is not one of ${allowed.join(', ')}`);
  }
  return items;
}

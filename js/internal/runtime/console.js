// Prints what Zig code wrote to stdout/stderr through console.log, a line at
// a time. A trailing partial line waits for its newline, but no longer than
// a moment, and is flushed before the process exits.
import { addon } from './addon.js';

const PARTIAL_LINE_DELAY_MS = 250;
const decoder = new TextDecoder();
let partial = '';
let timer = null;

/** Moves captured output to console.log; called after calls that printed. */
export function flushConsole() {
  printConsole(addon.takeConsoleOutput());
}

/** Prints the whole lines of what Zig wrote (`bytes`, or nothing new) through console.log. */
export function printConsole(bytes) {
  if (bytes) partial += decoder.decode(bytes, { stream: true });
  const lines = partial.split('\n');
  partial = lines.pop();
  for (const line of lines) console.log(line);
  if (partial !== '' && timer === null) {
    timer = setTimeout(flushPartialLine, PARTIAL_LINE_DELAY_MS);
    timer.unref();
  }
}

function flushPartialLine() {
  timer = null;
  printConsole(addon.takeConsoleOutput());
  // Also whatever the decoder holds of an unfinished character.
  partial += decoder.decode();
  if (partial !== '') {
    console.log(partial);
    partial = '';
  }
}

process.once('exit', flushPartialLine);

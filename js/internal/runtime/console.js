// Prints what Zig code wrote to stdout/stderr through console.log, a line at
// a time, looking console.log up when it prints. By the time a call returns,
// everything it printed has reached console.log, an unfinished last line
// included (then the newline that later ends it starts no empty line).
// Output written outside a call (another thread) waits a moment for its
// newline, and is flushed before the process exits.
import { addon } from './addon.js';

const PARTIAL_LINE_DELAY_MS = 250;
const decoder = new TextDecoder();
let partial = '';
let timer = null;
// The last text printed was a line without its newline.
let midLine = false;

/** Whether an unfinished line waits: call wrappers then end it with `endCallOutput()`. */
export const consoleWaiting = { partialLine: false };

/** Moves captured output to console.log; called after native calls that printed. */
export function flushConsole() {
  printConsole(addon.takeConsoleOutput());
  endCallOutput();
}

/** Prints the whole lines of what Zig wrote (`bytes`, or nothing new) through console.log. */
export function printConsole(bytes) {
  if (bytes) partial += decoder.decode(bytes, { stream: true });
  if (midLine && partial !== '') {
    if (partial.startsWith('\n')) partial = partial.slice(1);
    midLine = false;
  }
  const lines = partial.split('\n');
  partial = lines.pop();
  for (const line of lines) console.log(line);
  consoleWaiting.partialLine = partial !== '';
  if (partial !== '' && timer === null) {
    timer = setTimeout(flushPartialLine, PARTIAL_LINE_DELAY_MS);
    timer.unref();
  }
}

/** At the end of a call: its unfinished last line reaches console.log too. */
export function endCallOutput() {
  if (partial === '') return;
  console.log(partial);
  partial = '';
  midLine = true;
  consoleWaiting.partialLine = false;
}

function flushPartialLine() {
  timer = null;
  printConsole(addon.takeConsoleOutput());
  // Also whatever the decoder holds of an unfinished character.
  partial += decoder.decode();
  endCallOutput();
}

process.once('exit', flushPartialLine);

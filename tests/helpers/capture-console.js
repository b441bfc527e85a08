// Records what reaches console.log while a test body runs.

/**
 * Runs `body` with console.log recording its lines instead of printing;
 * returns them. `body` may be async: recording lasts until it settles.
 */
export async function captureConsole(body) {
  const lines = [];
  const original = console.log;
  console.log = (...args) => { lines.push(args.join(' ')); };
  try {
    await body(lines);
  } finally {
    console.log = original;
  }
  return lines;
}

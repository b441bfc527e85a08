// A work queue keeps the process alive while it runs, and lets it end once
// shut down (`shutdown`), or is cut short by process.exit() while its
// workers are busy (`exit`). Run with `node --import <register>`, the mode
// (native or wasm) and the case; it must exit with status 0.
const [mode, how] = process.argv.slice(2);
const url = new URL('../../zig-fixtures/async/work-queue.zig', import.meta.url);
if (mode === 'wasm') url.searchParams.set('target', 'wasm');
const { startup, shutdown, whichWorker, threadEnds } = await import(url.href);

await startup(2);
if (how === 'shutdown') {
  // Nothing but the queue keeps the process alive for this timer.
  setTimeout(async () => {
    console.log('still alive');
    await shutdown();
    console.log(`ended: ${threadEnds()}`);
  }, 100).unref();
} else {
  for (let i = 0; i < 8; i++) whichWorker(20_000);
  setTimeout(() => process.exit(0), 10);
}

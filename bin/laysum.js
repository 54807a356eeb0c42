#!/usr/bin/env node
// Entry point of the `laysum` command; the code is compiled to dist/ by `npm run build` (run on install).
// SIGINT, SIGTERM and SIGHUP are handled in src/cli/main.ts (stop the build, clean up, exit 130/143/129).
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`laysum check … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
// A signal that arrived while the last lines were printed waits in the event loop; give it one
// turn, so it is answered (exit 128 + n) instead of lost.
await new Promise((resolve) => setImmediate(resolve));

#!/usr/bin/env node
// Entry point of the `laysum` command; the code is compiled to dist/ by `npm run build` (run on install).
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`laysum check … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Entry point of the `laysum` command; the code is compiled to dist/ by `npm run build` (run on install).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled to dist/ by `pnpm build`.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`ERROR! ${err && err.stack ? err.stack : err}\n`); process.exitCode = 250; },
);

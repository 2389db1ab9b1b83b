/** The CLI program (bundled to dist/cli.mjs; `bin/inferra.js` starts it). */
import { runCli } from './main.js';

await runCli();

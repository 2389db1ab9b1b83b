// Runs mocha tests INSIDE code-server's (remote, Node) extension host, like @vscode/test-electron
// does for desktop: the web workbench reads extensionDevelopmentPath/extensionTestsPath from the
// `payload` URL parameter and reports the exit code via window.codeAutomationExit(code, logs).
import { createRequire } from 'node:module';
import { format } from 'node:util';
const require = createRequire(process.env.PW_REQUIRE_FROM || import.meta.url);
const { chromium } = require('playwright-core');

const URL_BASE = process.env.CS_URL || 'http://127.0.0.1:18080';
const FOLDER = process.env.WS_FOLDER || '/tmp/inferra-e2e/ws';
const DEV_EXT = process.env.DEV_EXT || '/tmp/inferra-e2e/ext-src';
const TESTS = process.env.EXT_TESTS || '/tmp/inferra-e2e/ext-src/test/index.js';
const T = Number(process.env.E2E_TIMEOUT_MS || 120000);

const remote = `vscode-remote://${new URL(URL_BASE).host}`;
const payload = [['extensionDevelopmentPath', remote + DEV_EXT], ['extensionTestsPath', remote + TESTS]];
const url = `${URL_BASE}/?folder=${encodeURIComponent(FOLDER)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
let resolveExit;
const exited = new Promise((r) => { resolveExit = r; });
await page.exposeFunction('codeAutomationExit', (code, logs) => resolveExit({ code, logs }));
let passing = 0;
let failing = 0;
page.on('console', async (m) => {
  const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
  // Forwarded extension-host console output arrives as ['%c INFO', css, ...originalArgs].
  if (typeof args[0] === 'string' && /^%c\s*(TRACE|DEBUG|INFO|WARN|ERROR)/.test(args[0]) && args.length > 2) {
    const line = format(...args.slice(2));
    console.log(`[${args[0].replace('%c', '').trim()}]`, line);
    const count = /^\s*(\d+) (passing|failing)/.exec(line);
    if (count) count[2] === 'passing' ? (passing = Number(count[1])) : (failing = Number(count[1]));
  }
});
await page.goto(url);
const res = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'timeout' }), T))]);
console.log('extension tests exit code:', res.code, 'log files:', (res.logs || []).map((l) => l.relativePath).join(', '));
await browser.close();
if (res.code !== 0 && failing === 0) failing = 1; // timed out or crashed before mocha reported
console.log(`${passing} passed, ${failing} failed`);
process.exit(res.code === 0 ? 0 : 1);

// End-to-end UI spec: Inferra in a real VS Code (code-server) driven through Debian's Chromium with
// playwright-core. Opens the penguins sample, runs every cell, checks the result tables and a Vega
// SVG inside the output frames, saves and checks the file, clicks an ambiguity choice and sees the
// cell re-run, cancels a long cell, opens a hostile notebook that must load nothing, and leaves
// screenshots in $E2E_OUT.
// Started by code-server-e2e.sh (which sets CS_URL, WS_FOLDER, E2E_OUT, E2E_UD, PW_REQUIRE_FROM).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(process.env.PW_REQUIRE_FROM || import.meta.url);
const { chromium } = require('playwright-core');

const URL_BASE = process.env.CS_URL || 'http://127.0.0.1:18080';
const FOLDER = process.env.WS_FOLDER || '/tmp/inferra-e2e/ws';
const OUT = process.env.E2E_OUT || '/tmp/inferra-e2e';
const T = Number(process.env.E2E_TIMEOUT_MS || 90000);
const RESULT = 'application/vnd.inferra.result+json';

const t0 = Date.now();
const lap = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const results = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
// The extension host must survive everything the suite does (e.g. stopping a worker mid-query).
let hostCrashes = 0;
page.on('console', (m) => {
  if (/Extension host \(Remote\) terminated unexpectedly\. Code/.test(m.text())) hostCrashes++;
  if (m.type() === 'error' && !/404|open-vsx|vsda|Failed to load resource/.test(m.text())) console.log('  [browser error]', m.text().slice(0, 300));
});
page.on('pageerror', (e) => console.log('  [pageerror]', String(e).slice(0, 300)));

const shot = async (name) => {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path }).catch(() => undefined);
  lap(`screenshot ${path}`);
};

/** Runs one named check; a failure is recorded with a screenshot and does not stop the suite. */
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✘ ${name}: ${String(error?.stack || error).split('\n').slice(0, 3).join(' | ')}`);
    await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  }
}

/** Polls until fn returns a truthy value or the time runs out. */
async function waitUntil(what, fn, timeout = T, every = 250) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(every);
  }
}

/** The first frame (outputs live in nested webview iframes) where the selector matches, with the count. */
async function findFrame(selector) {
  for (const frame of page.frames()) {
    const n = await frame.locator(selector).count().catch(() => 0);
    if (n > 0) return { frame, count: n };
  }
  return undefined;
}

// The visible notebook's cell list (the .notebook-editor element itself has no box of its own).
const visibleNotebook = () => page.locator('.notebook-editor .cell-list-container').filter({ visible: true }).first();
const qi = page.locator('.quick-input-widget input');

/** Opens a workspace file through quick open; retries when it opened as text (notebook type not yet known). */
async function openNotebook(file) {
  for (let attempt = 1; ; attempt++) {
    // Keyboard focus may sit inside an editor's own frame (an image preview, a webview), which keeps
    // Ctrl+P or closes the quick input again: give it back to the workbench first.
    await page.locator('.part.sidebar .composite.title').first().click({ timeout: 5000 }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    const filled = await qi.waitFor({ timeout: 5000 }).then(() => qi.fill(file, { timeout: 5000 })).then(() => true, () => false);
    if (filled) {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      const opened = await page.locator('.notebook-editor .cell-list-container').filter({ visible: true }).first()
        .waitFor({ timeout: 15000 }).then(() => true, () => false);
      if (opened) break;
      await page.keyboard.press('Control+W');
    }
    if (attempt === 3) throw new Error(`could not open ${file} as a notebook`);
    await page.waitForTimeout(1000);
  }
  // The kernel is known to the editor once our controller is registered (preferred affinity).
  await page.locator('.notebook-toolbar-container', { hasText: 'Inferra' }).filter({ visible: true }).first().waitFor({ timeout: T });
}

/** Clicks a visible notebook toolbar action by its label. */
async function clickToolbar(label) {
  await page.locator('.notebook-toolbar-container .action-item', { hasText: label }).filter({ visible: true }).first().click();
}

/** Waits until the notebook runs nothing: the toolbar shows "Run All" instead of "Stop Execution". */
async function waitUntilIdle(timeout) {
  const stop = page.locator('.notebook-toolbar-container .action-item', { hasText: 'Stop Execution' }).filter({ visible: true });
  const runAll = page.locator('.notebook-toolbar-container .action-item', { hasText: 'Run All' }).filter({ visible: true });
  await stop.first().waitFor({ timeout: 5000 }).catch(() => undefined);
  let idleSince = 0;
  await waitUntil('the notebook to be idle', async () => {
    const idle = (await stop.count()) === 0 && (await runAll.count()) > 0;
    idleSince = idle ? idleSince || Date.now() : 0;
    return idle && Date.now() - idleSince > 1000;
  }, timeout, 250);
}

/** Scrolls the visible notebook by `dy` pixels (outputs are drawn in a webview under the cell list). */
async function scrollNotebook(dy) {
  const box = await visibleNotebook().boundingBox();
  if (box) await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
  await page.mouse.wheel(0, dy);
}

const countIcons = (state) => visibleNotebook().locator(`.codicon-notebook-state-${state}`).count();

/** Saves the active editor and reads the notebook file back from disk. */
async function saveAndRead(file) {
  const path = join(FOLDER, file);
  const before = statSync(path).mtimeMs;
  // Focus a code cell's editor (not the row's top edge, which holds the insert-cell toolbar).
  await visibleNotebook().locator('.code-cell-row .monaco-editor .view-lines').first().click().catch(() => undefined);
  await page.keyboard.press('Control+S');
  await waitUntil(`${file} saved`, async () => statSync(path).mtimeMs > before, 20000);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The "Inferra" output channel's log file under the user-data-dir, if VS Code wrote one. */
function findInferraLog(dir = process.env.E2E_UD) {
  if (!dir) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findInferraLog(path);
      if (found) return found;
    } else if (/Inferra\.log$/.test(entry.name)) return path;
  }
  return undefined;
}

try {
  const url = `${URL_BASE}/?folder=${encodeURIComponent(FOLDER)}`;
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: T });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: T });
  lap('workbench loaded');

  let opened = false;
  await check('opens penguins.inferra as a notebook with the Inferra kernel', async () => {
    await openNotebook('penguins.inferra');
    const cells = await waitUntil('the cells to render', async () => {
      const n = await visibleNotebook().locator('.monaco-list-row').count();
      return n >= 5 ? n : 0;
    }, 20000);
    lap(`${cells} cell rows rendered`);
    opened = true;
    await shot('01-opened');
  });

  // Supabase (the local test stack that run.sh started; the user settings point at it).
  const stack = process.env.E2E_SUPABASE_JSON ? JSON.parse(readFileSync(process.env.E2E_SUPABASE_JSON, 'utf8')) : undefined;
  const SUPABASE_USER = 'e2e@example.test';
  let signedIn = false;
  if (stack) {
    await check('signs in to Supabase through the command palette (e-mail, password)', async () => {
      await page.keyboard.press('F1');
      await qi.waitFor({ timeout: 10000 });
      await qi.fill('>Inferra: Sign In to Supabase');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sign In to Supabase' }).first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Sign in to Supabase (1/2)' }).waitFor({ timeout: 15000 });
      await qi.fill(SUPABASE_USER);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Sign in to Supabase (2/2)' }).waitFor({ timeout: 10000 });
      await qi.fill('e2e-password-1');
      await page.keyboard.press('Enter');
      await page.locator('.notifications-toasts', { hasText: `signed in to Supabase as ${SUPABASE_USER}` }).first().waitFor({ timeout: 30000 });
      lap(`signed in as ${SUPABASE_USER}`);
      signedIn = true;
    });
  }

  let ran = false;
  await check('runs all cells and renders result tables', async () => {
    if (!opened) throw new Error('notebook not open');
    await clickToolbar('Run All');
    lap('run all clicked');
    await waitUntilIdle(240000);
    lap('notebook idle');
    // The cell list is virtualised (only visible rows are in the DOM): check every cell in the saved file.
    const saved = await saveAndRead('penguins.inferra');
    const asks = saved.cells.filter((c) => c.kind === 'ask');
    const statuses = asks.map((c) => c.outputs?.[0]?.items?.find((i) => i.mime === RESULT)?.data?.status ?? 'none');
    lap(`cell statuses: ${JSON.stringify(Object.fromEntries(asks.map((c, i) => [c.id, statuses[i]])))}`);
    if (statuses.includes('none')) throw new Error(`cells without a result: ${asks.filter((_, i) => statuses[i] === 'none').map((c) => c.id)}`);
    if (statuses.filter((x) => x === 'ok').length < asks.length - 1) throw new Error(`too few cells ok: ${statuses}`);
    const table = await waitUntil('a result table in an output frame', () => findFrame('.inferra-result[data-status="ok"] table.inf-table'));
    // VS Code renders outputs near the viewport only: scroll down until the cell's output is drawn.
    const flipper = await waitUntil('the flipper-by-sex result', async () => {
      const hit = await findFrame('.inferra-result[data-cell-id="flipper-by-sex"] .inf-decision');
      if (!hit) await scrollNotebook(400);
      return hit;
    }, 30000, 300);
    const decision = await flipper.frame.locator('.inferra-result[data-cell-id="flipper-by-sex"] .inf-decision').first().textContent();
    lap(`decision line: ${decision}`);
    if (!/rule/.test(decision ?? '')) throw new Error(`decision line without a rule: ${decision}`);
    const summary = await flipper.frame.locator('.inferra-result[data-cell-id="flipper-by-sex"] .inf-summary-text').first().textContent();
    lap(`APA sentence: ${summary}`);
    if (!/p [<=]/.test(summary ?? '')) throw new Error(`no APA sentence: ${summary}`);
    lap(`${table.count} result tables rendered in one frame`);
    ran = true;
    await shot('02-run-all');
  });

  await check('renders a Vega-Lite figure as SVG in an output frame', async () => {
    if (!ran) throw new Error('cells did not run');
    const hit = await waitUntil('a vega svg', () => findFrame('.inferra-vega svg.marks'), 30000);
    const marks = await hit.frame.locator('.inferra-vega svg.marks').first().locator('path, rect, line, circle, symbol').count();
    if (marks < 3) throw new Error(`svg with only ${marks} marks`);
    // Scroll the notebook (outputs are drawn in a webview layered under the cell list) to the figure.
    const box = await visibleNotebook().boundingBox();
    if (box) await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(600);
    lap(`${hit.count} vega figures, first with ${marks} marks`);
    await shot('03-figure');
  });

  await check('exports a figure as SVG through its actions menu and VS Code\'s save dialog', async () => {
    if (!ran) throw new Error('cells did not run');
    const hit = await waitUntil('a figure actions menu', () => findFrame('.inferra-vega details summary'), 30000);
    await hit.frame.locator('.inferra-vega details summary').first().click();
    const link = hit.frame.locator('.vega-actions a', { hasText: 'Save as SVG' }).first();
    // Opening the menu fills the link's address (renderers/vega); Enter on the focused link saves.
    await waitUntil('the SVG link address', async () => ((await link.getAttribute('href')) ?? '#') !== '#', 10000, 100);
    await link.focus();
    await page.keyboard.press('Enter');
    // VS Code turns the data-URL download into its own save dialog (a quick input in the web UI).
    await qi.waitFor({ timeout: 15000 });
    let target;
    try {
      target = await waitUntil('the proposed file name', async () => {
        const value = await qi.inputValue();
        return /\.svg$/.test(value) ? value : undefined;
      }, 10000, 200);
    } catch (error) {
      await page.keyboard.press('Escape');
      throw error;
    }
    lap(`save dialog proposes ${target}`);
    await page.keyboard.press('Enter');
    const svg = await waitUntil(`${target} written`, async () => {
      try { return readFileSync(target, 'utf8'); } catch { return undefined; }
    }, 15000);
    if (!/^<svg[\s\S]*<\/svg>\s*$/.test(svg)) throw new Error('the saved file is not an SVG document');
    lap(`saved ${target} (${svg.length} bytes)`);
  });

  await check('saves outputs, pinned decisions and provenance into the .inferra file', async () => {
    if (!ran) throw new Error('cells did not run');
    // Saved (Ctrl+S) right after Run All, in the check above.
    const saved = JSON.parse(readFileSync(join(FOLDER, 'penguins.inferra'), 'utf8'));
    const cell = saved.cells.find((c) => c.id === 'flipper-by-sex');
    if (cell?.outputs?.[0]?.items?.[0]?.mime !== RESULT) throw new Error('no result output saved');
    if (!cell.inferra?.decision?.analysis) throw new Error('no pinned decision saved');
    if (!(cell.inferra?.provenance?.length >= 1)) throw new Error('no provenance saved');
    if (!cell.execution?.success) throw new Error('no execution summary saved');
    lap(`saved: ${cell.inferra.decision.analysis}, ${cell.inferra.provenance.length} record(s), hash ${cell.inferra.provenance.at(-1).hash.slice(0, 12)}…`);
  });

  if (stack) {
    await check('appends every run to Supabase under the signed-in user, with its figures in the bucket', async () => {
      if (!ran || !signedIn) throw new Error('cells did not run or sign-in failed');
      const { Client } = createRequire(import.meta.url)('pg'); // the project's own dev dependency
      const db = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: stack.database });
      await db.connect();
      try {
        const saved = JSON.parse(readFileSync(join(FOLDER, 'penguins.inferra'), 'utf8'));
        const runIds = saved.cells.filter((c) => c.kind === 'ask').map((c) => c.inferra?.provenance?.at(-1)?.run_id).filter(Boolean);
        // Runs are sent after each cell completes, without blocking the notebook: wait for them.
        const rows = await waitUntil('the runs in analysis_runs', async () => {
          const { rows } = await db.query('select cell_id, user_id, figure_paths from public.analysis_runs where client_run_id = any($1::uuid[])', [runIds]);
          return rows.length === runIds.length ? rows : undefined;
        }, 60000, 500);
        const userId = stack.users[SUPABASE_USER];
        if (rows.some((r) => r.user_id !== userId)) throw new Error('a run is stored under another user');
        const figures = rows.flatMap((r) => r.figure_paths);
        for (const figure of figures) {
          if (!figure.path.startsWith(`${userId}/`)) throw new Error(`figure outside the user's folder: ${figure.path}`);
          if (!/^<svg/.test(readFileSync(join(stack.storageDir, 'figures', figure.path), 'utf8'))) throw new Error(`not an SVG: ${figure.path}`);
        }
        if (figures.length < rows.length) throw new Error(`${figures.length} figures for ${rows.length} runs`);
        lap(`Supabase: ${rows.length} runs of ${SUPABASE_USER}, ${figures.length} SVG figures in the bucket`);
        // Retention (inferra.supabase.retentionDays = 30 in the workspace) ran after sign-in; nothing is that old.
        const log = findInferraLog();
        const retention = log && readFileSync(log, 'utf8').split('\n').find((l) => /retention: removed \d+ run\(s\) older than 30 day/.test(l));
        if (!retention) throw new Error('no retention line in the Inferra log');
        lap(`Supabase: ${retention.trim()}`);
      } finally {
        await db.end();
      }
    });
  }

  await check('shows adjusted p-values and R² as APA writes them (from the kernel\'s own payload)', async () => {
    if (!ran) throw new Error('cells did not run');
    /** The cells of the column headed `header` in the tables of one cell's result, scrolling until VS Code draws it. */
    const column = async (cellId, header) => {
      const hit = await waitUntil(`the ${cellId} result`, async () => {
        const found = await findFrame(`.inferra-result[data-cell-id="${cellId}"] table.inf-table`);
        if (!found) await scrollNotebook(400);
        return found;
      }, 60000, 300);
      return hit.frame.evaluate(({ cellId, header }) => {
        const cells = [];
        for (const table of document.querySelectorAll(`.inferra-result[data-cell-id="${cellId}"] table.inf-table`)) {
          const i = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent.trim() === header);
          if (i >= 0) for (const tr of table.querySelectorAll('tbody tr')) cells.push(tr.children[i]?.textContent ?? '');
        }
        return cells;
      }, { cellId, header });
    };
    await openNotebook('penguins.inferra'); // back from the exported SVG's tab, so the screenshots show the tables
    const adjusted = await column('bill-pairwise', 'p (adjusted)');
    lap(`Tukey p (adjusted): ${JSON.stringify(adjusted)}`);
    await shot('02b-tukey-adjusted-p');
    if (adjusted.length !== 3 || !adjusted.includes('< .001') || !adjusted.every((p) => /^(< \.001|\.\d{3}|1\.000)$/.test(p))) {
      throw new Error(`adjusted p-values not formatted as APA: ${JSON.stringify(adjusted)}`);
    }
    const r2 = await column('mass-model', 'R²');
    lap(`OLS R²: ${JSON.stringify(r2)}`);
    if (r2.length < 1 || !r2.every((v) => /^\.\d{3}$/.test(v))) throw new Error(`R² not formatted without its leading zero: ${JSON.stringify(r2)}`);
    await shot('02c-ols-r-squared');
  });

  await check('clicking an ambiguity choice pins it and re-runs the cell', async () => {
    await openNotebook('ambiguous.inferra');
    await clickToolbar('Run All');
    const hit = await waitUntil('ambiguity buttons', () => findFrame('.inferra-result[data-status="ambiguous"] button.inf-choice:not([disabled])'), 120000);
    const buttons = hit.frame.locator('.inferra-result[data-status="ambiguous"] button.inf-choice');
    const labels = await buttons.allTextContents();
    lap(`choices: ${JSON.stringify(labels)}`);
    const cellId = await hit.frame.locator('.inferra-result[data-status="ambiguous"]').first().getAttribute('data-cell-id');
    await shot('04-ambiguous');
    await buttons.first().click();
    lap(`clicked "${labels[0]}" in cell ${cellId}`);
    await waitUntil('the chosen analysis in the cell', () => findFrame(`.inferra-result[data-cell-id="${cellId}"][data-status="ok"] table.inf-table`), 120000);
    const saved = await saveAndRead('ambiguous.inferra');
    const cell = saved.cells.find((c) => c.id === cellId);
    const source = cell?.inferra?.provenance?.at(-1)?.plan?.source;
    if (source !== 'user-choice') throw new Error(`latest record's plan source is ${source}, not user-choice`);
    await shot('05-choice-ran');
  });

  await check('cancelling a long cell stops it within seconds and leaves no verdict', async () => {
    await openNotebook('long.inferra');
    await clickToolbar('Run All');
    await waitUntil('the long cell running', async () => (await countIcons('executing')) > 0, 60000, 100);
    await page.waitForTimeout(1500);
    if ((await countIcons('executing')) === 0) throw new Error('the long cell finished before it could be cancelled: make it longer');
    await shot('06-long-running');
    const stopAt = Date.now();
    await clickToolbar('Stop Execution');
    await waitUntil('the cell to stop', async () => (await countIcons('executing')) + (await countIcons('pending')) === 0, 10000, 100);
    const stoppedMs = Date.now() - stopAt;
    lap(`stopped ${stoppedMs} ms after Interrupt`);
    if (stoppedMs > 5000) throw new Error(`took ${stoppedMs} ms to stop`);
    if ((await countIcons('success')) > 0) throw new Error('a cancelled cell shows success');
    await shot('07-cancelled');
    await page.waitForTimeout(1500);
    if (hostCrashes > 0) throw new Error('the extension host crashed when the cell was stopped (see code-server.log: SIGABRT from the worker\'s native module)');
    // The next run gets a fresh worker and works.
    await openNotebook('penguins.inferra');
  });

  // "Choose Dataset…" for a table in PostgreSQL (run.sh loads the penguins sample into a schema of its
  // own): the palette command, the source picker, the server's address, the table list; then the cell
  // runs inside the database and the notebook records the table's locator.
  if (process.env.E2E_PG_SERVER && process.env.E2E_PG_TABLE) {
    await check('chooses a PostgreSQL table through Choose Dataset and runs a cell on it', async () => {
      await openNotebook('database.inferra');
      await page.keyboard.press('F1');
      await qi.waitFor({ timeout: 10000 });
      await qi.fill('>Inferra: Choose Dataset');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Choose Dataset' }).first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A table in PostgreSQL or Supabase' }).first().waitFor({ timeout: 15000 });
      await qi.fill('table in PostgreSQL');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: '(1/2): the server' }).waitFor({ timeout: 30000 });
      await qi.fill(process.env.E2E_PG_SERVER);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: '(2/2): the table' }).waitFor({ timeout: 30000 });
      await qi.fill(process.env.E2E_PG_TABLE);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: process.env.E2E_PG_TABLE }).first();
      await row.waitFor({ timeout: 10000 });
      lap(`table row: ${(await row.textContent())?.trim()}`);
      await page.keyboard.press('Enter');
      const locator = `${process.env.E2E_PG_SERVER}?table=${process.env.E2E_PG_TABLE}`;
      await page.locator('.notifications-toasts', { hasText: 'this notebook now uses postgres://' }).first().waitFor({ timeout: 20000 });
      await clickToolbar('Run All');
      await waitUntilIdle(120000);
      const saved = await saveAndRead('database.inferra');
      if (saved.datasets?.[0]?.path !== locator) throw new Error(`the notebook's dataset is ${JSON.stringify(saved.datasets)}, not ${locator}`);
      const cell = saved.cells.find((c) => c.id === 'flipper-by-sex-db');
      const payload = cell?.outputs?.[0]?.items?.find((i) => i.mime === RESULT)?.data;
      const result = payload?.result;
      lap(`database cell: ${payload?.status} ${result?.analysis ?? ''} t = ${result?.result?.statistic ?? '?'}, rows ${result?.dataset?.rows ?? '?'}, query ${result?.dataset?.query ? 'recorded' : 'missing'}`);
      if (payload?.status !== 'ok' || result?.analysis !== 'ttest_welch') throw new Error(`the cell did not run Welch's t-test on the table: ${JSON.stringify(payload).slice(0, 300)}`);
      if (!/FROM/i.test(result?.dataset?.query ?? '')) throw new Error(`the result does not record the database query: ${JSON.stringify(result?.dataset)}`);
      await shot('08-database-table');
    });
  }

  // Security review 2026-12, M1 and M2: a received notebook whose stored figure specs name addresses on
  // a local listener (data.url, an image mark) and whose outputs carry text/html, application/javascript
  // and Markdown with remote images. Opening it (in this trusted workspace) must load nothing.
  await check('a hostile notebook loads nothing and shows no foreign output', async () => {
    const requests = [];
    const server = createServer((req, res) => {
      requests.push(req.url);
      res.setHeader('content-type', 'text/csv');
      res.end('a\nbeacon-row\n');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const file = join(FOLDER, 'hostile.inferra');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('__BEACON_PORT__', String(server.address().port)));
      await openNotebook('hostile.inferra');
      // Both figures are replaced by the renderer's note (vega-embed never ran on them) ...
      const notes = await waitUntil('the notes in place of the two figures', async () => {
        const hit = await findFrame('.inferra-vega-note');
        return hit?.count >= 2 ? hit : undefined;
      }, 60000);
      const noteText = await notes.frame.locator('.inferra-vega-note').first().textContent();
      lap(`figure note: ${noteText}`);
      if (!/^Figure not shown: it refers to an external resource/.test(noteText ?? '')) throw new Error(`unexpected note: ${noteText}`);
      // ... the HTML/JavaScript output is a plain-text note, and the Markdown is shown as plain text.
      await waitUntil('the note for the removed output', () => findFrame('text=Inferra removed an output of type text/html, application/javascript'), 30000);
      await waitUntil('the Markdown as plain text', () => findFrame('text=/e2e-md\\.png/'), 30000);
      await shot('08-hostile');
      for (const frame of page.frames()) {
        const foreign = await frame.locator('#hostile-html, #hostile-md, img[src*="e2e-"], image[href*="e2e-"], script:has-text("hostile")').count().catch(() => 0);
        if (foreign > 0) throw new Error(`a foreign output rendered in frame ${frame.url().slice(0, 80)}`);
        const title = await frame.evaluate(() => document.title).catch(() => '');
        if (/hostile-(script|js)-ran/.test(title)) throw new Error(`a script from the file ran (title ${title})`);
        if ((await frame.locator('text=beacon-row').count().catch(() => 0)) > 0) throw new Error('fetched rows were drawn');
      }
      if (requests.length > 0) throw new Error(`the listener received ${JSON.stringify(requests)}`);
      lap('hostile notebook: 2 figures refused, foreign outputs removed, the listener received nothing');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const log = findInferraLog();
  if (log) {
    const activation = readFileSync(log, 'utf8').split('\n').find((l) => /activated in/.test(l));
    lap(`extension log ${log}: ${activation ?? '(no activation line)'}`);
    console.log(`ACTIVATION ${activation ?? 'unknown'}`);
  } else {
    lap('no Inferra output log found');
  }
} catch (error) {
  console.error('E2E ABORTED:', error);
  results.push({ name: 'suite', ok: false });
} finally {
  await shot('99-final');
  await browser.close();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

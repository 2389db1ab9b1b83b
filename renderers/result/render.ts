/**
 * Builds the DOM of one Inferra result: the decision line, the result tables, the APA sentence with
 * a copy button, assumption checks as badges, warnings and recommendations; for an ambiguous decision
 * the alternatives as buttons; for errors a message box with the code. Pure DOM (no VS Code API):
 * the only way out is the optional `postMessage` callback.
 */
import {
  formatAnalysisId, formatCell, formatDecisionOptions, formatDirectionAsked, formatNumber, formatP, formatPinOrigin, formatRoles, formatTableNumber, isNumericColumn,
} from './format.js';
import type {
  AssumptionView, ChoiceView, ChooseMessage, DecisionView, ResultPayloadView, ResultView, TableView,
} from './payload.js';

/** What the view may do beyond drawing. */
export interface ResultViewOptions {
  /** Posts a message to the extension; absent when the renderer has no messaging. */
  postMessage?: (message: ChooseMessage) => void;
  /** Copies text to the clipboard; defaults to `navigator.clipboard` with a selection fallback. */
  copyText?: (text: string) => Promise<void>;
}

type Child = Node | string | null | undefined | false;

/** Creates an element with a class and children (strings become text nodes; never HTML). */
function buildElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, className: string | undefined, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}

/** A non-empty string, or undefined (explanations may be structured objects). */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The whole output for one payload. */
export function buildResultView(payload: ResultPayloadView, doc: Document, options: ResultViewOptions = {}): HTMLElement {
  const root = buildElement(doc, 'div', 'inferra-result');
  root.dataset.status = payload.status;
  if (payload.cellId) root.dataset.cellId = payload.cellId;
  switch (payload.status) {
    case 'ok':
      root.append(...buildOk(payload, doc, options));
      break;
    case 'ambiguous':
      root.append(...buildAmbiguity(payload, doc, options));
      break;
    case 'no_match':
      root.append(buildNoMatch(payload, doc));
      break;
    default:
      if (payload.decision?.analysis) root.append(buildDecisionLine(payload.decision, payload.result, doc));
      root.append(buildErrorBox(payload, doc));
  }
  return root;
}

/** Decision line, meta line, tables, summary, checks, warnings and recommendations. */
function buildOk(payload: ResultPayloadView, doc: Document, options: ResultViewOptions): Node[] {
  const result = payload.result ?? {};
  const nodes: Node[] = [];
  if (payload.decision) nodes.push(buildDecisionLine(payload.decision, result, doc));
  const meta = buildMetaLine(result, doc);
  if (meta) nodes.push(meta);
  for (const table of result.tables ?? []) nodes.push(...buildTable(table, doc));
  if (result.summary) nodes.push(buildSummary(result.summary, doc, options));
  if (result.assumptions?.length) nodes.push(buildAssumptions(result.assumptions, doc));
  if (result.warnings?.length) nodes.push(buildList('Warnings', result.warnings, 'inf-warnings', doc));
  if (result.recommendations?.length) nodes.push(buildList('Recommendations', result.recommendations, 'inf-recommendations', doc));
  return nodes;
}

/**
 * "Welch two-sample t-test · rule two-groups-numeric · outcome = x, group = g" with an LLM badge, then
 * what restricts the rows or changes the hypothesis ("only rows where island = Biscoe", "one-sided
 * test") and, for a decision someone else pinned, "pinned by another author" (review L8).
 */
export function buildDecisionLine(decision: DecisionView, result: ResultView | undefined, doc: Document): HTMLElement {
  const line = buildElement(doc, 'div', 'inf-decision');
  const name = result?.variant || formatAnalysisId(result?.analysis ?? decision.analysis);
  line.append(buildElement(doc, 'span', 'inf-variant', name));
  if (decision.source === 'llm') {
    const badge = buildElement(doc, 'span', 'inf-badge inf-badge-llm', 'LLM');
    const model = typeof decision.llm?.model === 'string' ? ` (${decision.llm.model})` : '';
    badge.title = `Decided by a language model${model}, not by a rule` +
      (typeof decision.confidence === 'number' ? `; confidence ${formatNumber(decision.confidence, 2)}` : '') +
      '. Check the roles before relying on it.';
    line.append('·', badge);
  } else if (decision.rule_id) {
    line.append('·', buildElement(doc, 'span', 'inf-rule', `rule ${decision.rule_id}`));
  }
  const roles = formatRoles(result?.roles ?? decision.roles);
  if (roles) line.append('·', buildElement(doc, 'span', 'inf-roles', roles));
  for (const option of formatDecisionOptions(result?.options ?? decision.options)) {
    line.append('·', buildElement(doc, 'span', 'inf-restriction', option));
  }
  const direction = formatDirectionAsked(decision.direction_asked);
  if (direction) line.append('·', buildElement(doc, 'span', 'inf-restriction', direction));
  const pin = formatPinOrigin(decision.pin_origin);
  if (pin) {
    const badge = buildElement(doc, 'span', 'inf-badge inf-badge-pin', pin);
    badge.title = 'This decision was pinned in the notebook, not chosen by the rules for this run, and not by the person who ran it. '
      + 'Check its roles and options before relying on the result.';
    line.append('·', badge);
  }
  if (decision.rationale) line.title = decision.rationale;
  return line;
}

/** "n = 333 · 11 rows left out (missing values)". */
function buildMetaLine(result: ResultView, doc: Document): HTMLElement | null {
  const parts: string[] = [];
  if (typeof result.n === 'number') parts.push(`n = ${formatCell('n', result.n)}`);
  for (const d of result.dropped ?? []) {
    if (d.count > 0) parts.push(`${formatCell('count', d.count)} row${d.count === 1 ? '' : 's'} left out (${d.reason})`);
  }
  if (!parts.length && typeof result.n_missing === 'number' && result.n_missing > 0) {
    parts.push(`${result.n_missing} missing`);
  }
  return parts.length ? buildElement(doc, 'div', 'inf-meta', parts.join(' · ')) : null;
}

/** A JASP-like table (rules above and below the header and at the end), plus its note. */
export function buildTable(table: TableView, doc: Document): Node[] {
  const el = buildElement(doc, 'table', 'inf-table');
  if (table.title) el.append(buildElement(doc, 'caption', undefined, table.title));
  const numeric = new Set(table.columns.filter((c) => isNumericColumn(table.rows, c.key)).map((c) => c.key));
  const head = el.createTHead().insertRow();
  for (const col of table.columns) {
    const th = buildElement(doc, 'th', numeric.has(col.key) ? 'inf-num' : undefined, col.label);
    th.scope = 'col';
    head.append(th);
  }
  const body = el.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    for (const col of table.columns) {
      const value = row[col.key];
      const td = buildElement(doc, 'td', numeric.has(col.key) ? 'inf-num' : undefined, formatCell(col.key, value, col.label));
      td.dataset.key = col.key;
      if (typeof value === 'number') td.title = String(value);
      tr.append(td);
    }
  }
  const nodes: Node[] = [el];
  if (table.note) nodes.push(buildElement(doc, 'div', 'inf-note', `Note. ${table.note}`));
  return nodes;
}

/** The APA sentence with a copy button. */
function buildSummary(summary: string, doc: Document, options: ResultViewOptions): HTMLElement {
  const text = buildElement(doc, 'div', 'inf-summary-text', summary);
  const button = buildElement(doc, 'button', 'inf-secondary inf-copy', 'Copy');
  button.type = 'button';
  button.title = 'Copy the APA sentence';
  button.setAttribute('aria-label', 'Copy the APA sentence to the clipboard');
  const copy = options.copyText ?? ((t: string) => copyWithFallback(t, text, doc));
  button.addEventListener('click', () => {
    copy(summary).then(
      () => { button.textContent = 'Copied'; },
      () => { button.textContent = 'Copy failed'; },
    );
  });
  return buildElement(doc, 'div', 'inf-summary', text, button);
}

/** Clipboard API when granted, else select the text and use the copy command. */
async function copyWithFallback(text: string, node: HTMLElement, doc: Document): Promise<void> {
  const clipboard = doc.defaultView?.navigator?.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch { /* the webview may deny clipboard access: fall through */ }
  }
  const selection = doc.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(node);
  selection?.removeAllRanges();
  selection?.addRange(range);
  const copied = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  if (!copied) throw new Error('copy unavailable');
}

/** Assumption checks as badges with their numbers. */
export function buildAssumptions(checks: AssumptionView[], doc: Document): HTMLElement {
  const list = buildElement(doc, 'ul', 'inf-checks');
  list.setAttribute('aria-label', 'Assumption checks');
  for (const c of checks) {
    const badge = buildElement(doc, 'span', `inf-badge ${c.ok ? 'inf-badge-ok' : 'inf-badge-fail'}`, c.ok ? '✓ ok' : '✗ failed');
    const numbers: string[] = [];
    if (typeof c.statistic === 'number') numbers.push(`statistic = ${formatTableNumber(c.statistic)}`);
    if (typeof c.p_value === 'number') numbers.push(formatP(c.p_value));
    const label = `${formatAnalysisId(c.check)}${c.target ? ` · ${c.target}` : ''}`;
    const item = buildElement(doc, 'li', `inf-check ${c.ok ? 'inf-check-ok' : 'inf-check-fail'}`,
      badge, buildElement(doc, 'span', undefined, label), numbers.length ? buildElement(doc, 'span', 'inf-meta', numbers.join(', ')) : null);
    if (c.note) item.title = c.note;
    list.append(item);
  }
  return buildElement(doc, 'div', 'inf-assumptions', buildElement(doc, 'div', 'inf-section-title', 'Assumption checks'), list);
}

/** A titled bullet list (warnings, recommendations). */
function buildList(title: string, items: string[], className: string, doc: Document): HTMLElement {
  const list = buildElement(doc, 'ul', 'inf-list');
  for (const item of items) list.append(buildElement(doc, 'li', undefined, item));
  return buildElement(doc, 'div', className, buildElement(doc, 'div', 'inf-section-title', title), list);
}

/** The candidate analyses of an ambiguous decision, deduplicated, the engine's first candidate first. */
export function collectChoices(decision: DecisionView | undefined): ChoiceView[] {
  if (!decision) return [];
  const all: ChoiceView[] = [];
  if (decision.analysis) all.push({ analysis: decision.analysis, roles: decision.roles, why: decision.rationale });
  all.push(...(decision.alternatives ?? []));
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = `${c.analysis}|${JSON.stringify(c.roles ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The alternatives as buttons; a click posts a `choose` message (buttons are disabled without messaging). */
function buildAmbiguity(payload: ResultPayloadView, doc: Document, options: ResultViewOptions): Node[] {
  const decision = payload.decision;
  const intro = buildElement(doc, 'div', 'inf-message',
    buildElement(doc, 'strong', undefined, 'More than one analysis fits this request. '),
    `${textOf(decision?.rationale) ?? textOf(decision?.explanation) ?? ''} Pick the one you mean; it will be pinned to this cell and run.`.trim());
  const box = buildElement(doc, 'div', 'inf-choices');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Candidate analyses');
  const buttons: HTMLButtonElement[] = [];
  const post = options.postMessage;
  const cellId = payload.cellId;
  for (const choice of collectChoices(decision)) {
    const roles = formatRoles(choice.roles);
    const button = buildElement(doc, 'button', 'inf-choice', (choice.name || formatAnalysisId(choice.analysis)) + (roles ? ` — ${roles}` : ''));
    button.type = 'button';
    button.dataset.analysis = choice.analysis;
    if (!post || !cellId) {
      button.disabled = true;
      button.title = 'Choosing needs the Inferra extension; rephrase the cell to name the analysis instead.';
    } else {
      button.addEventListener('click', () => {
        for (const b of buttons) b.disabled = true;
        button.textContent = `${button.textContent} — running…`;
        post({ type: 'choose', cellId, choice: { analysis: choice.analysis, roles: choice.roles ?? {}, why: choice.why } });
      });
    }
    buttons.push(button);
    const row = buildElement(doc, 'div', 'inf-choice-row', button, choice.why ? buildElement(doc, 'span', 'inf-choice-why', choice.why) : null);
    box.append(row);
  }
  const nodes: Node[] = [intro, box];
  if (!post) {
    nodes.push(buildElement(doc, 'div', 'inf-meta', 'Choosing is available when this notebook is open in VS Code with the Inferra extension.'));
  }
  return nodes;
}

/** No rule fits: say so and how to rephrase. */
function buildNoMatch(payload: ResultPayloadView, doc: Document): HTMLElement {
  const text = textOf(payload.decision?.rationale) ?? textOf(payload.decision?.explanation) ?? textOf(payload.error?.message)
    ?? 'No analysis matches this request. Name the columns and what you want to know, e.g. "compare body_mass_g between species".';
  return buildElement(doc, 'div', 'inf-message',
    buildElement(doc, 'strong', undefined, 'No matching analysis. '), text,
    payload.error?.code ? buildElement(doc, 'div', 'inf-code', payload.error.code) : null);
}

/** A failed cell: the message and its code. */
function buildErrorBox(payload: ResultPayloadView, doc: Document): HTMLElement {
  const code = payload.error?.code ?? 'error';
  const box = buildElement(doc, 'div', 'inf-message inf-message-error',
    buildElement(doc, 'strong', undefined, 'This cell failed. '),
    payload.error?.message ?? 'The analysis did not complete.',
    buildElement(doc, 'div', 'inf-code', `code: ${code}`));
  box.setAttribute('role', 'alert');
  box.dataset.code = code;
  return box;
}

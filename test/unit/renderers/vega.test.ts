import assert from 'node:assert/strict';
import { JSDOM, VirtualConsole } from 'jsdom';
import embed from 'vega-embed';
import { REFUSING_LOADER } from '../../../renderers/vega/untrusted.js';
import type { OutputItemLike, RendererApiLike } from '../../../renderers/common/renderer-api.js';
import { buildThemeConfig, isDarkTheme } from '../../../renderers/vega/theme.js';
import { startBeacon, type Beacon } from '../../support/hostile.js';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Flipper length by species',
  data: { values: [{ species: 'Adelie', n: 152 }, { species: 'Gentoo', n: 124 }, { species: 'Chinstrap', n: 68 }] },
  mark: 'bar',
  encoding: { x: { field: 'species', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
};

const GLOBALS = ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'SVGElement', 'getComputedStyle', 'ShadowRoot', 'DOMParser', 'MouseEvent'] as const;

describe('renderers/vega', function () {
  this.timeout(20000);
  let dom: JSDOM;
  const saved = new Map<string, PropertyDescriptor | undefined>();

  before(() => {
    // jsdom has no canvas: vega falls back to estimated text widths; drop jsdom's "not implemented" notice.
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (error) => { if (!/Not implemented/.test(error.message)) console.error(error); });
    dom = new JSDOM('<!doctype html><html><head></head><body class="vscode-dark"></body></html>', { pretendToBeVisual: true, virtualConsole });
    // vega-embed reads the global document (style injection, menus), as in the webview.
    for (const name of GLOBALS) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      const value = name === 'window' ? dom.window : name === 'getComputedStyle' ? dom.window.getComputedStyle.bind(dom.window) : (dom.window as any)[name];
      Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
  });

  after(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as any)[name];
    }
    dom.window.close();
  });

  function item(id: string, data: unknown): OutputItemLike {
    return { id, mime: 'application/vnd.vegalite.v6+json', json: () => data, text: () => JSON.stringify(data) };
  }

  it('renders the output\'s own spec as SVG with export actions, and finalizes views on dispose', async () => {
    const { activate } = await import('../../../renderers/vega/index.js');
    const api: RendererApiLike = activate({});
    const a = dom.window.document.createElement('div');
    const b = dom.window.document.createElement('div');
    dom.window.document.body.append(a, b);
    await api.renderOutputItem(item('a', spec), a);
    await api.renderOutputItem(item('b', spec), b);
    const svg = a.querySelector('svg');
    assert.ok(svg, 'an <svg> was drawn');
    assert.equal(a.querySelectorAll('.mark-rect path, .mark-rect rect').length > 0 || /mark-rect/.test(a.innerHTML), true);
    assert.match(a.innerHTML, /Flipper length by species/);
    const actions = [...a.querySelectorAll('.vega-actions a')].map((x) => x.textContent);
    assert.deepEqual(actions, ['Save as SVG', 'Save as PNG']);
    // Opening the menu fills the SVG link's address, so Enter on the focused link downloads it too.
    const svgLink = a.querySelector<HTMLAnchorElement>('.vega-actions a[download$=".svg"]')!;
    assert.equal(svgLink.getAttribute('href'), '#');
    // jsdom has no object URLs; the webview's Chromium does.
    (dom.window.URL as any).createObjectURL ??= (blob: Blob) => `blob:jsdom/${blob.type}`;
    const menu = a.querySelector('details')!;
    menu.open = true;
    menu.dispatchEvent(new dom.window.Event('toggle'));
    const started = Date.now();
    while (svgLink.getAttribute('href') === '#' && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    assert.match(svgLink.getAttribute('href') ?? '', /^(data:image\/svg\+xml|blob:)/);
    api.disposeOutputItem?.('a');
    api.disposeOutputItem?.(undefined);
  });

  it('shows a readable message for a spec that cannot be drawn', async () => {
    const { activate } = await import('../../../renderers/vega/index.js');
    const element = dom.window.document.createElement('div');
    await activate({}).renderOutputItem(item('bad', { mark: 'no-such-mark' }), element);
    assert.match(element.querySelector('[role=alert]')?.textContent ?? '', /could not be drawn/);
  });

  it('follows the VS Code theme with a transparent background', () => {
    const doc = dom.window.document;
    assert.equal(isDarkTheme(doc), true);
    const config = buildThemeConfig(doc) as { background: string; axis: { labelColor: string } };
    assert.equal(config.background, 'transparent');
    assert.equal(config.axis.labelColor, '#cccccc');
    doc.body.className = 'vscode-light';
    doc.body.style.setProperty('--vscode-editor-foreground', '#112233');
    assert.equal(isDarkTheme(doc), false);
    assert.equal((buildThemeConfig(doc) as { axis: { labelColor: string } }).axis.labelColor, '#112233');
  });

  describe('specs from a received notebook (M1)', () => {
    let beacon: Beacon;
    let base: string;
    let requests: string[];

    before(async () => {
      beacon = await startBeacon((url) =>
        url.endsWith('.json') ? { type: 'application/json', body: '{"background": "red"}' } : { type: 'text/csv', body: 'a\nbeacon-row\n' },
      );
      ({ base, requests } = beacon);
    });
    after(async () => {
      await beacon.close();
    });

    async function render(spec: unknown): Promise<HTMLElement> {
      const { activate } = await import('../../../renderers/vega/index.js');
      const element = dom.window.document.createElement('div');
      dom.window.document.body.append(element);
      const api = activate({});
      await api.renderOutputItem(item(`u${Math.random()}`, spec), element);
      api.disposeOutputItem?.(undefined);
      return element;
    }

    it('does not fetch data.url, nor point an image at a listener; shows an inert note instead', async () => {
      // The review's two specs: rendering awaits vega's data load, so a fetch would have been answered by now.
      const fetching = await render({ title: 'x', data: { url: `${base}/renderer-beacon.csv` }, mark: 'text', encoding: { text: { field: 'a' } } });
      const image = await render({ title: 'y', data: { values: [{ u: `${base}/renderer-image.png` }] }, mark: { type: 'image', width: 5, height: 5 }, encoding: { url: { field: 'u' } } });
      const linked = await render({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, href: { value: `${base}/link` } } });
      for (const element of [fetching, image, linked]) {
        assert.match(element.querySelector('[role=note]')?.textContent ?? '', /^Figure not shown: it refers to an external resource/);
        assert.equal(element.querySelector('svg'), null);
        assert.ok(!element.innerHTML.includes(base), 'the address is not in the output');
      }
      assert.ok(!fetching.innerHTML.includes('beacon-row'));
      assert.deepEqual(requests, []);
    });

    it('ignores embed options stored in the spec (a config address to fetch), and still draws it', async () => {
      const element = await render({ ...spec, usermeta: { caption: 'c', embedOptions: { config: `${base}/config.json`, patch: `${base}/patch.json`, ast: false } } });
      assert.ok(element.querySelector('svg'), 'drawn');
      assert.deepEqual(requests, []);
    });

    it('hands vega-embed a loader that refuses every load, below the spec check', async () => {
      for (const method of ['load', 'sanitize', 'http', 'file'] as const) {
        await assert.rejects(REFUSING_LOADER[method](`${base}/${method}`), /external resource/);
      }
      const element = dom.window.document.createElement('div');
      const result = await embed(element, { data: { url: `${base}/direct.csv` }, mark: 'text', encoding: { text: { field: 'a' } } } as never, {
        mode: 'vega-lite', renderer: 'svg', loader: REFUSING_LOADER as never, actions: false, logLevel: 0,
      });
      result.finalize();
      assert.ok(!element.innerHTML.includes('beacon-row'));
      assert.deepEqual(requests, []);
    });
  });
});


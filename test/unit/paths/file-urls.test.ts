// On Windows an absolute path (C:\...\report.mjs) is not a module specifier: import() needs a
// file:// URL. Every dynamic import of a file in kernel/ and extension/ must turn the path into one
// with pathToFileURL (or import a relative module specifier), as the bundled report and the tsx
// worker bootstrap do; and those URLs are right for Windows paths.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sources = ['kernel', 'extension'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
);

describe('file:// URLs for Windows paths', () => {
  it('every dynamic import() of a file goes through pathToFileURL', () => {
    const unsafe: string[] = [];
    let checked = 0;
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/\bimport\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
        const argument = match[1].trim();
        checked++;
        if (/^['"][^'"]+['"]$/.test(argument) || argument.includes('pathToFileURL(')) continue; // a literal module, or a URL
        // A name: declared as a relative module specifier or as a file URL.
        const names = [...argument.matchAll(/\b([A-Za-z_$][\w$]*)\b/g)].map((m) => m[1]).filter((n) => !['JSON', 'stringify'].includes(n));
        const safe = names.length > 0 && names.every((name) => new RegExp(`(const|let) ${name}\\b[^=]*= *('\\.{1,2}/[^']+'|pathToFileURL\\()`).test(text));
        if (!safe) unsafe.push(`${file}: import(${argument})`);
      }
    }
    assert.deepEqual(unsafe, []);
    assert.ok(checked >= 4, `only ${checked} dynamic imports found: the scan no longer sees them`);
  });

  it('turns Windows paths (drive letters, spaces, #, network shares) into file URLs and back', () => {
    const cases: [string, string][] = [
      ['C:\\Program Files\\Microsoft VS Code\\ext\\dist\\report.mjs', 'file:///C:/Program%20Files/Microsoft%20VS%20Code/ext/dist/report.mjs'],
      ['C:\\Users\\Ada\\.vscode\\extensions\\inferra #2\\dist\\worker.mjs', 'file:///C:/Users/Ada/.vscode/extensions/inferra%20%232/dist/worker.mjs'],
      ['\\\\lab-server\\tools\\inferra\\dist\\report.mjs', 'file://lab-server/tools/inferra/dist/report.mjs'],
    ];
    for (const [path, url] of cases) {
      assert.equal(pathToFileURL(path, { windows: true }).href, url);
      assert.equal(fileURLToPath(url, { windows: true }), path);
    }
  });
});

/**
 * The Word report (#13): `inferra run NB --docx` on the penguins sample writes a .docx that
 * LibreOffice opens (converted headlessly to PDF: more than one page), with the APA sentences,
 * the result tables as real Word tables without vertical rules, and the figures as PNG at 300 dpi.
 * `inferra export NB --docx` writes the same from the stored outputs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT, runInferra } from '../../support/cli.js';

/** Pages of a PDF: its /Type /Page objects. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The text of a Word XML part (runs joined), to look for table text. */
function textOf(xml: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e])).join(' ');
}

describe('inferra run --docx: the Word report', function () {
  this.timeout(300_000);
  let dir: string;
  let docx: Buffer;
  let zip: JSZip;
  let documentXml: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inferra-docx-'));
    for (const name of ['penguins.csv', 'penguins.inferra']) copyFileSync(join(ROOT, 'samples', name), join(dir, name));
    const run = await runInferra(['run', 'penguins.inferra', '--docx', 'penguins.docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr + run.stdout, /Word report: penguins\.docx/);
    docx = readFileSync(join(dir, 'penguins.docx'));
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  it('opens in LibreOffice: converted to PDF headlessly, it has more than one page', () => {
    const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
    assert.ok(soffice, 'LibreOffice (soffice) is needed for this test: apt-get install -y libreoffice-writer-nogui');
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'penguins.docx')], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    const pdf = readFileSync(join(dir, 'penguins.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pageCount(pdf) > 1, `${pageCount(pdf)} page(s)`);
  });

  it('holds the markdown text, the APA sentences and the tables as Word tables (APA: no vertical rules, numbered, notes below)', () => {
    const text = textOf(documentXml);
    assert.match(text, /Body size of three penguin species/);
    assert.match(text, /Welch's t\(\d+\.\d+\) = [−-]?\d+\.\d+, p < \.001/);
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    assert.ok(tables.length >= 5, `${tables.length} tables`);
    const welch = tables.find((t) => /Cohen/.test(textOf(t)));
    assert.ok(welch, 'the t-test table');
    assert.match(textOf(welch), /-4\.808/);
    for (const table of tables) {
      assert.ok(!/<w:(left|right|insideV) w:val="single"/.test(table), 'no vertical rules');
    }
    assert.match(text, /Table 1 /);
    assert.match(text, /Note\. /);
  });

  it('embeds the figures as PNG at 300 dpi of their printed size', async () => {
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    assert.ok(media.length >= 5, `${media.length} figures`);
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const embeds = [...documentXml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(extents.length, embeds.length);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    for (const [k, id] of embeds.entries()) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      assert.ok(target, `relationship ${id}`);
      const png = await zip.file(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`)!.async('nodebuffer');
      const pixels = png.readUInt32BE(16);
      const inches = extents[k] / 914_400;
      assert.ok(Math.abs(pixels / inches - 300) < 3, `figure ${k + 1}: ${(pixels / inches).toFixed(1)} dpi`);
    }
  });

  it('inferra export --docx writes the Word report from the stored outputs, without running', async () => {
    const run = await runInferra(['export', 'penguins.inferra', '--docx', 'stored.docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const stored = await JSZip.loadAsync(readFileSync(join(dir, 'stored.docx')));
    const xml = await stored.file('word/document.xml')!.async('string');
    assert.match(textOf(xml), /Welch's t\(/);
    const refused = await runInferra(['run', 'penguins.inferra', '--docx', 'penguins.csv'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--docx penguins\.csv does not end in \.docx/);
  });
});

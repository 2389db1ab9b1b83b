/**
 * The one atomic write (kernel/util/atomic-write.ts) used for notebooks and the provenance queue.
 * Security review L4: it widened a 0600 notebook to 0644, replaced a symlinked notebook with a
 * regular file, and left hidden `.NAME.XXXX.tmp` partials after a kill.
 */
import assert from 'node:assert/strict';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink, utimes, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferraError } from '../../../kernel/errors.js';
import { readNotebookFile, writeNotebookFile } from '../../../kernel/notebook/file.js';
import { newNotebook } from '../../../kernel/notebook/new.js';
import { isAtomicTempName, writeFileAtomic, writeFileAtomicSync, type AtomicWriteStep } from '../../../kernel/util/atomic-write.js';

const posix = process.platform !== 'win32';
/** A pid no process has (above Linux's pid_max), so its temp files count as a dead writer's. */
const DEAD_PID = 2_147_483_000;

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'inferra-atomic-'));
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('atomic write (review L4)', () => {
  it('keeps the mode of the file it replaces (a 0600 notebook stays 0600, 0640 stays 0640)', async function () {
    if (!posix) this.skip();
    const dir = await scratch();
    for (const mode of [0o600, 0o640]) {
      const path = join(dir, `nb-${mode.toString(8)}.inferra`);
      await writeNotebookFile(path, newNotebook({ title: 'first' }));
      await chmod(path, mode);
      await writeNotebookFile(path, newNotebook({ title: 'second' }));
      assert.equal((await modeOf(path)).toString(8), mode.toString(8));
      assert.equal((await readNotebookFile(path)).metadata.title, 'second');
    }
  });

  it('creates a new file with the requested mode (the provenance queue asks for 0600)', async function () {
    if (!posix) this.skip();
    const dir = await scratch();
    await writeFileAtomic(join(dir, 'entry.json'), '{}', { mode: 0o600 });
    assert.equal((await modeOf(join(dir, 'entry.json'))).toString(8), '600');
  });

  it('writes through a symlink: the link stays a link and its target gets the content', async function () {
    if (!posix) this.skip();
    const dir = await scratch();
    await mkdir(join(dir, 'real'));
    const target = join(dir, 'real', 'nb.inferra');
    await writeNotebookFile(target, newNotebook({ title: 'old' }));
    await chmod(target, 0o600);
    const link = join(dir, 'link.inferra');
    await symlink(join('real', 'nb.inferra'), link); // relative, as `ln -s` makes them
    await writeNotebookFile(link, newNotebook({ title: 'new' }));
    assert.ok((await lstat(link)).isSymbolicLink(), 'the link is still a link');
    assert.equal(await readlink(link), join('real', 'nb.inferra'));
    assert.equal((await readNotebookFile(target)).metadata.title, 'new');
    assert.equal((await modeOf(target)).toString(8), '600');
    assert.deepEqual((await readdir(dir)).sort(), ['link.inferra', 'real'], 'no temp file beside the link');
    assert.deepEqual(await readdir(join(dir, 'real')), ['nb.inferra'], 'no temp file beside the target');
  });

  it('follows a chain of links and creates the target of a dangling link', async function () {
    if (!posix) this.skip();
    const dir = await scratch();
    await symlink('b.inferra', join(dir, 'a.inferra'));
    await symlink('c.inferra', join(dir, 'b.inferra'));
    await writeFileAtomic(join(dir, 'a.inferra'), 'hello\n');
    assert.ok((await lstat(join(dir, 'a.inferra'))).isSymbolicLink());
    assert.ok((await lstat(join(dir, 'b.inferra'))).isSymbolicLink());
    assert.equal(await readFile(join(dir, 'c.inferra'), 'utf8'), 'hello\n');
  });

  it('removes stale partials of the same file left by a killed writer, and nothing else', async () => {
    const dir = await scratch();
    const path = join(dir, 'big.inferra');
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    const files: Record<string, Date> = {
      '.big.inferra.4b2f33ce.tmp': past, // the old naming (no pid), as in the review
      [`.big.inferra.${DEAD_PID}.dcbc0d23.tmp`]: past, // a dead writer
      [`.big.inferra.${process.pid}.0badc0de.tmp`]: past, // a live writer (this process): kept
      '.big.inferra.5eed5eed.tmp': future, // newer than this write: kept
      '.other.inferra.4b2f33ce.tmp': past, // another notebook's partial: kept
      '.big.inferra.notes.tmp': past, // not the naming pattern: kept
      'big.inferra.4b2f33ce.tmp': past, // not hidden: kept
    };
    for (const [name, time] of Object.entries(files)) {
      await writeFile(join(dir, name), 'partial');
      await utimes(join(dir, name), time, time);
    }
    await writeFileAtomic(path, 'complete\n');
    assert.deepEqual((await readdir(dir)).sort(), [
      `.big.inferra.${process.pid}.0badc0de.tmp`,
      '.big.inferra.5eed5eed.tmp',
      '.big.inferra.notes.tmp',
      '.other.inferra.4b2f33ce.tmp',
      'big.inferra',
      'big.inferra.4b2f33ce.tmp',
    ].sort());
    assert.equal(await readFile(path, 'utf8'), 'complete\n');
  });

  it('syncs the file before the rename and the folder after it', async () => {
    const dir = await scratch();
    const steps: AtomicWriteStep[] = [];
    await writeFileAtomic(join(dir, 'x.json'), '{}', { onStep: (step) => steps.push(step) });
    assert.deepEqual(steps, ['write', 'sync-file', 'rename', 'sync-folder', 'cleanup']);
  });

  it('names its temp files so that the pattern recognises them (the queue skips them when indexing)', async () => {
    const dir = await scratch();
    let seen: string[] = [];
    await writeFileAtomic(join(dir, 'q.json'), '{}', {
      onStep: async (step) => {
        if (step === 'sync-file') seen = await readdir(dir);
      },
    });
    assert.equal(seen.length, 1);
    assert.ok(isAtomicTempName(seen[0]), seen[0]);
    assert.ok(isAtomicTempName(seen[0], 'q.json'));
    assert.ok(!isAtomicTempName(seen[0], 'other.json'));
    assert.ok(!isAtomicTempName('q.json'));
  });

  it('a failed write leaves what was there and no temp file, and says which file could not be written', async () => {
    const dir = await scratch();
    const path = join(dir, 'nb.inferra');
    await mkdir(path); // a folder where the notebook should go: the rename fails
    await writeFile(join(path, 'inside.txt'), 'kept');
    await assert.rejects(writeNotebookFile(path, newNotebook({ title: 'lost' })), (e: InferraError) => {
      assert.equal(e.code, 'notebook-write-failed');
      assert.match(e.message, /nb\.inferra/);
      return true;
    });
    assert.deepEqual(await readdir(dir), ['nb.inferra']);
    assert.equal(await readFile(join(path, 'inside.txt'), 'utf8'), 'kept');
  });

  it('the blocking variant (LLM budget and cache, session file) writes through links, keeps or forces the mode, leaves no temp', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'real'));
    const target = join(dir, 'real', 'usage.json');
    await writeFile(target, 'old');
    await symlink(target, join(dir, 'link.json'));
    if (posix) await chmod(target, 0o640);
    writeFileAtomicSync(join(dir, 'link.json'), '{"tokens":1}');
    assert.equal(await readlink(join(dir, 'link.json')), target);
    assert.equal(await readFile(target, 'utf8'), '{"tokens":1}');
    if (posix) assert.equal((await modeOf(target)).toString(8), '640');
    writeFileAtomicSync(target, '{"secret":1}', { mode: 0o600, forceMode: true });
    if (posix) assert.equal((await modeOf(target)).toString(8), '600');
    assert.deepEqual(await readdir(join(dir, 'real')), ['usage.json']);
    writeFileAtomicSync(join(dir, 'new', 'cache.json'), '{}', { mode: 0o600 });
    if (posix) assert.equal((await modeOf(join(dir, 'new', 'cache.json'))).toString(8), '600');
  });
});

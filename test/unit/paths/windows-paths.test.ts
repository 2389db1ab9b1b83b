// Path logic on Windows, checked on any machine with `node:path/win32` and Windows-style inputs
// (drive letters, backslashes, forward slashes, UNC shares, differing case).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import fc from 'fast-check';
import { storedDatasetPath } from '../../../kernel/notebook/dataset-path.js';
import { DiskQueue } from '../../../kernel/provenance/queue.js';
import { defaultQueueDir } from '../../../kernel/provenance/sink.js';

/** What Windows refuses in a file name (reserved characters, device names, a trailing dot or space). */
function windowsNameProblem(name: string): string | undefined {
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(name)) return 'a reserved character';
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)) return 'a device name';
  if (/[. ]$/.test(name)) return 'a trailing dot or space';
  if (name.length > 255) return 'more than 255 characters';
  return undefined;
}

describe('Windows paths', () => {
  describe('a dataset path as a notebook stores it (kernel/notebook/dataset-path.ts)', () => {
    const notebook = 'C:\\Users\\Ada\\study\\analysis.inferra';
    const cases: [string, string, string][] = [
      ['beside the notebook', 'C:\\Users\\Ada\\study\\trial.csv', 'trial.csv'],
      ['in a subfolder, with forward slashes', 'C:\\Users\\Ada\\study\\data\\wave 1\\trial.csv', 'data/wave 1/trial.csv'],
      ['in a sibling folder', 'C:\\Users\\Ada\\raw\\trial.csv', '../raw/trial.csv'],
      ['written with forward slashes', 'C:/Users/Ada/study/data/trial.csv', 'data/trial.csv'],
      ['with the drive letter and folders in another case', 'c:\\users\\ada\\STUDY\\data\\trial.csv', 'data/trial.csv'],
      ['on another drive: kept absolute', 'D:\\data\\trial.csv', 'D:\\data\\trial.csv'],
      ['on a network share: kept absolute', '\\\\lab-server\\share\\trial.csv', '\\\\lab-server\\share\\trial.csv'],
    ];
    for (const [what, dataset, stored] of cases) {
      it(`${what}: ${stored}`, () => {
        assert.equal(storedDatasetPath(notebook, dataset, win32), stored);
      });
    }

    it('a notebook on a network share refers to data on the same share relatively, to another share absolutely', () => {
      const shared = '\\\\lab-server\\projects\\study\\analysis.inferra';
      assert.equal(storedDatasetPath(shared, '\\\\lab-server\\projects\\study\\data\\trial.csv', win32), 'data/trial.csv');
      assert.equal(storedDatasetPath(shared, '\\\\lab-server\\projects\\raw\\trial.csv', win32), '../raw/trial.csv');
      assert.equal(storedDatasetPath(shared, '\\\\other-server\\projects\\trial.csv', win32), '\\\\other-server\\projects\\trial.csv');
      // Another share of the same server: '..\\archive' would climb out of the share, which Windows cannot.
      assert.equal(storedDatasetPath(shared, '\\\\lab-server\\archive\\trial.csv', win32), '\\\\lab-server\\archive\\trial.csv');
      assert.equal(storedDatasetPath(shared, 'C:\\data\\trial.csv', win32), 'C:\\data\\trial.csv');
    });

    it('an untitled notebook keeps the absolute path', () => {
      assert.equal(storedDatasetPath(undefined, 'C:\\Users\\Ada\\trial.csv', win32), 'C:\\Users\\Ada\\trial.csv');
    });

    it('a stored path leads back to the same file from the notebook folder; a relative one has no backslashes', () => {
      const segment = fc.stringMatching(/^[A-Za-z0-9 _().-]{1,12}$/).filter((s) => s.trim() === s && !/^\.+$/.test(s) && !/[. ]$/.test(s));
      const folder = fc.array(segment, { minLength: 0, maxLength: 4 });
      const root = fc.constantFrom('C:', 'c:', 'D:', '\\\\srv\\share', '\\\\srv\\other');
      fc.assert(
        fc.property(root, root, folder, folder, segment, (notebookRoot, dataRoot, notebookDirs, dataDirs, file) => {
          const notebookPath = win32.join(notebookRoot + '\\', ...notebookDirs, 'analysis.inferra');
          const datasetPath = win32.join(dataRoot + '\\', ...dataDirs, `${file}.csv`);
          const stored = storedDatasetPath(notebookPath, datasetPath, win32);
          if (!win32.isAbsolute(stored)) assert.ok(!stored.includes('\\'), `stored path '${stored}' has a backslash`);
          assert.equal(win32.resolve(win32.dirname(notebookPath), stored).toLowerCase(), win32.resolve(datasetPath).toLowerCase());
        }),
      );
    });

    it('on Linux and macOS paths stay as they were', () => {
      assert.equal(storedDatasetPath('/home/ada/study/a.inferra', '/home/ada/study/data/t.csv', posix), 'data/t.csv');
      assert.equal(storedDatasetPath('/home/ada/study/a.inferra', '/data/t.csv', posix), '../../../data/t.csv');
    });
  });

  describe("the provenance queue's folder (kernel/provenance/sink.ts, queue.ts)", () => {
    it("is under the user's profile by default, and under XDG_STATE_HOME when it is set", () => {
      assert.equal(defaultQueueDir({}, 'C:\\Users\\Ada', win32), 'C:\\Users\\Ada\\.local\\state\\inferra\\provenance-queue');
      assert.equal(defaultQueueDir({ XDG_STATE_HOME: 'D:\\state' }, 'C:\\Users\\Ada', win32), 'D:\\state\\inferra\\provenance-queue');
      assert.equal(defaultQueueDir({}, '\\\\lab-server\\home\\ada', win32), '\\\\lab-server\\home\\ada\\.local\\state\\inferra\\provenance-queue');
      assert.equal(defaultQueueDir({}, '/home/ada', posix), '/home/ada/.local/state/inferra/provenance-queue');
    });

    it('writes entry, temp and rejected file names that Windows accepts, short enough for its 260-character paths', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'inferra-queue-names-'));
      try {
        const id = 'r'.repeat(100); // the longest id the queue takes
        const queue = new DiskQueue<{ n: number }>({ dir, send: async () => { throw new Error('refused'); }, classify: () => 'reject' });
        await queue.enqueue({ n: 1 }, id);
        const written = readdirSync(dir).filter((name) => name !== 'rejected');
        await queue.drain();
        await queue.close();
        const rejected = readdirSync(join(dir, 'rejected'));
        assert.equal(rejected.length, 2, 'the entry and its reason');
        // A long but ordinary Windows user folder.
        const windowsDir = defaultQueueDir({}, 'C:\\Users\\Ada Lovelace-Byron', win32);
        for (const name of [...written, ...rejected, '.tmp-123456-0123456789ab']) {
          assert.equal(windowsNameProblem(name), undefined, `'${name}' has ${windowsNameProblem(name)}`);
          assert.ok(win32.join(windowsDir, 'rejected', name).length < 260, `${name}: the full path is too long for Windows`);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

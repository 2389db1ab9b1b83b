/**
 * The dataset path policy (kernel/notebook/dataset-path.ts) as pure functions: containment with
 * posix and win32 rules (drive letters, case, UNC shares, `..` look-alikes), symlinks followed
 * through an injected realpath, and how paths are shown in files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import posix from 'node:path/posix';
import win32 from 'node:path/win32';
import { hidePaths, isInsideFolder, locateDataset, realpathLoose, samePath, sameFile, shownPath } from '../../../kernel/notebook/dataset-path.js';

describe('notebook/dataset-path: which files a notebook may read', () => {
  describe('isInsideFolder (posix)', () => {
    it('a file in the folder or below it is inside; the folder itself too', () => {
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj/data.csv', posix), true);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj/sub/deep/data.csv', posix), true);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj', posix), true);
      assert.equal(isInsideFolder('/home/u/proj/', '/home/u/proj/./x/../data.csv', posix), true);
    });
    it('parents, siblings and prefixes of the folder name are outside; "..name" files are inside', () => {
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/.config/inferra/supabase-session.json', posix), false);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u', posix), false);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj-other/data.csv', posix), false);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj/../proj2/x.csv', posix), false);
      assert.equal(isInsideFolder('/home/u/proj', '/etc/passwd', posix), false);
      assert.equal(isInsideFolder('/home/u/proj', '/home/u/proj/..data.csv', posix), true);
    });
    it('posix names are case-sensitive', () => {
      assert.equal(isInsideFolder('/home/u/Proj', '/home/u/proj/data.csv', posix), false);
    });
  });

  describe('isInsideFolder (win32)', () => {
    it('compares drive letters and names case-insensitively', () => {
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'c:\\users\\ann\\proj\\data.csv', win32), true);
      assert.equal(isInsideFolder('c:\\users\\ann\\proj', 'C:\\Users\\Ann\\PROJ\\Sub\\data.csv', win32), true);
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'C:/Users/Ann/Proj/data.csv', win32), true);
    });
    it('another drive, a parent, a sibling or a UNC share is outside', () => {
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'D:\\Users\\Ann\\Proj\\data.csv', win32), false);
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'C:\\Users\\Ann\\AppData\\Roaming\\inferra\\session.json', win32), false);
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'C:\\Users\\Ann\\Proj2\\data.csv', win32), false);
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', '\\\\server\\share\\data.csv', win32), false);
      assert.equal(isInsideFolder('C:\\Users\\Ann\\Proj', 'C:\\Users\\Ann\\Proj\\..\\secret.csv', win32), false);
    });
    it('samePath follows the same rules', () => {
      assert.equal(samePath('C:\\Proj\\Study.inferra', 'c:\\proj\\study.INFERRA', win32), true);
      assert.equal(samePath('/p/Study.inferra', '/p/study.inferra', posix), false);
      assert.equal(samePath('/p/./study.inferra', '/p/study.inferra', posix), true);
    });
  });

  describe('locateDataset with an injected realpath', () => {
    // A fake file system: /home/u/proj/link.csv -> /home/u/.ssh/id; /home/u/proj/out -> /tmp/x (a folder).
    const links: Record<string, string> = { '/home/u/proj/link.csv': '/home/u/.ssh/id', '/home/u/proj/out': '/tmp/x' };
    const existing = new Set(['/', '/home', '/home/u', '/home/u/proj', '/home/u/proj/data.csv', '/home/u/.ssh', '/home/u/.ssh/id', '/tmp', '/tmp/x']);
    const realpath = async (p: string) => {
      if (links[p]) return links[p];
      if (existing.has(p)) return p;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    const locate = (written: string) => locateDataset('/home/u/proj', written, { path: posix, realpath, home: '/home/u' });

    it('a plain relative path is inside; its shown path is relative', async () => {
      assert.deepEqual(await locate('data.csv'), { absolute: '/home/u/proj/data.csv', real: '/home/u/proj/data.csv', shown: 'data.csv', inside: true });
    });
    it('../ and absolute paths are outside, shown relative to the notebook', async () => {
      const config = await locate('../.config/inferra/supabase-session.json');
      assert.equal(config.inside, false);
      assert.equal(config.shown, '../.config/inferra/supabase-session.json');
      const absolute = await locate('/home/u/.config/inferra/supabase-session.json');
      assert.equal(absolute.inside, false);
      assert.equal(absolute.shown, '../.config/inferra/supabase-session.json');
    });
    it('a symlink inside the folder that points outside is outside (realpath)', async () => {
      const link = await locate('link.csv');
      assert.equal(link.inside, false);
      assert.equal(link.real, '/home/u/.ssh/id');
      assert.equal(link.shown, 'link.csv');
    });
    it('a file not there yet resolves through its nearest existing folder', async () => {
      assert.equal((await locate('out/new.csv')).real, '/tmp/x/new.csv');
      assert.equal((await locate('out/new.csv')).inside, false);
      assert.equal((await locate('missing.csv')).inside, true);
    });
    it('a path that leaves and comes back is inside', async () => {
      assert.equal((await locate('../proj/data.csv')).inside, true);
    });
    it('win32: drive letters and case as Windows compares them', async () => {
      const id = async (p: string) => p;
      const here = await locateDataset('C:\\Users\\Ann\\Proj', 'DATA\\penguins.csv', { path: win32, realpath: id, home: 'C:\\Users\\Ann' });
      assert.equal(here.inside, true);
      assert.equal(here.shown, 'DATA/penguins.csv');
      const other = await locateDataset('C:\\Users\\Ann\\Proj', 'd:\\exports\\x.csv', { path: win32, realpath: id, home: 'C:\\Users\\Ann' });
      assert.equal(other.inside, false);
      assert.equal(other.shown, 'd:\\exports\\x.csv');
      const upper = await locateDataset('C:\\Users\\Ann\\Proj', 'c:\\USERS\\ann\\proj\\x.csv', { path: win32, realpath: id, home: 'C:\\Users\\Ann' });
      assert.equal(upper.inside, true);
      const roaming = await locateDataset('C:\\Users\\Ann\\Proj', '..\\AppData\\Roaming\\inferra\\session.json', { path: win32, realpath: id, home: 'C:\\Users\\Ann' });
      assert.equal(roaming.inside, false);
      assert.equal(roaming.shown, '../AppData/Roaming/inferra/session.json');
    });
  });

  describe('on the real file system', () => {
    it('realpathLoose and sameFile see through symlinks and ./ variants', async () => {
      const dir = realpathSync(mkdtempSync(join(tmpdir(), 'inferra-paths-')));
      mkdirSync(join(dir, 'proj'));
      writeFileSync(join(dir, 'secret.json'), '{"token": "x"}');
      symlinkSync(join(dir, 'secret.json'), join(dir, 'proj', 'data.json'));
      assert.equal(await realpathLoose(join(dir, 'proj', 'data.json')), join(dir, 'secret.json'));
      assert.equal(await realpathLoose(join(dir, 'proj', 'nope', 'x.csv')), join(dir, 'proj', 'nope', 'x.csv'));
      assert.equal(await sameFile(join(dir, 'proj', 'data.json'), join(dir, 'secret.json')), true);
      assert.equal(await sameFile(join(dir, 'proj', '.', '..', 'secret.json'), join(dir, 'secret.json')), true);
      assert.equal(await sameFile(join(dir, 'proj', 'a.html'), join(dir, 'secret.json')), false);
      const located = await locateDataset(join(dir, 'proj'), 'data.json');
      assert.equal(located.inside, false);
    });
  });

  describe('paths in what is written', () => {
    it('shownPath: relative with /, another drive with the home folder as ~', () => {
      assert.equal(shownPath('/home/u/proj', '/home/u/proj/sub/x.csv', posix, '/home/u'), 'sub/x.csv');
      assert.equal(shownPath('/home/u/proj', '/home/u/x.csv', posix, '/home/u'), '../x.csv');
      assert.equal(shownPath('C:\\Users\\Ann\\Proj', 'D:\\x.csv', win32, 'C:\\Users\\Ann'), 'D:\\x.csv');
      assert.equal(shownPath('D:\\Proj', 'C:\\Users\\Ann\\x.csv', win32, 'C:\\Users\\Ann'), '~\\x.csv');
    });
    it('hidePaths replaces the dataset path, then the folder, then the home folder', () => {
      const text = "Dataset '/home/u/proj/missing.csv' does not exist; see /home/u/proj/sub/y.csv and /home/u/other/z.csv (home /home/u)";
      assert.equal(
        hidePaths(text, [['/home/u/proj/missing.csv', 'missing.csv']], '/home/u/proj', posix, '/home/u'),
        "Dataset 'missing.csv' does not exist; see sub/y.csv and ~/other/z.csv (home ~)",
      );
      assert.equal(hidePaths('/home/ann and /home/anna/x.csv', [], '/work/p', posix, '/home/ann'), '~ and /home/anna/x.csv');
      assert.equal(
        hidePaths('C:\\Users\\Ann\\Proj\\x.csv: IO Error', [], 'C:\\Users\\Ann\\Proj', win32, 'C:\\Users\\Ann'),
        'x.csv: IO Error',
      );
    });
  });
});

/**
 * Consent to read a dataset outside a notebook's folder (security review H2), without `vscode` so it
 * is tested in plain Node: the kernel asks through `DatasetConsent`; this module words the prompt,
 * remembers "Allow once" per notebook for this VS Code session only (never in the file), and asks
 * once when several cells want the same file at the same time. sessions.ts shows the modal.
 */
import type { DatasetConsent, OutsideDataset } from '../kernel/api.js';

/** The label of the button that allows the file (VS Code adds "Cancel" to modal prompts). */
export const ALLOW_ONCE = 'Allow once';

/** The modal prompt: what the notebook wants to read, where it really is, and why it asks. */
export interface ConsentPrompt {
  message: string;
  detail: string;
  allow: string;
}

/** The words of the prompt for one file of one notebook. */
export function consentPrompt(notebookName: string, dataset: OutsideDataset): ConsentPrompt {
  return {
    message: `${notebookName} wants to read a file outside its folder: ${dataset.path}`,
    detail:
      `The file is ${dataset.absolute}.\n\n` +
      'A notebook can name any file on your computer, and what it reads is shown in its outputs and saved into the notebook. ' +
      "Allow it only if you expected this notebook to use this file. Inferra remembers your answer for this notebook until you close it; it is not saved in the file.",
    allow: ALLOW_ONCE,
  };
}

/** Shows a prompt and resolves to the chosen button (undefined: cancelled). */
export type ShowPrompt = (prompt: ConsentPrompt) => Promise<string | undefined>;

/** Consents of the open notebooks, for this session of VS Code. */
export class OutsideDataConsents {
  private readonly allowed = new Map<string, Set<string>>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly show: ShowPrompt) {}

  /** The kernel's consent callback for one notebook (`key`: its URI; `name`: how the prompt names it). */
  callbackFor(key: string, name: string): DatasetConsent {
    return (dataset) => this.ask(key, name, dataset);
  }

  /** Whether a file was allowed for a notebook. */
  isAllowed(key: string, absolute: string): boolean {
    return this.allowed.get(key)?.has(absolute) ?? false;
  }

  /** Forgets a notebook's answers (it was closed). */
  forget(key: string): void {
    this.allowed.delete(key);
  }

  private ask(key: string, name: string, dataset: OutsideDataset): Promise<boolean> {
    if (this.isAllowed(key, dataset.absolute)) return Promise.resolve(true);
    const id = `${key}\n${dataset.absolute}`;
    const pending = this.asking.get(id);
    if (pending) return pending;
    const prompt = consentPrompt(name, dataset);
    const answer = this.show(prompt)
      .then((choice) => {
        const yes = choice === prompt.allow;
        if (yes) {
          let files = this.allowed.get(key);
          if (!files) this.allowed.set(key, (files = new Set()));
          files.add(dataset.absolute);
        }
        return yes;
      }, () => false)
      .finally(() => this.asking.delete(id));
    this.asking.set(id, answer);
    return answer;
  }
}

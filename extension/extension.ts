/** Inferra's VS Code entry point: builds the parts, registers them, logs how long that took. */
import type * as vscode from 'vscode';
import { buildExtension } from './build.js';

const loadedAt = performance.now();

/** Called by VS Code on the first Inferra notebook, renderer message or command. */
export function activate(context: vscode.ExtensionContext): { activationMs: number } {
  const started = performance.now();
  const { parts, log } = buildExtension(context);
  context.subscriptions.push(...parts);
  const activationMs = performance.now() - started;
  log(`activated in ${activationMs.toFixed(1)} ms (bundle evaluated ${(started - loadedAt).toFixed(1)} ms earlier)`);
  return { activationMs };
}

/** Nothing to do: every part is disposed through `context.subscriptions`. */
export function deactivate(): void {}

/** The "Inferra" output channel, as a line logger with timestamps. */
import * as vscode from 'vscode';

/** A line logger. */
export type Log = (line: string) => void;

/** Creates the output channel and a logger writing to it. */
export function createLog(): { channel: vscode.OutputChannel; log: Log } {
  const channel = vscode.window.createOutputChannel('Inferra');
  const log: Log = (line) => channel.appendLine(`[${new Date().toISOString().slice(11, 23)}] ${line}`);
  return { channel, log };
}

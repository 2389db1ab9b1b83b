/** The result renderer's stylesheet: VS Code theme variables only, no remote resources. */
export const RESULT_STYLE_ID = 'inferra-result-style';

/** CSS injected once per output document. */
export const RESULT_CSS = `
.inferra-result { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground); line-height: 1.45; padding: 2px 0 6px; }
.inferra-result .inf-decision { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline;
  color: var(--vscode-descriptionForeground); margin-bottom: 6px; }
.inferra-result .inf-variant { color: var(--vscode-foreground); font-weight: 600; }
.inferra-result .inf-badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.85em;
  border: 1px solid var(--vscode-contrastBorder, transparent); }
.inferra-result .inf-badge-llm { background: var(--vscode-statusBarItem-warningBackground, #b58900);
  color: var(--vscode-statusBarItem-warningForeground, #fff); font-weight: 600; }
.inferra-result .inf-restriction { color: var(--vscode-editorWarning-foreground, #b58900); font-weight: 600; }
.inferra-result .inf-badge-pin { background: var(--vscode-statusBarItem-warningBackground, #b58900);
  color: var(--vscode-statusBarItem-warningForeground, #fff); font-weight: 600; }
.inferra-result .inf-badge-ok { background: var(--vscode-testing-iconPassed, #388a34); color: var(--vscode-editor-background, #fff); }
.inferra-result .inf-badge-fail { background: var(--vscode-testing-iconFailed, #c72e0f); color: var(--vscode-editor-background, #fff); }
.inferra-result table.inf-table { border-collapse: collapse; margin: 4px 0 8px; min-width: 40%; }
.inferra-result table.inf-table caption { text-align: left; font-weight: 600; padding: 2px 0; }
.inferra-result table.inf-table th, .inferra-result table.inf-table td { padding: 2px 10px; text-align: left;
  font-variant-numeric: tabular-nums; }
.inferra-result table.inf-table thead th { border-top: 2px solid var(--vscode-foreground);
  border-bottom: 1px solid var(--vscode-foreground); font-weight: 600; }
.inferra-result table.inf-table tbody tr:last-child td { border-bottom: 2px solid var(--vscode-foreground); }
.inferra-result table.inf-table .inf-num { text-align: right; }
.inferra-result .inf-note { font-size: 0.9em; color: var(--vscode-descriptionForeground); font-style: italic; margin: -4px 0 8px; }
.inferra-result .inf-summary { display: flex; gap: 8px; align-items: flex-start; margin: 6px 0;
  padding: 6px 8px; border-left: 3px solid var(--vscode-textLink-foreground, #3794ff);
  background: var(--vscode-textBlockQuote-background, transparent); }
.inferra-result .inf-summary-text { flex: 1; user-select: text; }
.inferra-result button { font: inherit; cursor: pointer; color: var(--vscode-button-foreground);
  background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px; padding: 2px 10px; }
.inferra-result button:hover { background: var(--vscode-button-hoverBackground); }
.inferra-result button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.inferra-result button:disabled { opacity: 0.6; cursor: default; }
.inferra-result button.inf-secondary { color: var(--vscode-button-secondaryForeground);
  background: var(--vscode-button-secondaryBackground); }
.inferra-result .inf-checks { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; list-style: none; padding: 0; }
.inferra-result .inf-check { display: inline-flex; gap: 6px; align-items: baseline; padding: 1px 8px; border-radius: 3px;
  border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.inferra-result .inf-section-title { font-weight: 600; margin: 8px 0 2px; }
.inferra-result ul.inf-list { margin: 2px 0 6px; padding-left: 20px; }
.inferra-result .inf-warnings li { color: var(--vscode-editorWarning-foreground, inherit); }
.inferra-result .inf-message { padding: 8px 10px; border-radius: 3px; margin: 4px 0;
  border: 1px solid var(--vscode-inputValidation-infoBorder, #3794ff);
  background: var(--vscode-inputValidation-infoBackground, transparent); }
.inferra-result .inf-message-error { border-color: var(--vscode-inputValidation-errorBorder, #be1100);
  background: var(--vscode-inputValidation-errorBackground, transparent); }
.inferra-result .inf-code { font-family: var(--vscode-editor-font-family, monospace); font-size: 0.9em; opacity: 0.85; }
.inferra-result .inf-choices { display: flex; flex-direction: column; gap: 6px; margin: 6px 0; align-items: flex-start; }
.inferra-result .inf-choice-why { color: var(--vscode-descriptionForeground); font-size: 0.9em; margin-left: 4px; }
.inferra-result .inf-meta { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
`;

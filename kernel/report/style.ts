/** The report's stylesheet: light, readable, print-friendly; system fonts only (no remote resources). */
export const REPORT_CSS = `
:root { --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --soft: #f6f8fa; --accent: #0072B2; --bad: #b42318; --warn: #8a5a00; --good: #1a7f37; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body { margin: 0; color: var(--text); font: 15px/1.55 "Charter", "Georgia", "Cambria", "Times New Roman", serif; }
main { max-width: 820px; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
header { border-bottom: 2px solid var(--text); margin-bottom: 1.5rem; }
h1 { font: 700 1.9rem/1.2 "Helvetica Neue", Helvetica, Arial, sans-serif; margin: 0 0 .4rem; }
h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; line-height: 1.25; margin: 1.4em 0 .5em; }
h2 { font-size: 1.35rem; } h3 { font-size: 1.12rem; } h4, h5, h6 { font-size: 1rem; }
.meta, .muted, .sample, .note, figcaption { color: var(--muted); font-size: .88rem; }
code { font: .86em/1.4 "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; background: var(--soft); padding: .05em .3em; border-radius: 3px; }
pre { background: var(--soft); padding: .8rem 1rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
.link { color: var(--muted); font-size: .9em; }
.markdown table { margin: .8rem 0; }
.markdown blockquote { margin: .6rem 0; padding: 0 .9rem; border-left: 3px solid var(--rule); color: var(--muted); }
.markdown .math { overflow-x: auto; margin: .8rem 0; }
.katex { font-size: 1.1em; }
.cell { margin: 1.6rem 0; }
.cell.ask { border-top: 1px solid var(--rule); padding-top: 1rem; break-inside: avoid-page; }
.cell-head { font: 600 .8rem/1 "Helvetica Neue", Helvetica, Arial, sans-serif; color: var(--muted); }
.badge { display: inline-block; padding: .15em .55em; border-radius: 999px; border: 1px solid var(--rule); font-weight: 600; text-transform: uppercase; letter-spacing: .04em; font-size: .72rem; }
.badge-ok { color: var(--good); border-color: var(--good); }
.badge-error { color: var(--bad); border-color: var(--bad); }
.badge-llm { color: var(--warn); border-color: var(--warn); }
.badge-ambiguous, .badge-no_match { color: var(--accent); border-color: var(--accent); }
.question-box { border-left: 3px solid var(--accent); padding: .4rem .8rem; background: var(--soft); }
.badge-not-run { color: var(--muted); }
.badge-unreadable { color: var(--bad); border-color: var(--bad); }
.figure-refused { border: 1px dashed var(--rule); padding: .5rem .9rem; border-radius: 4px; }
.unreadable ul { margin: .2rem 0; padding-left: 1.2rem; }
blockquote.request { margin: .6rem 0; padding: .4rem .9rem; border-left: 4px solid var(--accent); background: var(--soft); font-style: italic; font-size: 1.05rem; }
dl.decision { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; font-size: .9rem; }
dl.decision dt { color: var(--muted); font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; }
dl.decision dd { margin: 0; }
.apa { font-size: 1.05rem; margin: .8rem 0; }
.table { margin: 1rem 0; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-title, .label { font: 600 .9rem/1.3 "Helvetica Neue", Helvetica, Arial, sans-serif; margin: .8rem 0 .3rem; }
table { border-collapse: collapse; font: .85rem/1.4 "Helvetica Neue", Helvetica, Arial, sans-serif; font-variant-numeric: tabular-nums; }
thead th { border-top: 1.5px solid var(--text); border-bottom: 1px solid var(--text); text-align: left; font-weight: 600; }
tbody tr:last-child td { border-bottom: 1.5px solid var(--text); }
th, td { padding: .25rem .7rem .25rem 0; vertical-align: top; }
.num { text-align: right; padding-left: .7rem; white-space: nowrap; }
.hash, .path { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .75rem; word-break: break-all; }
.checks ul, .warnings ul, .recommendations ul, .alternatives ol { margin: .2rem 0 .6rem; padding-left: 1.3rem; font-size: .9rem; }
.checks li { list-style: none; margin-left: -1.1rem; }
.checks .mark { display: inline-block; width: 1.1rem; font-weight: 700; }
.checks .ok .mark { color: var(--good); } .checks .failed .mark { color: var(--bad); }
.warnings li { color: var(--warn); }
.error-box { border: 1px solid var(--bad); border-left-width: 4px; background: #fef3f2; color: var(--bad); padding: .5rem .9rem; border-radius: 4px; }
.error-box p { margin: .2rem 0; }
figure { margin: 1.2rem 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
@media print { figure svg { max-width: 16cm; } }
figcaption { margin-top: .3rem; }
details { font-size: .88rem; color: var(--muted); }
.appendix { margin-top: 3rem; border-top: 2px solid var(--text); }
.appendix table { width: 100%; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .cell.ask { break-inside: auto; }
  figure, .table, blockquote.request { break-inside: avoid; }
  .appendix { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Help texts of the CLI, written for researchers (the role flags from cli/roles.ts). */
import { DESIGN_FLAG_HELP } from './design-options.js';
import { roleFlagsHelp } from './roles.js';

const designOptions = Object.values(DESIGN_FLAG_HELP).map((line) => `           ${line}`).join('\n');

export const MAIN_HELP = `inferra: statistics notebooks in plain language

Usage:
  inferra run NB.inferra [--out OUT.inferra] [--html REPORT.html] [--docx REPORT.docx] [--allow-llm] [--allow-outside-data]
  inferra verify NB.inferra [--json] [--allow-outside-data] [--against-supabase [--project NAME]]
  inferra history NB.inferra [--cell ID] [--json]
  inferra history --project NAME [--notebook ID] [--json]
  inferra describe DATA [--sheet NAME] [--json]
  inferra decide DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]
  inferra analyze DATA [--sheet NAME] --analysis ID [roles] [options] [--json]
  inferra ask DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]
  inferra export NB.inferra --html OUT.html | --docx OUT.docx

DATA is a .csv, .tsv, .txt, .json (records or JSON lines) or .parquet file, an Excel workbook (.xlsx;
--sheet NAME picks a sheet, default the first), an SPSS file (.sav: value labels become levels,
user-missing codes become missing) or a PostgreSQL table, postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE
(the analysis runs in the database; the password comes from PGPASSWORD or ~/.pgpass).
A load or analysis that takes more than a second shows its progress on stderr when that is a
terminal (--progress: also when it is not, one line per step); never on stdout.
Run 'inferra COMMAND --help' for a command's options.`;

export const COMMAND_HELP: Record<string, string> = {
  run: `inferra run NB.inferra [--out OUT.inferra] [--html REPORT.html] [--docx REPORT.docx] [--allow-llm] [--allow-outside-data]
  Runs every ask cell of the notebook headlessly and writes outputs and provenance into it
  (in place unless --out). A failing cell does not stop the others.
  Datasets outside the notebook's folder (../, absolute paths, links that lead out) are not read
  unless --allow-outside-data is given; those cells fail and name the file.
  --out must end in .inferra; --out, --html and --docx may not be the notebook's datasets, the reports not the notebook.
  --docx writes a Word report: APA sentences, tables as Word tables, figures as PNG at 300 dpi.
  Exit: 0 all cells ran; 1 a cell failed, was ambiguous or matched nothing; 2 bad usage or unreadable file.`,
  verify: `inferra verify NB.inferra [--json] [--allow-outside-data]
  Re-runs every cell with its pinned decision and compares with the recorded provenance.
  Datasets outside the notebook's folder are read only with --allow-outside-data.
  Prints one line per cell: reproduced / diverged / not-run / data-changed, or edited when the cell
  text or its stored outputs changed after the run (checked first; edited cells are not re-run).
  --against-supabase: also checks the team's record on Supabase (the notebook's project, metadata
  'supabase_project', or --project NAME): for each cell, whether a run of the project has the cell's
  latest record hash ("recorded by ... at ...") or not. Needs INFERRA_SUPABASE_URL and _ANON_KEY.
  Exit: 0 all reproduced (or not run); 1 any diverged, edited or data changed, or (with
  --against-supabase) a run cell the project has no record of; 2 unreadable notebook, unknown project.`,
  history: `inferra history NB.inferra [--cell ID] [--json]
  Lists each cell's chain of provenance records.
inferra history --project NAME [--notebook ID] [--json]
  Lists the runs recorded in a Supabase project you are a member of (NAME or its id), by notebook and
  cell: who recorded each, when, the analysis and the result digest. Needs INFERRA_SUPABASE_URL and
  INFERRA_SUPABASE_ANON_KEY (signed in with INFERRA_SUPABASE_EMAIL / _PASSWORD or a saved session).
  Exit: 0 listed; 2 Supabase not configured, or no project of yours has that name.`,
  describe: `inferra describe DATA [--sheet NAME] [--json]
  Prints the dataset's columns with their inferred kind, n, missing, distinct values and a summary.`,
  decide: `inferra decide DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]
  Runs the decision engine only. With --allow-llm and XAI_API_KEY set, asks Grok when no rule fits.
  Exit: 0 decided; 3 ambiguous or no match (the JSON lists the choices).`,
  analyze: `inferra analyze DATA [--sheet NAME] --analysis ID [roles] [options] [--json]
  Roles:   ${roleFlagsHelp('           ', 85).join('\n')}
  Rows:    --where "COL = VALUE" (repeatable; != also works)  --levels A,B (keep these, in order)
  Options: --alternative two-sided|less|greater  --conf-level 0.95  --mu 0  --intercept true|false
           --center median|mean  --correct true|false  --exact true|false|auto  --seed N
  Designs: ${designOptions.trimStart()}
  Repeated measures (long format, one row per subject and condition; --levels keeps conditions):
           --analysis anova_rm --outcome COL --within COL --subject COL  repeated-measures ANOVA with
           Mauchly's test; when it rejects sphericity (p < .05) the sentence reports the Greenhouse-Geisser
           correction (epsilon <= .75) or Huynh-Feldt (epsilon > .75); every p is in the table.
           --analysis friedman (same roles): Friedman's rank test.
  Without DATA: the power analyses need no data (inferra analyze --analysis power_ttest --effect-size 0.5
           --power 0.8); with DATA and roles they estimate the effect from the data as a pilot.
  Exit: 0 ok; 1 analysis error (JSON error object); 2 bad usage or unreadable file.`,
  ask: `inferra ask DATA [--sheet NAME] --prompt "TEXT" [--json] [--allow-llm]
  Decides, runs and draws, as one notebook cell would.
  Exit: 0 ok; 1 analysis error; 3 ambiguous or no match.`,
  export: `inferra export NB.inferra --html OUT.html | --docx OUT.docx
  Writes the HTML report (or the Word report) of the results stored in the notebook, without running it. Nothing the
  notebook names is read or contacted: a stored figure that refers to a file or web address is not drawn.
  Exit: 0 written; 2 bad usage (OUT must end in .html and differ from the notebook) or unreadable notebook.`,
};

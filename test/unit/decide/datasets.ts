/**
 * The datasets of the decision-engine tests: penguins (samples/) and R datasets exported by
 * test/reference/r/generate_decide_data.R, as schemas from the real `inferSchema` (kernel/data)
 * when it loads, else from the test's own CSV schema builder.
 */
import { fileURLToPath } from 'node:url';
import type { DatasetSchema } from '../../../kernel/types.js';
import { buildSchemaFromCsv } from './schema-builder.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Dataset name -> CSV path. */
export const DATASET_FILES: Record<string, string> = {
  penguins: `${root}samples/penguins.csv`,
  ToothGrowth: `${root}test/reference/data/ToothGrowth.csv`,
  mtcars: `${root}test/reference/data/mtcars.csv`,
  sleep: `${root}test/reference/data/sleep.csv`,
  sleep_wide: `${root}test/reference/data/sleep_wide.csv`,
  PlantGrowth: `${root}test/reference/data/PlantGrowth.csv`,
  iris: `${root}test/reference/data/iris.csv`,
  chickwts: `${root}test/reference/data/chickwts.csv`,
  InsectSprays: `${root}test/reference/data/InsectSprays.csv`,
  airquality: `${root}test/reference/data/airquality.csv`,
  faithful: `${root}test/reference/data/faithful.csv`,
  cars: `${root}test/reference/data/cars.csv`,
  women: `${root}test/reference/data/women.csv`,
  UCBAdmissions: `${root}test/reference/data/UCBAdmissions.csv`,
  Titanic: `${root}test/reference/data/Titanic.csv`,
  Performance: `${root}test/reference/data/Performance.csv`,
  RoundingTimes: `${root}test/reference/data/RoundingTimes.csv`,
  CO2: `${root}test/reference/data/blind/CO2.csv`,
  ChickWeight: `${root}test/reference/data/blind/ChickWeight.csv`,
  RmSpherical: `${root}test/reference/data/RmSpherical.csv`,
  infert: `${root}test/reference/data/infert.csv`,
  Indometh: `${root}test/reference/data/Indometh.csv`,
  DNase: `${root}test/reference/data/DNase.csv`,
  pressure: `${root}test/reference/data/pressure.csv`,
  Theoph: `${root}test/reference/data/Theoph.csv`,
  warpbreaks: `${root}test/reference/data/warpbreaks.csv`,
};

/** Which schema builder produced the schemas. */
export let schemaSource: 'inferSchema (kernel/data, DuckDB)' | 'test CSV builder' = 'test CSV builder';

/** Loads every dataset's schema, preferring the real inferSchema. */
export async function loadSchemas(): Promise<Record<string, DatasetSchema>> {
  const out: Record<string, DatasetSchema> = {};
  let infer: ((path: string) => Promise<DatasetSchema>) | undefined;
  try {
    const mod = (await import('../../../kernel/data/schema.js')) as { inferSchema?: (path: string) => Promise<DatasetSchema> };
    infer = mod.inferSchema;
  } catch {
    infer = undefined;
  }
  if (infer && process.env.INFERRA_DECIDE_SCHEMA !== 'builder') {
    try {
      for (const [name, path] of Object.entries(DATASET_FILES)) out[name] = await infer(path);
      schemaSource = 'inferSchema (kernel/data, DuckDB)';
      return out;
    } catch {
      // The data layer is still being written: fall back to the test builder.
    }
  }
  for (const [name, path] of Object.entries(DATASET_FILES)) out[name] = buildSchemaFromCsv(path);
  schemaSource = 'test CSV builder';
  return out;
}

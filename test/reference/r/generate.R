# Regenerates every R reference fixture of Inferra's tests, from the repository root:
#   Rscript test/reference/r/generate.R
# Needs R 4.x with jsonlite, e1071 and lmtest (Debian: r-base-core r-cran-jsonlite r-cran-e1071
# r-cran-lmtest). Each generator writes its own JSON next to it and exports the R datasets it uses to
# test/reference/data/; the fixtures are checked in, so the tests never need R.
here <- file.path("test", "reference", "r")
for (script in sort(list.files(here, pattern = "^generate_.*\\.R$"))) {
  message("== ", script)
  status <- system2("Rscript", file.path(here, script))
  if (status != 0) stop(script, " failed with status ", status)
}
message("All reference fixtures regenerated; run `npm test` and review `git diff test/reference`.")

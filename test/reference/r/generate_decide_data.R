# Exports the R datasets the decision-engine suite (test/unit/decide/suite.test.ts) builds schemas
# from. Run from the repository root: Rscript test/reference/r/generate_decide_data.R
# Other generators may write the same files with the same content; the output is deterministic.
out <- file.path("test", "reference", "data")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
save <- function(df, name) {
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "NA")
}
mt <- cbind(model = rownames(mtcars), mtcars)
rownames(mt) <- NULL
save(mt, "mtcars")
for (name in c("ToothGrowth", "sleep", "PlantGrowth", "iris", "chickwts", "InsectSprays",
               "airquality", "faithful", "cars", "women")) {
  save(get(name, envir = asNamespace("datasets")), name)
}
# Wide (one row per subject) form of sleep, for paired designs in wide format.
wide <- reshape(sleep, idvar = "ID", timevar = "group", direction = "wide")
names(wide) <- c("ID", "drug1", "drug2")
rownames(wide) <- NULL
save(wide, "sleep_wide")
# Datasets of the #16 principle cases (suite-cases.ts): repeated measurements over few time points or
# concentrations (Indometh, DNase, Theoph), a small measured table (pressure).
for (name in c("Indometh", "DNase", "pressure", "Theoph")) {
  df <- as.data.frame(get(name, envir = asNamespace("datasets")))
  for (col in names(df)) if (is.factor(df[[col]])) df[[col]] <- as.character(df[[col]])
  save(df, name)
}

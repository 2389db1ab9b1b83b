# Blind set 2026-12g: writes 15 datasets as plain CSV.
# Usage: Rscript generate_blind_2026_12g_data.R [OUTDIR]
suppressPackageStartupMessages({ library(MASS); library(carData) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12g"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(df, name, rowcol = NULL) {
  df <- as.data.frame(df)
  if (!is.null(rowcol)) { df <- cbind(setNames(data.frame(rownames(df), stringsAsFactors = FALSE), rowcol), df) }
  for (j in seq_along(df)) {
    if (is.factor(df[[j]])) df[[j]] <- as.character(df[[j]])
    if (inherits(df[[j]], "ts")) df[[j]] <- as.numeric(df[[j]])
  }
  rownames(df) <- NULL
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
# MASS
put(MASS::road, "road", rowcol = "state")
put(MASS::petrol, "petrol")
put(MASS::cement, "cement")
put(MASS::stormer, "stormer")
put(MASS::GAGurine, "GAGurine")
put(MASS::housing, "housing")
# carData
put(carData::Adler, "Adler")
put(carData::Ginzberg, "Ginzberg")
put(carData::Greene, "Greene")
put(carData::Highway1, "Highway1")
put(carData::KosteckiDillon, "KosteckiDillon")
put(carData::Soils, "Soils")
put(carData::WVS, "WVS")
put(carData::Sahlins, "Sahlins")
# datasets: quarter of the year as a decimal time (1962.25 = 1962 Q2)
fr <- datasets::freeny
fr$y <- as.numeric(fr$y)
fr <- cbind(quarter = as.numeric(rownames(fr)), fr)
rownames(fr) <- NULL
put(fr, "freeny")

# Writes the 14 datasets of the blind request set 2026-12f as plain CSV.
# Usage: Rscript generate_blind_2026_12f_data.R [OUTDIR]
suppressPackageStartupMessages({ library(MASS); library(carData) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12f"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(df, name, rowcol = NULL) {
  df <- as.data.frame(df)
  if (!is.null(rowcol)) { df <- cbind(setNames(data.frame(rownames(df), stringsAsFactors = FALSE), rowcol), df) }
  for (j in seq_along(df)) if (is.factor(df[[j]])) df[[j]] <- as.character(df[[j]])
  rownames(df) <- NULL
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
# MASS
put(MASS::ships, "ships")
put(MASS::cpus, "cpus")                 # 'name' already identifies each machine
put(MASS::UScrime, "UScrime")
put(MASS::OME, "OME")
# shoes is a list of two vectors (material A and B, same 10 boys): one row per boy, wide
put(data.frame(boy = seq_along(MASS::shoes$A), A = MASS::shoes$A, B = MASS::shoes$B), "shoes")
put(MASS::Traffic, "Traffic")
put(MASS::michelson, "michelson")
put(MASS::coop, "coop")
put(MASS::epil, "epil")
# carData
put(carData::Wells, "Wells")
put(carData::Pottery, "Pottery")
put(carData::Guyer, "Guyer")
put(carData::Ericksen, "Ericksen", rowcol = "area")
put(carData::Wool, "Wool")
# datasets
put(datasets::attenu, "attenu")
put(datasets::USJudgeRatings, "USJudgeRatings", rowcol = "judge")

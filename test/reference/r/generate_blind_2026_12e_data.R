# generate_blind_2026_12e_data.R
# Writes the 11 datasets of the blind decision set "blind-2026-12e" as plain CSV files
# (factors as text, unit row names kept as a column, numeric codes as R has them, NA as empty).
# Sources: MASS (Rabbit, genotype, mammals, leuk, Insurance, fgl), carData (Blackmore, Angell,
# Ornstein, Friendly, Leinhardt).
# Run: Rscript generate_blind_2026_12e_data.R [OUTDIR]   (default test/reference/data/blind-2026-12e)
suppressPackageStartupMessages({ library(MASS); library(carData) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12e"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(df, name, rowcol = NULL) {
  df <- as.data.frame(df)
  if (!is.null(rowcol)) { df <- cbind(setNames(data.frame(rownames(df), stringsAsFactors = FALSE), rowcol), df) }
  for (j in seq_along(df)) if (is.factor(df[[j]])) df[[j]] <- as.character(df[[j]])
  rownames(df) <- NULL
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
put(MASS::Rabbit, "Rabbit")
put(MASS::genotype, "genotype")
put(MASS::mammals, "mammals", "species")
put(MASS::leuk, "leuk")
put(MASS::Insurance, "Insurance")
put(MASS::fgl, "fgl")
put(carData::Blackmore, "Blackmore")
put(carData::Angell, "Angell", "city")
put(carData::Ornstein, "Ornstein")
put(carData::Friendly, "Friendly")
put(carData::Leinhardt, "Leinhardt", "country")

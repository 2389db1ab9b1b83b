# Shared by the generate_blind_2026_12{e,f,g,h}_data.R scripts: the folder to write into, and put(), which
# writes one dataset as a plain CSV (factors as text, time series as numbers, row names that identify units
# kept as a first column named `rowcol`, NA as empty).
# Usage, from a generator: source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "blind_csv.R"))
#                          out <- blind_out("test/reference/data/blind-2026-12x")
suppressPackageStartupMessages({ library(MASS); library(carData) })
blind_out <- function(default) {
  args <- commandArgs(trailingOnly = TRUE)
  out <- if (length(args) >= 1) args[1] else default
  dir.create(out, recursive = TRUE, showWarnings = FALSE)
  out
}
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

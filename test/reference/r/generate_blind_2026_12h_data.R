suppressPackageStartupMessages({ library(MASS); library(carData) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12h"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(df, name, rowcol = NULL) {
  df <- as.data.frame(df)
  if (!is.null(rowcol)) { df <- cbind(setNames(data.frame(rownames(df), stringsAsFactors = FALSE), rowcol), df) }
  for (j in seq_along(df)) if (is.factor(df[[j]])) df[[j]] <- as.character(df[[j]])
  rownames(df) <- NULL
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
put(MASS::menarche, "menarche")
put(MASS::Rubber, "Rubber")
put(MASS::muscle, "muscle")
put(MASS::minn38, "minn38")
put(MASS::Aids2, "Aids2")
put(carData::AMSsurvey, "AMSsurvey")
put(carData::CES11, "CES11")
put(carData::Chirot, "Chirot", "county")
put(carData::Florida, "Florida", "county")
put(carData::Freedman, "Freedman", "city")
put(carData::Hartnagel, "Hartnagel")
put(carData::Robey, "Robey", "country")
put(carData::States, "States", "state")
put(carData::Transact, "Transact")
put(carData::Wong, "Wong")

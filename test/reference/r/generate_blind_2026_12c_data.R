# generate_blind_2026_12c_data.R
# Writes the datasets of the blind decision set "blind-2026-12c" as plain CSV files, one per dataset.
# Sources: R packages MASS, carData and datasets (R 4.2). Factors are exported as text, numeric codes
# (0/1, 1/2/3) stay numbers exactly as R stores them, NA is written as an empty cell, and row names are
# kept as a column when they name the unit (cereal, occupation, patient).
# Reshaped: WeightLoss is written in long format (one row per subject and month), HairEyeColor is
# expanded to one row per person.
# Run:  Rscript generate_blind_2026_12c_data.R [OUTDIR]   (default test/reference/data/blind-2026-12c)
suppressPackageStartupMessages({ library(MASS); library(carData) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12c"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

put <- function(df, name) {
  df <- as.data.frame(df, stringsAsFactors = FALSE)
  for (j in seq_along(df)) if (is.factor(df[[j]])) df[[j]] <- as.character(df[[j]])
  rownames(df) <- NULL
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
  cat(sprintf("%-14s %5d rows %3d cols\n", name, nrow(df), ncol(df)))
}
with_names <- function(df, col) { d <- data.frame(rownames(df), df, check.names = FALSE); names(d)[1] <- col; d }

put(MASS::Boston, "Boston")
put(MASS::crabs, "crabs")
put(MASS::cabbages, "cabbages")
put(MASS::biopsy, "biopsy")
put(MASS::Melanoma, "Melanoma")
put(with_names(MASS::UScereal, "cereal"), "UScereal")
put(MASS::whiteside, "whiteside")
put(MASS::immer, "immer")
put(with_names(MASS::Cushings, "patient"), "Cushings")
put(carData::Mroz, "Mroz")
put(carData::Chile, "Chile")
put(carData::Arrests, "Arrests")
put(with_names(carData::Duncan, "occupation"), "Duncan")
put(carData::OBrienKaiser, "OBrienKaiser")

wl <- carData::WeightLoss
wl$id <- seq_len(nrow(wl))
long <- do.call(rbind, lapply(1:3, function(m) data.frame(id = wl$id, group = wl$group, month = m,
  wl = wl[[paste0("wl", m)]], se = wl[[paste0("se", m)]])))
long <- long[order(long$id, long$month), ]
put(long, "WeightLoss")

hec <- as.data.frame(datasets::HairEyeColor)
hec <- hec[rep(seq_len(nrow(hec)), hec$Freq), c("Hair", "Eye", "Sex")]
put(hec, "HairEyeColor")

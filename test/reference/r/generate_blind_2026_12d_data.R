# generate_blind_2026_12d_data.R
# Writes the 12 datasets of the blind decision set "blind-2026-12d" as plain CSV files
# (one per dataset): MASS oats, hills, nlschools, Sitka, snails; carData Moore, Cowles,
# Womenlf, SLID, UN; datasets beaver1 and VADeaths (reshaped to long format).
# Factors are written as text, numeric codes (0/1, 1/2/3) stay numbers as R has them,
# row names are kept as a column when they name the unit, NA is written as an empty field.
#
# Run:  Rscript generate_blind_2026_12d_data.R [OUTDIR]
#       (OUTDIR defaults to test/reference/data/blind-2026-12d)
suppressPackageStartupMessages({ library(MASS); library(carData) })

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "test/reference/data/blind-2026-12d"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

save <- function(df, name) {
  for (v in names(df)) if (is.factor(df[[v]])) df[[v]] <- as.character(df[[v]])
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}

save(MASS::oats, "oats")
save(data.frame(race = rownames(MASS::hills), MASS::hills, row.names = NULL), "hills")
# nlschools: COMB is a factor with levels "0"/"1"; keep it as the number R shows
nl <- MASS::nlschools; nl$COMB <- as.integer(as.character(nl$COMB))
save(nl, "nlschools")
save(MASS::Sitka, "Sitka")
save(MASS::snails, "snails")
save(carData::Moore, "Moore")
save(carData::Cowles, "Cowles")
save(carData::Womenlf, "Womenlf")
save(carData::SLID, "SLID")
save(data.frame(country = rownames(carData::UN), carData::UN, row.names = NULL), "UN")
save(datasets::beaver1, "beaver1")
# VADeaths: 5 age groups x 4 populations (rural/urban x male/female), death rate per 1000
va <- datasets::VADeaths
pop <- colnames(va)
vad <- data.frame(
  age = rep(rownames(va), times = ncol(va)),
  residence = rep(sub(" .*", "", pop), each = nrow(va)),
  sex = rep(sub(".* ", "", pop), each = nrow(va)),
  rate = as.vector(va)
)
save(vad, "VADeaths")

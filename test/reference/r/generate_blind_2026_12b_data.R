# The datasets of the second blind decision set of issue #16 (test/unit/decide/blind-2026-12b.json),
# written by a helper who had not read the rules, over MASS, carData and base R datasets no suite had
# used; exported as plain CSV (factors as text; row names kept as a column where they name the unit).
# Run from the repository root: Rscript test/reference/r/generate_blind_2026_12b_data.R
suppressMessages({library(MASS); library(carData)})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args)) args[1] else "test/reference/data/blind-2026-12b"
w <- function(df, name) {
  df[] <- lapply(df, function(x) if (is.factor(x)) as.character(x) else x)
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE)
}
# MASS
bw <- birthwt; bw$race <- as.integer(bw$race); w(bw, "birthwt")        # low/smoke/ht/ui 0/1, race 1/2/3 coded
w(anorexia, "anorexia")
w(survey, "survey")
w(cats, "cats")
c93 <- Cars93[, c("Manufacturer","Model","Type","Price","MPG.city","MPG.highway","AirBags","DriveTrain","Cylinders","EngineSize","Horsepower","Origin","Weight")]
w(c93, "Cars93")
w(quine, "quine")
w(Pima.tr, "Pima.tr")
p <- painters; p <- cbind(painter = rownames(painters), p); w(p, "painters")
# carData
pr <- Prestige; pr <- cbind(occupation = rownames(Prestige), pr); w(pr, "Prestige")
w(Salaries, "Salaries")
w(TitanicSurvival, "TitanicSurvival")
w(Davis, "Davis")
w(Baumann, "Baumann")
# base
w(Indometh[order(Indometh$Subject, Indometh$time), ], "Indometh")
sx <- as.data.frame(state.x77); names(sx) <- make.names(names(sx))
sx <- cbind(state = rownames(state.x77), region = as.character(state.region), sx); w(sx, "state")

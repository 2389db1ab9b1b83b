# The datasets of the blind decision set of issue #16 (test/unit/decide/blind-2026-12.json), exported
# from R's datasets package as plain CSV (factors as text; row names kept as a column where they name
# the unit). Run from the repository root: Rscript test/reference/r/generate_blind_data.R
args <- commandArgs(trailingOnly = TRUE)
d <- if (length(args)) args[1] else "test/reference/data/blind/"
w <- function(x, name) write.csv(x, paste0(d, name, ".csv"), row.names = FALSE)
defac <- function(df) { df <- as.data.frame(df); for (n in names(df)) if (is.factor(df[[n]])) df[[n]] <- as.character(df[[n]]); attributes(df)[setdiff(names(attributes(df)), c("names","row.names","class"))] <- NULL; class(df) <- "data.frame"; df }
w(defac(datasets::esoph), "esoph")
w(defac(datasets::ChickWeight), "ChickWeight")
w(defac(datasets::Orange), "Orange")
w(datasets::trees, "trees")
w(cbind(province = rownames(swiss), swiss), "swiss")
w(cbind(state = rownames(USArrests), USArrests), "USArrests")
w(datasets::attitude, "attitude")
w(datasets::quakes, "quakes")
w(defac(datasets::warpbreaks), "warpbreaks")
w(defac(datasets::npk), "npk")
w(datasets::stackloss, "stackloss")
w(cbind(country = rownames(LifeCycleSavings), LifeCycleSavings), "LifeCycleSavings")
w(defac(datasets::CO2), "CO2")
w(defac(datasets::Loblolly), "Loblolly")
w(defac(datasets::infert), "infert")
w(datasets::morley, "morley")
w(defac(datasets::OrchardSprays), "OrchardSprays")
w(datasets::rock, "rock")
w(datasets::longley, "longley")
w(defac(datasets::Puromycin), "Puromycin")

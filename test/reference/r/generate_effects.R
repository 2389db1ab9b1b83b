#!/usr/bin/env Rscript
# Reference values for Inferra's effect sizes with intervals and the reporting added for issue #18
# (S6, S7, S8, S11, S12): test/unit/analyses/effects.test.ts.
# Run from the repository root:  Rscript test/reference/r/generate_effects.R
# Writes test/reference/r/effects.json (17 significant digits). Needs base R, jsonlite and car.
#
# Debian has no `effectsize` package, so its formulas are written here in base R:
# - eta^2 / omega^2 intervals (effectsize::F_to_eta2 / F_to_omega2, "ncp" method): the F implied by
#   the estimate, F_es = (es / df1) / ((1 - es) / df2), is inverted in the noncentrality of the F
#   distribution; a bound lambda becomes lambda / (lambda + df2). Two-sided at the confidence level;
#   a bound is 0 when F_es is at or below the matching central-F quantile. effectsize searches with
#   optim(abstol = 1e-9); here the root is solved with uniroot(tol = 1e-13) on a noncentral F CDF
#   summed as a Poisson mixture of pbeta (below), which is exact to rounding, while R's pf(ncp = )
#   stops at an error of 1e-9 (nmath/pnbeta.c, errmax). The script checks that both CDFs agree.
# - Welch's ANOVA: omega^2 from Welch's F and its (fractional) df, as effectsize::omega_squared on
#   an oneway.test object: (F - 1) df1 / (F df1 + df2 + 1), interval as above.
# - Spearman rho: Fisher z with the Bonett-Wright SE sqrt((1 + rho^2 / 2) / (n - 3)); Kendall tau:
#   Fisher z with the Fieller SE sqrt(0.437 / (n - 4)); rank-biserial r: Fisher z with SE
#   sqrt((n1 + n2 + 1) / (3 n1 n2)) (rank-sum) or sqrt((2n^3 + 3n^2 + n) / 6) / (n (n + 1) / 2)
#   (signed-rank, n non-zero differences), as effectsize::rank_biserial.
suppressPackageStartupMessages({
  library(jsonlite)
  library(car)
})

data_dir <- "test/reference/data"
read <- function(name) {
  path <- if (name == "penguins") "samples/penguins.csv" else file.path(data_dir, paste0(name, ".csv"))
  read.csv(path, stringsAsFactors = FALSE, na.strings = "NA")
}
penguins <- read("penguins")
fin <- function(x) if (is.finite(x)) x else NULL

cases <- list()
add_case <- function(id, analysis, dataset, roles, options, expected, data = NULL) {
  case <- list(id = id, analysis = analysis, dataset = dataset, roles = roles, options = options, expected = expected)
  if (!is.null(data)) case$data <- data
  cases[[length(cases) + 1]] <<- case
}
opts <- function(alternative = "two-sided", confLevel = 0.95, ...) c(list(alternative = alternative, confLevel = confLevel), list(...))
r_alt <- function(alt) sub("two-sided", "two.sided", alt)

# ---------------------------------------------------------------- noncentral F
source("test/reference/r/noncentral_f.R")

anova_case <- function(id, dataset, outcome, group, conf = 0.95, keep = NULL) {
  df <- read(dataset)
  df <- df[!is.na(df[[outcome]]) & !is.na(df[[group]]), ]
  if (!is.null(keep)) df <- df[as.character(df[[group]]) %in% keep, ]
  y <- df[[outcome]]; g <- factor(df[[group]])
  a <- anova(lm(y ~ g))
  dfb <- a$Df[1]; dfw <- a$Df[2]; fval <- a$`F value`[1]
  eta2 <- a$`Sum Sq`[1] / sum(a$`Sum Sq`)
  omega2 <- (fval - 1) * dfb / (fval * dfb + dfw + 1)
  ce <- pve_ci(eta2, dfb, dfw, conf); co <- pve_ci(max(0, omega2), dfb, dfw, conf)
  o <- opts(confLevel = conf)
  if (!is.null(keep)) o$levels <- keep
  add_case(id, "anova_oneway", dataset, list(outcome = outcome, group = group), o, list(
    etaSquared = eta2, etaSquaredCiLow = ce[1], etaSquaredCiHigh = ce[2],
    omegaSquared = omega2, omegaSquaredCiLow = co[1], omegaSquaredCiHigh = co[2]))
  w <- oneway.test(y ~ g)
  wf <- unname(w$statistic); d1 <- unname(w$parameter[1]); d2 <- unname(w$parameter[2])
  womega <- (wf - 1) * d1 / (wf * d1 + d2 + 1)
  cw <- pve_ci(max(0, womega), d1, d2, conf)
  add_case(sub("^anova", "welch", id), "welch_anova", dataset, list(outcome = outcome, group = group), o, list(
    f = wf, df1 = d1, df2 = d2, omegaSquared = womega, omegaSquaredCiLow = cw[1], omegaSquaredCiHigh = cw[2]))
}
anova_case("anova-plantgrowth", "PlantGrowth", "weight", "group")
anova_case("anova-penguins-mass-species", "penguins", "body_mass_g", "species")
anova_case("anova-insectsprays-90", "InsectSprays", "count", "spray", conf = 0.9)
anova_case("anova-toothgrowth-supp-ns", "ToothGrowth", "len", "supp")
anova_case("anova-plantgrowth-ctrl-trt1-ns", "PlantGrowth", "weight", "group", keep = c("ctrl", "trt1"))

# ---------------------------------------------------------------- rank correlations
fisher_ci <- function(r, se, conf, alt) {
  z <- atanh(r)
  switch(alt,
    "two-sided" = tanh(z + c(-1, 1) * qnorm(1 - (1 - conf) / 2) * se),
    greater = c(tanh(z - qnorm(conf) * se), 1),
    less = c(-1, tanh(z + qnorm(conf) * se)))
}
cor_case <- function(id, method, dataset, x, y, alt = "two-sided", conf = 0.95) {
  df <- read(dataset)
  ok <- complete.cases(df[[x]], df[[y]])
  n <- sum(ok)
  r <- suppressWarnings(cor.test(df[[x]][ok], df[[y]][ok], method = method, alternative = r_alt(alt), exact = FALSE))
  est <- unname(r$estimate)
  se <- if (method == "spearman") sqrt((1 + est^2 / 2) / (n - 3)) else sqrt(0.437 / (n - 4))
  ci <- fisher_ci(est, se, conf, alt)
  add_case(id, method, dataset, list(x = x, y = y), opts(alt, conf), list(estimate = est, n = n, ciLow = ci[1], ciHigh = ci[2]))
}
cor_case("spearman-mtcars-mpg-hp", "spearman", "mtcars", "mpg", "hp")
cor_case("kendall-mtcars-mpg-hp", "kendall", "mtcars", "mpg", "hp")
cor_case("spearman-penguins-bill-90", "spearman", "penguins", "bill_length_mm", "bill_depth_mm", conf = 0.9)
cor_case("kendall-penguins-bill-less", "kendall", "penguins", "bill_length_mm", "bill_depth_mm", "less")
cor_case("spearman-mtcars-wt-qsec-greater", "spearman", "mtcars", "wt", "qsec", "greater")

# ---------------------------------------------------------------- rank-biserial
mw_case <- function(id, dataset, outcome, group, lv, alt = "two-sided", conf = 0.95) {
  df <- read(dataset)
  keep <- !is.na(df[[outcome]]) & !is.na(df[[group]])
  x <- df[[outcome]][keep & as.character(df[[group]]) == lv[1]]
  y <- df[[outcome]][keep & as.character(df[[group]]) == lv[2]]
  w <- unname(suppressWarnings(wilcox.test(x, y))$statistic)
  n1 <- length(x); n2 <- length(y)
  rrb <- 2 * w / (n1 * n2) - 1
  ci <- fisher_ci(rrb, sqrt((n1 + n2 + 1) / (3 * n1 * n2)), conf, alt)
  o <- opts(alt, conf)
  if (length(unique(df[[group]][keep])) != 2) o$levels <- lv
  add_case(id, "mann_whitney", dataset, list(outcome = outcome, group = group), o, list(
    statistic = w, rankBiserial = rrb, rankBiserialCiLow = ci[1], rankBiserialCiHigh = ci[2]))
}
mw_case("mw-toothgrowth-supp", "ToothGrowth", "len", "supp", c("OJ", "VC"))
mw_case("mw-chick-casein-horsebean-90", "chickwts", "weight", "feed", c("casein", "horsebean"), conf = 0.9)
mw_case("mw-penguins-flipper-sex-greater", "penguins", "flipper_length_mm", "sex", c("female", "male"), "greater")

sr_case <- function(id, dataset, roles, d, mu = 0, alt = "two-sided", conf = 0.95) {
  d <- d - mu
  v <- unname(suppressWarnings(wilcox.test(d))$statistic)
  n <- sum(d != 0)
  rrb <- 2 * v / (n * (n + 1) / 2) - 1
  ci <- fisher_ci(rrb, sqrt((2 * n^3 + 3 * n^2 + n) / 6) / (n * (n + 1) / 2), conf, alt)
  add_case(id, "wilcoxon_signed_rank", dataset, roles, opts(alt, conf, mu = mu), list(
    statistic = v, rankBiserial = rrb, rankBiserialCiLow = ci[1], rankBiserialCiHigh = ci[2]))
}
pg <- read("PlantGrowth")
pg_wide <- data.frame(ctrl = pg$weight[pg$group == "ctrl"], trt2 = pg$weight[pg$group == "trt2"])
sr_case("sr-plant-wide", "PlantGrowth-wide", list(before = "ctrl", after = "trt2"), pg_wide$ctrl - pg_wide$trt2)
women <- read("women")
sr_case("sr-women-mu139-zero", "women", list(column = "weight"), women$weight, mu = 139)
ir <- read("iris")
sr_case("sr-iris-wide-less-90", "iris", list(before = "Sepal.Length", after = "Petal.Length"), ir$Sepal.Length - ir$Petal.Length, mu = 2.5, alt = "less", conf = 0.9)
cases[[length(cases)]]$data <- NULL
cases <- lapply(cases, function(c) {
  if (c$dataset == "PlantGrowth-wide") {
    c$data <- list(list(name = "ctrl", kind = "numeric", values = pg_wide$ctrl), list(name = "trt2", kind = "numeric", values = pg_wide$trt2))
  }
  c
})

# ---------------------------------------------------------------- d_av (t-tests)
sleep <- read("sleep")
s1 <- sleep$extra[sleep$group == 1]; s2 <- sleep$extra[sleep$group == 2]
add_case("paired-sleep-dav", "ttest_paired", "sleep", list(outcome = "extra", group = "group", pairId = "ID"), opts(), list(
  cohensD = mean(s1 - s2) / sd(s1 - s2), cohensDAv = mean(s1 - s2) / ((sd(s1) + sd(s2)) / 2)))
add_case("paired-iris-wide-dav-mu", "ttest_paired", "iris", list(before = "Sepal.Length", after = "Petal.Length"), opts(mu = 2), list(
  cohensDAv = (mean(ir$Sepal.Length - ir$Petal.Length) - 2) / ((sd(ir$Sepal.Length) + sd(ir$Petal.Length)) / 2)))
welch_dav <- function(id, analysis, dataset, outcome, group, lv) {
  df <- read(dataset)
  keep <- !is.na(df[[outcome]]) & !is.na(df[[group]])
  x <- df[[outcome]][keep & as.character(df[[group]]) == lv[1]]
  y <- df[[outcome]][keep & as.character(df[[group]]) == lv[2]]
  add_case(id, analysis, dataset, list(outcome = outcome, group = group), opts(), list(
    cohensDAv = (mean(x) - mean(y)) / sqrt((var(x) + var(y)) / 2)))
}
welch_dav("welch-penguins-flipper-sex-dav", "ttest_welch", "penguins", "flipper_length_mm", "sex", c("female", "male"))
welch_dav("welch-toothgrowth-supp-dav", "ttest_welch", "ToothGrowth", "len", "supp", c("OJ", "VC"))
welch_dav("student-toothgrowth-supp-dav", "ttest_ind", "ToothGrowth", "len", "supp", c("OJ", "VC"))

# ---------------------------------------------------------------- OLS: Type II table and interaction
ols_case <- function(id, dataset, outcome, numeric_term, factor_term, conf = 0.95) {
  df <- read(dataset)
  df <- df[complete.cases(df[, c(outcome, numeric_term, factor_term)]), ]
  df[[factor_term]] <- factor(df[[factor_term]])
  f0 <- lm(as.formula(paste(outcome, "~", numeric_term, "+", factor_term)), df)
  f1 <- lm(as.formula(paste(outcome, "~", numeric_term, "*", factor_term)), df)
  a2 <- car::Anova(f0, type = 2)
  inter <- anova(f0, f1)
  ci <- confint(f0, level = conf)[numeric_term, ]
  add_case(id, "ols", dataset, list(outcome = outcome, predictors = c(numeric_term, factor_term)), opts(confLevel = conf), list(
    typeII = lapply(seq_len(nrow(a2) - 1), function(i) list(term = rownames(a2)[i], ss = a2$`Sum Sq`[i], df = a2$Df[i], f = a2$`F value`[i], pValue = a2$`Pr(>F)`[i])),
    residualSs = a2$`Sum Sq`[nrow(a2)], residualDf = a2$Df[nrow(a2)],
    interaction = list(numeric = numeric_term, factor = factor_term, df1 = inter$Df[2], df2 = inter$Res.Df[2], f = inter$F[2], pValue = inter$`Pr(>F)`[2]),
    focus = list(term = numeric_term, estimate = unname(coef(f0)[numeric_term]), ciLow = unname(ci[1]), ciHigh = unname(ci[2])),
    referenceLevel = levels(df[[factor_term]])[1]))
}
ols_case("ols-penguins-mass-flipper-species", "penguins", "body_mass_g", "flipper_length_mm", "species")
ols_case("ols-toothgrowth-len-dose-supp-90", "ToothGrowth", "len", "dose", "supp", conf = 0.9)

# ---------------------------------------------------------------- 2 x 2: odds ratio and risk difference
# Odds ratio n11 n22 / (n12 n21) (odds of the first column level, first row level vs second) with
# Woolf's log-OR interval; risk difference p1 - p2 of the first column level with Newcombe's hybrid
# score interval (method 10), from the Wilson intervals that prop.test(correct = FALSE) gives.
two_by_two <- function(id, analysis, dataset, row, col, conf = 0.95, data = NULL) {
  df <- if (is.null(data)) read(dataset) else data
  tab <- table(factor(df[[row]]), factor(df[[col]]))
  n11 <- tab[1, 1]; n12 <- tab[1, 2]; n21 <- tab[2, 1]; n22 <- tab[2, 2]
  or <- (n11 * n22) / (n12 * n21)
  se <- sqrt(1 / n11 + 1 / n12 + 1 / n21 + 1 / n22)
  z <- qnorm(1 - (1 - conf) / 2)
  m1 <- n11 + n12; m2 <- n21 + n22
  p1 <- n11 / m1; p2 <- n21 / m2
  w1 <- prop.test(n11, m1, conf.level = conf, correct = FALSE)$conf.int
  w2 <- prop.test(n21, m2, conf.level = conf, correct = FALSE)$conf.int
  rd <- p1 - p2
  expected <- list(
    oddsRatio = unname(or), oddsRatioCiLow = unname(exp(log(or) - z * se)), oddsRatioCiHigh = unname(exp(log(or) + z * se)),
    riskDifference = unname(rd),
    riskDifferenceCiLow = unname(rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)),
    riskDifferenceCiHigh = unname(rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
  if (analysis == "chi2_independence") expected$statistic <- unname(suppressWarnings(chisq.test(tab))$statistic)
  # fisher_exact keeps R's conditional-MLE odds ratio (tested elsewhere); it adds the risk difference.
  if (analysis == "fisher_exact") expected[c("oddsRatio", "oddsRatioCiLow", "oddsRatioCiHigh")] <- NULL
  columns <- if (is.null(data)) NULL else list(
    list(name = row, kind = "categorical", values = as.character(df[[row]])),
    list(name = col, kind = "categorical", values = as.character(df[[col]])))
  add_case(id, analysis, dataset, list(row = row, col = col), opts(confLevel = conf), expected, columns)
}
two_by_two("chi2-mtcars-am-vs", "chi2_independence", "mtcars", "am", "vs")
two_by_two("fisher-mtcars-am-vs-90", "fisher_exact", "mtcars", "am", "vs", conf = 0.9)
trial <- data.frame(
  arm = rep(c("drug", "placebo"), c(50, 50)),
  outcome = c(rep(c("improved", "not improved"), c(35, 15)), rep(c("improved", "not improved"), c(21, 29))))
two_by_two("chi2-constructed-trial", "chi2_independence", "constructed", "arm", "outcome", data = trial)

# ---------------------------------------------------------------- write
stopifnot(abs(pnf(3, 2, 27, 5) - pf(3, 2, 27, 5)) < 1e-9)
# The noncentral F CDF itself, at small and large noncentrality (R's pf(ncp = ) agrees to its 1e-9).
pnf_points <- list(c(3, 2, 27, 5), c(0.5, 3, 20, 0.7), c(343.63, 2, 339, 600), c(1.2, 5, 17.13, 30), c(5100, 2, 1e6, 10000), c(2, 1, 10, 0.01))
pnf_cases <- lapply(pnf_points, function(v) list(f = v[1], df1 = v[2], df2 = v[3], ncp = v[4], p = pnf(v[1], v[2], v[3], v[4]), pf = pf(v[1], v[2], v[3], v[4])))
out <- list(rVersion = R.version.string, cases = cases, pnf = pnf_cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), "test/reference/r/effects.json")
message("Wrote test/reference/r/effects.json with ", length(cases), " cases")

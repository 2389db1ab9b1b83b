# Reference values for the second-round designs (test/unit/analyses/designs.test.ts):
# var_test, mood_test, ks_test, mantel_haenszel, binomial_test, prop_test, mcnemar, chi2_gof and the
# power analyses.
# Run from the repository root: Rscript test/reference/r/generate_designs.R
# Writes test/reference/r/designs.json (full precision) and test/reference/data/UCBAdmissions.csv
# Titanic.csv (the UCBAdmissions and Titanic tables, one row per person) and Performance.csv (the
# 2 x 2 approval table of R's mcnemar.test example, one row per person) and RoundingTimes.csv (the
# base-running times of friedman.test's example, long format). Reads the CSV files the other generators export.
suppressPackageStartupMessages(library(jsonlite))
out <- file.path("test", "reference", "data")
ucb <- as.data.frame(UCBAdmissions)
ucb <- ucb[rep(seq_len(nrow(ucb)), ucb$Freq), c("Admit", "Gender", "Dept")]
rownames(ucb) <- NULL
write.csv(ucb, file.path(out, "UCBAdmissions.csv"), row.names = FALSE)
titanic <- as.data.frame(Titanic)
titanic <- titanic[rep(seq_len(nrow(titanic)), titanic$Freq), c("Class", "Sex", "Age", "Survived")]
rownames(titanic) <- NULL
write.csv(titanic, file.path(out, "Titanic.csv"), row.names = FALSE)
# Agresti's presidential-approval example of mcnemar.test: 1600 people surveyed twice.
performance <- data.frame(
  person = seq_len(1600),
  survey1 = rep(c("approve", "approve", "disapprove", "disapprove"), c(794, 150, 86, 570)),
  survey2 = rep(c("approve", "disapprove", "approve", "disapprove"), c(794, 150, 86, 570)))
write.csv(performance, file.path(out, "Performance.csv"), row.names = FALSE)
# Hollander & Wolfe's base-running times of friedman.test's example: 22 players, 3 methods, long format.
rt <- matrix(c(5.40, 5.50, 5.55, 5.85, 5.70, 5.75, 5.20, 5.60, 5.50, 5.55, 5.50, 5.40, 5.90, 5.85, 5.70,
               5.45, 5.55, 5.60, 5.40, 5.40, 5.35, 5.45, 5.50, 5.35, 5.25, 5.15, 5.00, 5.85, 5.80, 5.70,
               5.25, 5.20, 5.10, 5.65, 5.55, 5.45, 5.60, 5.35, 5.45, 5.05, 5.00, 4.95, 5.50, 5.50, 5.40,
               5.45, 5.55, 5.50, 5.55, 5.55, 5.35, 5.45, 5.50, 5.55, 5.50, 5.45, 5.25, 5.65, 5.60, 5.40,
               5.70, 5.65, 5.55, 6.30, 6.30, 6.25), nrow = 22, byrow = TRUE)
rounding <- data.frame(player_id = rep(1:22, 3), method = rep(c("round_out", "narrow_angle", "wide_angle"), each = 22), time = as.vector(rt))
write.csv(rounding, file.path(out, "RoundingTimes.csv"), row.names = FALSE)

read <- function(file) read.csv(file, stringsAsFactors = FALSE, na.strings = "NA")
paths <- c(
  penguins = "samples/penguins.csv",
  mtcars = file.path(out, "mtcars.csv"),
  sleep = file.path(out, "sleep.csv"),
  iris = file.path(out, "iris.csv"),
  faithful = file.path(out, "faithful.csv"),
  airquality = file.path(out, "airquality.csv"),
  PlantGrowth = file.path(out, "PlantGrowth.csv"),
  InsectSprays = file.path(out, "InsectSprays.csv"),
  ToothGrowth = file.path(out, "ToothGrowth.csv"),
  chickwts = file.path(out, "chickwts.csv"),
  UCBAdmissions = file.path(out, "UCBAdmissions.csv"),
  Titanic = file.path(out, "Titanic.csv"),
  Performance = file.path(out, "Performance.csv"),
  RoundingTimes = file.path(out, "RoundingTimes.csv")
)
datasets <- lapply(paths, read)

num <- function(v) if (is.null(v)) NULL else if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else unname(v)
cases <- list()
add <- function(case) cases[[length(cases) + 1]] <<- case
alt <- function(a) sub("two.sided", "two-sided", a)

# The outcome of a dataset split by a two-level group (levels sorted as R sorts a character factor,
# optionally restricted to `levels`), complete cases only.
twoGroups <- function(data, outcome, group, levels = NULL) {
  df <- datasets[[data]]
  df <- df[complete.cases(df[[outcome]], df[[group]]), ]
  g <- as.character(df[[group]])
  lv <- if (is.null(levels)) sort(unique(g)) else levels
  list(x = df[[outcome]][g == lv[1]], y = df[[outcome]][g == lv[2]])
}

caseOf <- function(id, analysis, data, roles, options, expected) {
  add(list(
    id = id, analysis = analysis,
    dataset = if (is.character(data)) paths[[data]] else NULL,
    data = if (is.character(data)) NULL else data,
    roles = roles, options = options, expected = expected
  ))
}

# ---- var_test and mood_test -------------------------------------------------------------------
scaleCase <- function(id, analysis, data, outcome, group, levels = NULL, alternative = "two.sided", conf.level = 0.95) {
  s <- twoGroups(data, outcome, group, levels)
  if (analysis == "var_test") {
    r <- var.test(s$x, s$y, alternative = alternative, conf.level = conf.level)
    expected <- list(statistic = num(r$statistic), df1 = num(r$parameter[1]), df2 = num(r$parameter[2]),
                     p_value = num(r$p.value), estimate = num(r$estimate),
                     ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]))
  } else {
    r <- mood.test(s$x, s$y, alternative = alternative)
    expected <- list(statistic = num(r$statistic), p_value = num(r$p.value))
  }
  caseOf(id, analysis, data, list(outcome = outcome, group = group),
         list(alternative = alt(alternative), conf_level = conf.level, levels = levels), expected)
}
for (analysis in c("var_test", "mood_test")) {
  scaleCase(paste0(analysis, "-toothgrowth-supp"), analysis, "ToothGrowth", "len", "supp")
  scaleCase(paste0(analysis, "-sleep"), analysis, "sleep", "extra", "group")
  scaleCase(paste0(analysis, "-mtcars-mpg-am"), analysis, "mtcars", "mpg", "am")
  scaleCase(paste0(analysis, "-plantgrowth-ctrl-trt1"), analysis, "PlantGrowth", "weight", "group", levels = c("ctrl", "trt1"))
  scaleCase(paste0(analysis, "-penguins-flipper-sex"), analysis, "penguins", "flipper_length_mm", "sex")
  scaleCase(paste0(analysis, "-iris-setosa-virginica-less"), analysis, "iris", "Sepal.Width", "Species", levels = c("setosa", "virginica"), alternative = "less", conf.level = 0.9)
  scaleCase(paste0(analysis, "-airquality-ozone-greater"), analysis, "airquality", "Ozone", "Month", levels = c("5", "8"), alternative = "greater")
}

# ---- ks_test ------------------------------------------------------------------------------------
# Gamma maximum likelihood: solve log(k) - digamma(k) = log(mean) - mean(log x) to rounding level.
gammaMle <- function(x) {
  s <- log(mean(x)) - mean(log(x))
  k <- uniroot(function(k) log(k) - digamma(k) - s, c(1e-3, 1e4), tol = 1e-15, maxiter = 1000)$root
  c(shape = k, rate = k / mean(x))
}
# Lilliefors' p: Dallal & Wilkinson (1986) with Stephens' modified statistic above 0.1, the formula
# nortest::lillie.test uses (nortest is not installed on the reference machine).
lillieP <- function(K, n) {
  if (n <= 100) { Kd <- K; nd <- n } else { Kd <- K * ((n / 100)^0.49); nd <- 100 }
  p <- exp(-7.01256 * Kd^2 * (nd + 2.78019) + 2.99587 * Kd * sqrt(nd + 2.78019) - 0.122119 + 0.974598 / sqrt(nd) + 1.67997 / nd)
  if (p > 0.1) {
    KK <- (sqrt(n) - 0.01 + 0.85 / sqrt(n)) * K
    p <- if (KK <= 0.302) 1
    else if (KK <= 0.5) 2.76773 - 19.828315 * KK + 80.709644 * KK^2 - 138.55152 * KK^3 + 81.218052 * KK^4
    else if (KK <= 0.9) -4.901232 + 40.662806 * KK - 97.490286 * KK^2 + 94.029866 * KK^3 - 32.355711 * KK^4
    else if (KK <= 1.31) 6.198765 - 19.558097 * KK + 23.186922 * KK^2 - 12.024584 * KK^3 + 2.355471 * KK^4
    else 0
  }
  p
}
ksOne <- function(id, data, column, distribution, params = NULL, alternative = "two.sided", exact = NULL) {
  x <- if (is.character(data)) datasets[[data]][[column]] else data[[column]]
  x <- x[!is.na(x)]
  estimated <- is.null(params)
  p <- if (!estimated) params else switch(distribution,
    normal = c(mean(x), sd(x)), uniform = c(min(x), max(x)), exponential = 1 / mean(x), gamma = unname(gammaMle(x)))
  r <- suppressWarnings(switch(distribution,
    normal = ks.test(x, "pnorm", p[1], p[2], alternative = alternative, exact = exact),
    uniform = ks.test(x, "punif", p[1], p[2], alternative = alternative, exact = exact),
    exponential = ks.test(x, "pexp", p[1], alternative = alternative, exact = exact),
    gamma = ks.test(x, "pgamma", p[1], p[2], alternative = alternative, exact = exact)))
  expected <- list(statistic = num(r$statistic), p_value = num(r$p.value), exact = r$exact, params = unname(p))
  if (estimated && distribution == "normal" && alternative == "two.sided") expected$lilliefors_p_value <- lillieP(unname(r$statistic), length(x))
  caseOf(id, "ks_test", data, list(column = column),
         list(alternative = alt(alternative), distribution = distribution, params = params,
              exact = if (is.null(exact)) "auto" else exact), expected)
}
ksTwo <- function(id, data, outcome, group, levels = NULL, alternative = "two.sided", exact = NULL) {
  s <- twoGroups(data, outcome, group, levels)
  r <- suppressWarnings(ks.test(s$x, s$y, alternative = alternative, exact = exact))
  caseOf(id, "ks_test", data, list(outcome = outcome, group = group),
         list(alternative = alt(alternative), levels = levels, exact = if (is.null(exact)) "auto" else exact),
         list(statistic = num(r$statistic), p_value = num(r$p.value), exact = r$exact))
}
set.seed(20261206)
n30 <- list(x = round(rnorm(30, 10, 2), 6))
n150 <- list(x = round(rnorm(150), 7))
e40 <- list(x = round(rexp(40, 0.5), 6))
g60 <- list(x = round(rgamma(60, shape = 2.5, rate = 1.3), 6))
u25 <- list(x = round(runif(25, 2, 5), 6))
ksOne("ks-normal-given-n30", n30, "x", "normal", c(10, 2))
ksOne("ks-normal-given-n30-greater", n30, "x", "normal", c(9.5, 2), alternative = "greater")
ksOne("ks-normal-given-n30-less", n30, "x", "normal", c(10, 2), alternative = "less")
ksOne("ks-normal-estimated-n30", n30, "x", "normal")
ksOne("ks-normal-given-n150", n150, "x", "normal", c(0, 1))
ksOne("ks-normal-given-n150-less", n150, "x", "normal", c(0.1, 1), alternative = "less")
ksOne("ks-normal-estimated-n150", n150, "x", "normal")
ksOne("ks-normal-n30-asymptotic", n30, "x", "normal", c(10, 2), exact = FALSE)
ksOne("ks-exponential-given", e40, "x", "exponential", 0.5)
ksOne("ks-exponential-estimated", e40, "x", "exponential")
ksOne("ks-gamma-given", g60, "x", "gamma", c(2.5, 1.3))
ksOne("ks-gamma-estimated", g60, "x", "gamma")
ksOne("ks-uniform-given", u25, "x", "uniform", c(2, 5))
ksOne("ks-uniform-estimated", u25, "x", "uniform")
ksOne("ks-faithful-eruptions-normal", "faithful", "eruptions", "normal")
ksOne("ks-mtcars-mpg-normal-ties", "mtcars", "mpg", "normal")
ksOne("ks-airquality-ozone-exponential", "airquality", "Ozone", "exponential")
ksTwo("ks2-sleep", "sleep", "extra", "group")
ksTwo("ks2-toothgrowth-supp", "ToothGrowth", "len", "supp")
ksTwo("ks2-mtcars-mpg-am", "mtcars", "mpg", "am")
ksTwo("ks2-mtcars-mpg-am-greater", "mtcars", "mpg", "am", alternative = "greater")
ksTwo("ks2-mtcars-mpg-am-less", "mtcars", "mpg", "am", alternative = "less")
ksTwo("ks2-iris-versicolor-virginica", "iris", "Petal.Length", "Species", levels = c("versicolor", "virginica"))
ksTwo("ks2-penguins-flipper-sex", "penguins", "flipper_length_mm", "sex")
ksTwo("ks2-penguins-mass-sex-greater", "penguins", "body_mass_g", "sex", alternative = "greater")
ksTwo("ks2-plantgrowth-asymptotic", "PlantGrowth", "weight", "group", levels = c("ctrl", "trt2"), exact = FALSE)

# ---- mantel_haenszel ----------------------------------------------------------------------------
mhCase <- function(id, data, row, col, strata, correct = TRUE, alternative = "two.sided", conf.level = 0.95) {
  df <- datasets[[data]]
  df <- df[complete.cases(df[[row]], df[[col]], df[[strata]]), ]
  tab <- table(factor(as.character(df[[row]])), factor(as.character(df[[col]])), factor(as.character(df[[strata]])))
  r <- mantelhaen.test(tab, correct = correct, alternative = alternative, conf.level = conf.level)
  caseOf(id, "mantel_haenszel", data, list(row = row, col = col, strata = strata),
         list(alternative = alt(alternative), conf_level = conf.level, correct = correct),
         list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value),
              common_odds_ratio = num(r$estimate), ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]),
              correction = grepl("with continuity", r$method)))
}
mhCase("mh-ucb-admit-gender-dept", "UCBAdmissions", "Admit", "Gender", "Dept")
mhCase("mh-ucb-uncorrected", "UCBAdmissions", "Admit", "Gender", "Dept", correct = FALSE)
mhCase("mh-ucb-less", "UCBAdmissions", "Admit", "Gender", "Dept", alternative = "less", conf.level = 0.9)
mhCase("mh-ucb-greater", "UCBAdmissions", "Gender", "Admit", "Dept", alternative = "greater")
mhCase("mh-mtcars-am-vs-gear", "mtcars", "am", "vs", "gear")
mhCase("mh-titanic-survived-sex-class", "Titanic", "Sex", "Survived", "Class")
mhCase("mh-titanic-survived-sex-age", "Titanic", "Sex", "Survived", "Age", correct = FALSE)

# ---- binomial_test ------------------------------------------------------------------------------
# The success level as Inferra chooses it: `success`, else 1/TRUE/yes, else the second level (sorted).
successOf <- function(values, success = NULL) {
  lv <- sort(unique(as.character(values)))
  if (!is.null(success)) return(success)
  for (s in c("1", "true", "yes")) { m <- lv[tolower(lv) == s]; if (length(m)) return(m[1]) }
  lv[2]
}
binomCase <- function(id, data, column, success = NULL, p = 0.5, alternative = "two.sided", conf.level = 0.95) {
  x <- if (is.character(data)) datasets[[data]][[column]] else data[[column]]
  x <- as.character(x[!is.na(x)])
  s <- successOf(x, success)
  r <- binom.test(sum(x == s), length(x), p = p, alternative = alternative, conf.level = conf.level)
  caseOf(id, "binomial_test", data, list(column = column),
         list(alternative = alt(alternative), conf_level = conf.level, p = p, success = success),
         list(successes = num(r$statistic), n = num(r$parameter), estimate = num(r$estimate), p_value = num(r$p.value),
              ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]), success_level = s))
}
binomCase("binom-penguins-sex", "penguins", "sex")
binomCase("binom-mtcars-am", "mtcars", "am")
binomCase("binom-mtcars-am-greater-03", "mtcars", "am", p = 0.3, alternative = "greater")
binomCase("binom-mtcars-vs-0-less", "mtcars", "vs", success = "0", p = 0.6, alternative = "less", conf.level = 0.9)
binomCase("binom-toothgrowth-supp-even", "ToothGrowth", "supp")
binomCase("binom-titanic-survived-04", "Titanic", "Survived", p = 0.4)
binomCase("binom-ucb-admitted-045", "UCBAdmissions", "Admit", success = "Admitted", p = 0.45)
binomCase("binom-small-12", list(x = c(1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1)), "x", p = 0.25)
binomCase("binom-all-zero", list(x = rep(0, 9)), "x", success = "1", p = 0.2)

# ---- prop_test ----------------------------------------------------------------------------------
propCase <- function(id, data, outcome, group, success = NULL, levels = NULL, correct = TRUE, alternative = "two.sided", conf.level = 0.95) {
  df <- datasets[[data]]
  df <- df[complete.cases(df[[outcome]], df[[group]]), ]
  g <- as.character(df[[group]])
  lv <- if (is.null(levels)) sort(unique(g)) else levels
  df <- df[g %in% lv, ]
  g <- as.character(df[[group]])
  y <- as.character(df[[outcome]])
  s <- successOf(y, success)
  x <- c(sum(y[g == lv[1]] == s), sum(y[g == lv[2]] == s))
  n <- c(sum(g == lv[1]), sum(g == lv[2]))
  r <- suppressWarnings(prop.test(x, n, alternative = alternative, conf.level = conf.level, correct = correct))
  caseOf(id, "prop_test", data, list(outcome = outcome, group = group),
         list(alternative = alt(alternative), conf_level = conf.level, correct = correct, success = success, levels = levels),
         list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value),
              estimate_1 = num(r$estimate[1]), estimate_2 = num(r$estimate[2]),
              ci_low = num(r$conf.int[1]), ci_high = num(r$conf.int[2]),
              correction = grepl("with continuity", r$method), success_level = s))
}
propCase("prop-titanic-survived-sex", "Titanic", "Survived", "Sex")
propCase("prop-ucb-admitted-gender", "UCBAdmissions", "Admit", "Gender", success = "Admitted")
propCase("prop-ucb-uncorrected-less", "UCBAdmissions", "Admit", "Gender", success = "Admitted", correct = FALSE, alternative = "less")
propCase("prop-mtcars-am-vs", "mtcars", "am", "vs")
propCase("prop-mtcars-am-vs-greater", "mtcars", "am", "vs", alternative = "greater", conf.level = 0.9)
propCase("prop-penguins-sex-adelie-gentoo", "penguins", "sex", "species", levels = c("Adelie", "Gentoo"))
propCase("prop-toothgrowth-supp-dose", "ToothGrowth", "supp", "dose", levels = c("0.5", "2"))

# ---- mcnemar ------------------------------------------------------------------------------------
# Paired yes/no vectors from a 2 x 2 table of counts (first level 0, second 1).
pairsOf <- function(n00, n01, n10, n11) list(
  before = c(rep(0, n00 + n01), rep(1, n10 + n11)),
  after = c(rep(0, n00), rep(1, n01), rep(0, n10), rep(1, n11)))
mcnemarCase <- function(id, data, correct = TRUE) {
  r <- mcnemar.test(table(factor(data$before, levels = c(0, 1)), factor(data$after, levels = c(0, 1))), correct = correct)
  caseOf(id, "mcnemar", data, list(before = "before", after = "after"), list(correct = correct),
         list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value),
              correction = grepl("continuity", r$method)))
}
mcnemarCase("mcnemar-performance", pairsOf(794, 86, 150, 570))
mcnemarCase("mcnemar-performance-uncorrected", pairsOf(794, 86, 150, 570), correct = FALSE)
mcnemarCase("mcnemar-small", pairsOf(10, 7, 2, 11))
mcnemarCase("mcnemar-equal-discordant", pairsOf(5, 4, 4, 6))
r <- mcnemar.test(table(datasets$Performance$survey1, datasets$Performance$survey2))
caseOf("mcnemar-performance-csv", "mcnemar", "Performance", list(before = "survey1", after = "survey2"), list(),
       list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value), correction = TRUE))

# ---- chi2_gof -----------------------------------------------------------------------------------
gofCase <- function(id, data, column, p = NULL) {
  x <- datasets[[data]][[column]]
  x <- x[!is.na(x)]
  tab <- table(x)
  r <- suppressWarnings(if (is.null(p)) chisq.test(tab) else chisq.test(tab, p = p))
  caseOf(id, "chi2_gof", data, list(column = column), list(expected = p),
         list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value), expected = unname(as.numeric(r$expected))))
}
gofCase("gof-penguins-species-equal", "penguins", "species")
gofCase("gof-penguins-species-given", "penguins", "species", c(0.4, 0.2, 0.4))
gofCase("gof-penguins-island", "penguins", "island")
gofCase("gof-mtcars-cyl", "mtcars", "cyl")
gofCase("gof-mtcars-carb-small", "mtcars", "carb")
gofCase("gof-chickwts-feed", "chickwts", "feed", c(0.1, 0.2, 0.2, 0.15, 0.15, 0.2))
gofCase("gof-titanic-class", "Titanic", "Class", c(0.15, 0.13, 0.32, 0.4))
gofCase("gof-insectsprays-even", "InsectSprays", "spray")

# ---- power --------------------------------------------------------------------------------------
# R solves n with uniroot (to about 1e-4); Inferra solves it exactly, so the tests compare
# n_required (n rounded up) exactly and n loosely; power for a given n is compared at 1e-9.
powerCase <- function(id, analysis, options, r, data = NULL, roles = list()) {
  expected <- if (is.null(options$n)) list(n = num(r$n), n_required = ceiling(r$n)) else list(power = num(r$power))
  caseOf(id, analysis, if (is.null(data)) list() else data, roles, options, expected)
}
ptt <- function(id, d, power = NULL, n = NULL, alpha = 0.05, type = "two.sample", alternative = "two.sided") {
  r <- power.t.test(n = n, delta = d, sd = 1, sig.level = alpha, power = power, type = type, alternative = alternative)
  powerCase(id, "power_ttest", list(effect_size = d, power = power, n = n, alpha = alpha, type = sub("\\.", "_", type),
            alternative = if (alternative == "one.sided") "greater" else "two-sided"), r)
}
ptt("power-t-d05", 0.5, power = 0.8)
ptt("power-t-d03-90-01", 0.3, power = 0.9, alpha = 0.01)
ptt("power-t-one-sample-d08", 0.8, power = 0.8, type = "one.sample")
ptt("power-t-paired-d04-95", 0.4, power = 0.95, type = "paired")
ptt("power-t-one-sided-d05", 0.5, power = 0.8, alternative = "one.sided")
ptt("power-t-given-n30", 0.5, n = 30)
ptt("power-t-given-n12-paired", 0.7, n = 12, type = "paired")
ppp <- function(id, p1, p2, power = NULL, n = NULL, alpha = 0.05, alternative = "two.sided") {
  r <- power.prop.test(n = n, p1 = p1, p2 = p2, sig.level = alpha, power = power, alternative = alternative)
  powerCase(id, "power_prop", list(p1 = p1, p2 = p2, power = power, n = n, alpha = alpha,
            alternative = if (alternative == "one.sided") "greater" else "two-sided"), r)
}
ppp("power-prop-50-75-90", 0.5, 0.75, power = 0.9)
ppp("power-prop-20-30-01", 0.2, 0.3, power = 0.8, alpha = 0.01)
ppp("power-prop-one-sided", 0.4, 0.55, power = 0.8, alternative = "one.sided")
ppp("power-prop-given-n100", 0.5, 0.7, n = 100)
pan <- function(id, k, f, power = NULL, n = NULL, alpha = 0.05) {
  r <- power.anova.test(groups = k, n = n, between.var = f^2 * k / (k - 1), within.var = 1, sig.level = alpha, power = power)
  powerCase(id, "power_anova", list(groups = k, effect_size = f, power = power, n = n, alpha = alpha), r)
}
pan("power-anova-k4-f025", 4, 0.25, power = 0.8)
pan("power-anova-k3-f04-90", 3, 0.4, power = 0.9)
pan("power-anova-k5-f01-01", 5, 0.1, power = 0.8, alpha = 0.01)
pan("power-anova-given-n20", 3, 0.3, n = 20)
# Pilot data: Cohen's d of len between the supp groups (pooled sd), then the n for 80% power.
tg <- datasets$ToothGrowth
x <- tg$len[tg$supp == "OJ"]; y <- tg$len[tg$supp == "VC"]
d <- (mean(x) - mean(y)) / sqrt(((length(x) - 1) * var(x) + (length(y) - 1) * var(y)) / (length(x) + length(y) - 2))
r <- power.t.test(delta = d, sd = 1, power = 0.8)
caseOf("power-t-pilot-toothgrowth", "power_ttest", "ToothGrowth", list(outcome = "len", group = "supp"), list(power = 0.8),
       list(effect_size = d, pilot_estimate = d, n = num(r$n), n_required = ceiling(r$n)))

# ---- friedman -----------------------------------------------------------------------------------
friedmanCase <- function(id, data, outcome, within, subject) {
  df <- if (is.character(data)) datasets[[data]] else as.data.frame(data)
  r <- friedman.test(df[[outcome]], factor(df[[within]]), factor(df[[subject]]))
  k <- length(unique(df[[within]])); n <- length(unique(df[[subject]]))
  caseOf(id, "friedman", data, list(outcome = outcome, within = within, subject = subject), list(),
         list(statistic = num(r$statistic), df = num(r$parameter), p_value = num(r$p.value),
              kendalls_w = num(r$statistic) / (n * (k - 1))))
}
friedmanCase("friedman-rounding-times", "RoundingTimes", "time", "method", "player_id")
friedmanCase("friedman-sleep", "sleep", "extra", "group", "ID")
set.seed(11)
blocks <- list(y = round(rnorm(40, rep(c(0, 0.3, 0.8, 0.2), 10)), 1), w = rep(1:4, 10), s = rep(1:10, each = 4))
friedmanCase("friedman-ties-4-conditions", blocks, "y", "w", "s")

# ---- pairwise_ttest -----------------------------------------------------------------------------
pairwiseCase <- function(id, data, outcome, group, method = "holm", pool.sd = TRUE, alternative = "two.sided") {
  df <- datasets[[data]]
  df <- df[complete.cases(df[[outcome]], df[[group]]), ]
  g <- factor(as.character(df[[group]]), levels = sort(unique(as.character(df[[group]]))))
  r <- pairwise.t.test(df[[outcome]], g, p.adjust.method = method, pool.sd = pool.sd, alternative = alternative)
  lv <- levels(g)
  comparisons <- list()
  for (j in seq_len(length(lv) - 1)) for (i in (j + 1):length(lv))
    comparisons[[length(comparisons) + 1]] <- list(group_1 = lv[i], group_2 = lv[j], p_adj = r$p.value[lv[i], lv[j]])
  caseOf(id, "pairwise_ttest", data, list(outcome = outcome, group = group),
         list(p_adjust = method, pool_sd = pool.sd, alternative = alt(alternative)),
         list(comparisons = comparisons, p_adjust = method))
}
pairwiseCase("pairwise-penguins-flipper-species", "penguins", "flipper_length_mm", "species")
pairwiseCase("pairwise-plantgrowth-bonferroni", "PlantGrowth", "weight", "group", method = "bonferroni")
pairwiseCase("pairwise-insectsprays-bh-welch", "InsectSprays", "count", "spray", method = "BH", pool.sd = FALSE)
pairwiseCase("pairwise-chickwts-none", "chickwts", "weight", "feed", method = "none")
pairwiseCase("pairwise-iris-holm-welch", "iris", "Sepal.Width", "Species", pool.sd = FALSE)
pairwiseCase("pairwise-airquality-month-greater", "airquality", "Ozone", "Month", alternative = "greater")

# ---- partial_correlation ------------------------------------------------------------------------
# The correlation of the residuals of lm(x ~ z) and lm(y ~ z); t on n - 2 - k df; the interval from
# Fisher's z with n - 3 - k (no base R function gives it: the formula, written here).
partialCase <- function(id, data, x, y, covariates, alternative = "two.sided", conf.level = 0.95) {
  df <- datasets[[data]]
  df <- df[complete.cases(df[, c(x, y, covariates)]), ]
  z <- as.matrix(df[, covariates, drop = FALSE])
  rx <- residuals(lm(df[[x]] ~ z)); ry <- residuals(lm(df[[y]] ~ z))
  r <- cor(rx, ry); n <- nrow(df); k <- length(covariates); dof <- n - 2 - k
  t <- r * sqrt(dof / (1 - r^2))
  p <- switch(alternative, two.sided = 2 * pt(-abs(t), dof), greater = pt(t, dof, lower.tail = FALSE), less = pt(t, dof))
  se <- 1 / sqrt(n - 3 - k)
  ci <- switch(alternative,
    two.sided = tanh(atanh(r) + c(-1, 1) * qnorm(1 - (1 - conf.level) / 2) * se),
    greater = c(tanh(atanh(r) - qnorm(conf.level) * se), 1),
    less = c(-1, tanh(atanh(r) + qnorm(conf.level) * se)))
  caseOf(id, "partial_correlation", data, list(x = x, y = y, covariates = I(covariates)),
         list(alternative = alt(alternative), conf_level = conf.level),
         list(estimate = r, statistic = t, df = dof, p_value = p, n = n, ci_low = ci[1], ci_high = ci[2]))
}
partialCase("partial-mtcars-mpg-hp-wt", "mtcars", "mpg", "hp", "wt")
partialCase("partial-mtcars-mpg-disp-wt-hp", "mtcars", "mpg", "disp", c("wt", "hp"))
partialCase("partial-penguins-bill-given-mass", "penguins", "bill_length_mm", "bill_depth_mm", "body_mass_g")
partialCase("partial-airquality-ozone-temp-wind-greater", "airquality", "Ozone", "Temp", c("Wind", "Solar.R"), alternative = "greater", conf.level = 0.9)
partialCase("partial-iris-sepal-petal-less", "iris", "Sepal.Length", "Sepal.Width", c("Petal.Length", "Petal.Width"), alternative = "less")

writeLines(
  toJSON(list(rVersion = R.version.string, cases = cases),
         digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null"),
  file.path("test", "reference", "r", "designs.json")
)
cat(sprintf("wrote %d cases\n", length(cases)))

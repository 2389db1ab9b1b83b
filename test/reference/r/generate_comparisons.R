#!/usr/bin/env Rscript
# Reference values for Inferra's comparison analyses (t-tests, rank tests, ANOVA, post-hoc).
# Run from the repository root:  Rscript test/reference/r/generate_comparisons.R
# Writes test/reference/r/comparisons.json (17 significant digits) and the datasets it uses as CSV
# into test/reference/data/. Each case carries its data, roles, options and R's answer, with result
# field names as Inferra's result objects use them (camelCase).
suppressPackageStartupMessages(library(jsonlite))

out_dir <- "test/reference/r"
data_dir <- "test/reference/data"
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

penguins <- read.csv("samples/penguins.csv", na.strings = "NA", stringsAsFactors = FALSE)
write_dataset <- function(df, name) write.csv(df, file.path(data_dir, paste0(name, ".csv")), row.names = FALSE)
write_dataset(sleep, "sleep")
write_dataset(ToothGrowth, "ToothGrowth")
write_dataset(PlantGrowth, "PlantGrowth")
write_dataset(InsectSprays, "InsectSprays")
write_dataset(chickwts, "chickwts")
write_dataset(iris, "iris")
write_dataset(women, "women")

# Data columns as Inferra's Table: numeric -> numbers (NA -> null), others -> text.
columns_of <- function(df) {
  lapply(names(df), function(n) {
    v <- df[[n]]
    if (is.numeric(v)) list(name = n, kind = "numeric", values = as.numeric(v))
    else list(name = n, kind = "categorical", values = as.character(v))
  })
}

cases <- list()
add_case <- function(id, analysis, dataset, df, roles, options, expected) {
  cases[[length(cases) + 1]] <<- list(
    id = id, analysis = analysis, dataset = dataset, data = columns_of(df),
    roles = roles, options = options, expected = expected
  )
}
fin <- function(x) if (is.finite(x)) x else NULL  # infinite bounds are stored as null

# Noncentrality at which P(T <= t | df, ncp) = p: widened bracket, then uniroot to machine precision.
ncp_at <- function(t, df, p) {
  f <- function(ncp) pt(t, df, ncp) - p
  step <- 2; lo <- t - step; hi <- t + step
  while (f(lo) < 0) { step <- step * 2; lo <- t - step }
  while (f(hi) > 0) { step <- step * 2; hi <- t + step }
  uniroot(f, c(lo, hi), tol = 1e-15, maxiter = 10000)$root
}
hedges_j <- function(df) exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
d_ci <- function(t, df, scale, conf, alt) {
  a <- 1 - conf
  switch(alt,
    two.sided = c(ncp_at(t, df, 1 - a / 2), ncp_at(t, df, a / 2)) * scale,
    greater = c(ncp_at(t, df, conf) * scale, Inf),
    less = c(-Inf, ncp_at(t, df, a) * scale))
}

# ---------------------------------------------------------------- t-tests
ttest_expected <- function(r, d, t_for_d, df_d, scale, conf, alt, extra) {
  ci <- d_ci(t_for_d, df_d, scale, conf, alt)
  j <- hedges_j(df_d)
  c(list(
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value,
    ciLow = fin(r$conf.int[1]), ciHigh = fin(r$conf.int[2]), se = r$stderr,
    cohensD = d, cohensDCiLow = fin(ci[1]), cohensDCiHigh = fin(ci[2]),
    hedgesG = d * j, hedgesGCiLow = fin(ci[1] * j), hedgesGCiHigh = fin(ci[2] * j)
  ), extra)
}
opts <- function(alternative = "two.sided", confLevel = 0.95, mu = 0, ...) {
  c(list(alternative = sub("two.sided", "two-sided", alternative), confLevel = confLevel, mu = mu), list(...))
}

two_sample_t <- function(id, analysis, dataset, df, outcome, group, lv, alt = "two.sided", conf = 0.95, mu = 0, levels_opt = NULL) {
  x <- df[[outcome]][!is.na(df[[outcome]]) & !is.na(df[[group]]) & as.character(df[[group]]) == lv[1]]
  y <- df[[outcome]][!is.na(df[[outcome]]) & !is.na(df[[group]]) & as.character(df[[group]]) == lv[2]]
  r <- t.test(x, y, var.equal = analysis == "ttest_ind", alternative = alt, conf.level = conf, mu = mu)
  nx <- length(x); ny <- length(y)
  sp <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
  d <- (mean(x) - mean(y) - mu) / sp
  scale <- sqrt(1 / nx + 1 / ny)
  o <- opts(alt, conf, mu)
  if (!is.null(levels_opt)) o$levels <- levels_opt
  add_case(id, analysis, dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), o,
    ttest_expected(r, d, d / scale, nx + ny - 2, scale, conf, alt, list(
      estimate = mean(x) - mean(y), mean1 = mean(x), mean2 = mean(y), sd1 = sd(x), sd2 = sd(y), n1 = nx, n2 = ny)))
}

one_sample_t <- function(id, dataset, df, column, alt = "two.sided", conf = 0.95, mu = 0, role = "column") {
  x <- df[[column]][!is.na(df[[column]])]
  r <- t.test(x, alternative = alt, conf.level = conf, mu = mu)
  n <- length(x); d <- (mean(x) - mu) / sd(x)
  roles <- list(); roles[[role]] <- column
  add_case(id, "ttest_one_sample", dataset, df[, column, drop = FALSE], roles, opts(alt, conf, mu),
    ttest_expected(r, d, unname(r$statistic), n - 1, 1 / sqrt(n), conf, alt, list(
      estimate = mean(x), mean1 = mean(x), sd1 = sd(x), n1 = n)))
}

paired_expected <- function(x, y, alt, conf, mu) {
  r <- t.test(x, y, paired = TRUE, alternative = alt, conf.level = conf, mu = mu)
  dd <- x - y; n <- length(dd); d <- (mean(dd) - mu) / sd(dd)
  ttest_expected(r, d, unname(r$statistic), n - 1, 1 / sqrt(n), conf, alt, list(
    estimate = mean(dd), meanDiff = mean(dd), sdDiff = sd(dd), mean1 = mean(x), mean2 = mean(y),
    sd1 = sd(x), sd2 = sd(y), n1 = n, n2 = n))
}

sex_pen <- penguins[, c("flipper_length_mm", "sex", "bill_length_mm", "body_mass_g", "species")]
two_sample_t("welch-penguins-flipper-sex", "ttest_welch", "penguins", sex_pen, "flipper_length_mm", "sex", c("female", "male"))
two_sample_t("welch-toothgrowth-supp-greater-90", "ttest_welch", "ToothGrowth", ToothGrowth, "len", "supp", c("OJ", "VC"), "greater", 0.9)
two_sample_t("welch-sleep-less-mu", "ttest_welch", "sleep", sleep, "extra", "group", c("1", "2"), "less", 0.95, -0.5)
two_sample_t("welch-toothgrowth-dose-levels-2-0.5", "ttest_welch", "ToothGrowth", ToothGrowth, "len", "dose", c("2", "0.5"), levels_opt = c("2", "0.5"))
two_sample_t("student-toothgrowth-supp", "ttest_ind", "ToothGrowth", ToothGrowth, "len", "supp", c("OJ", "VC"))
two_sample_t("student-penguins-bill-sex-less-99", "ttest_ind", "penguins", sex_pen, "bill_length_mm", "sex", c("female", "male"), "less", 0.99)
two_sample_t("student-sleep-greater", "ttest_ind", "sleep", sleep, "extra", "group", c("1", "2"), "greater")
one_sample_t("one-toothgrowth-len-mu18", "ToothGrowth", ToothGrowth, "len", mu = 18)
one_sample_t("one-penguins-mass-greater-4200", "penguins", penguins, "body_mass_g", "greater", 0.95, 4200, role = "outcome")
one_sample_t("one-sleep-less-90", "sleep", sleep, "extra", "less", 0.9, 0)

sleep_wide <- data.frame(drug1 = sleep$extra[sleep$group == "1"], drug2 = sleep$extra[sleep$group == "2"])
add_case("paired-sleep-long", "ttest_paired", "sleep", sleep, list(outcome = "extra", group = "group", pairId = "ID"),
  opts(), paired_expected(sleep_wide$drug1, sleep_wide$drug2, "two.sided", 0.95, 0))
add_case("paired-sleep-long-greater-mu", "ttest_paired", "sleep", sleep, list(outcome = "extra", group = "group", pairId = "ID"),
  opts("greater", 0.9, -2), paired_expected(sleep_wide$drug1, sleep_wide$drug2, "greater", 0.9, -2))
add_case("paired-iris-wide-99", "ttest_paired", "iris", iris[, c("Sepal.Length", "Petal.Length")],
  list(before = "Sepal.Length", after = "Petal.Length"), opts("two.sided", 0.99, 2),
  paired_expected(iris$Sepal.Length, iris$Petal.Length, "two.sided", 0.99, 2))

# ---------------------------------------------------------------- rank tests
wilcox_opts <- function(alt, conf, mu, exact, correct) {
  o <- opts(alt, conf, mu)
  o$exact <- if (is.null(exact)) "auto" else exact
  o$correct <- correct
  o
}
mann_whitney <- function(id, dataset, df, outcome, group, lv, alt = "two.sided", conf = 0.95, mu = 0, exact = NULL, correct = TRUE) {
  keep <- !is.na(df[[outcome]]) & !is.na(df[[group]])
  x <- df[[outcome]][keep & as.character(df[[group]]) == lv[1]]
  y <- df[[outcome]][keep & as.character(df[[group]]) == lv[2]]
  r <- suppressWarnings(wilcox.test(x, y, alternative = alt, mu = mu, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf))
  w <- unname(r$statistic)
  o <- wilcox_opts(alt, conf, mu, exact, correct)
  if (!identical(sort(unique(as.character(df[[group]][keep]))), lv)) o$levels <- lv
  add_case(id, "mann_whitney", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), o, list(
    statistic = w, pValue = r$p.value, method = if (grepl("exact", r$method)) "exact" else "normal-approx",
    rankBiserial = 2 * w / (length(x) * length(y)) - 1, estimate = unname(r$estimate),
    ciLow = fin(r$conf.int[1]), ciHigh = fin(r$conf.int[2]), confLevel = attr(r$conf.int, "conf.level"),
    n1 = length(x), n2 = length(y), median1 = median(x), median2 = median(y)))
}
signed_rank_expected <- function(d, alt, conf, mu, exact, correct) {
  r <- suppressWarnings(wilcox.test(d, alternative = alt, mu = mu, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf))
  v <- unname(r$statistic); n <- sum(d - mu != 0)
  list(statistic = v, pValue = r$p.value, method = if (grepl("exact", r$method)) "exact" else "normal-approx",
    rankBiserial = 2 * v / (n * (n + 1) / 2) - 1, estimate = unname(r$estimate),
    ciLow = fin(r$conf.int[1]), ciHigh = fin(r$conf.int[2]), confLevel = attr(r$conf.int, "conf.level"),
    n = n, nZero = sum(d - mu == 0))
}
signed_rank <- function(id, dataset, df, roles, d, alt = "two.sided", conf = 0.95, mu = 0, exact = NULL, correct = TRUE) {
  add_case(id, "wilcoxon_signed_rank", dataset, df, roles, wilcox_opts(alt, conf, mu, exact, correct),
    signed_rank_expected(d, alt, conf, mu, exact, correct))
}

chick2 <- chickwts
mann_whitney("mw-chick-casein-horsebean-exact", "chickwts", chick2, "weight", "feed", c("casein", "horsebean"))
mann_whitney("mw-chick-casein-horsebean-exact-greater-90", "chickwts", chick2, "weight", "feed", c("casein", "horsebean"), "greater", 0.9)
mann_whitney("mw-chick-casein-horsebean-exact-99-mu", "chickwts", chick2, "weight", "feed", c("casein", "horsebean"), "two.sided", 0.99, 150.5)
tiny_groups <- data.frame(y = c(1.2, 3.4, 2.2, 5.1, 6.3, 4.4), g = c("a", "a", "a", "b", "b", "b"))
mann_whitney("mw-tiny-exact-unachievable", "constructed", tiny_groups, "y", "g", c("a", "b"))
mann_whitney("mw-plant-ctrl-trt2-exact-less-90", "PlantGrowth", PlantGrowth, "weight", "group", c("ctrl", "trt2"), "less", 0.9)
mann_whitney("mw-chick-sunflower-meatmeal-greater-mu", "chickwts", chick2, "weight", "feed", c("sunflower", "meatmeal"), "greater", 0.95, 20)
mann_whitney("mw-plant-ctrl-trt2-forced-approx", "PlantGrowth", PlantGrowth, "weight", "group", c("ctrl", "trt2"), exact = FALSE)
mann_whitney("mw-plant-ctrl-trt2-approx-nocorrect", "PlantGrowth", PlantGrowth, "weight", "group", c("ctrl", "trt2"), exact = FALSE, correct = FALSE)
mann_whitney("mw-sleep-ties", "sleep", sleep, "extra", "group", c("1", "2"))
mann_whitney("mw-toothgrowth-supp-ties-less-99", "ToothGrowth", ToothGrowth, "len", "supp", c("OJ", "VC"), "less", 0.99)
mann_whitney("mw-penguins-flipper-sex-large", "penguins", sex_pen, "flipper_length_mm", "sex", c("female", "male"))
mann_whitney("mw-penguins-mass-sex-greater-nocorrect", "penguins", sex_pen, "body_mass_g", "sex", c("female", "male"), "greater", 0.9, 0, NULL, FALSE)

signed_rank("sr-sleep-long-ties", "sleep", sleep, list(outcome = "extra", group = "group", pairId = "ID"), sleep_wide$drug1 - sleep_wide$drug2)
signed_rank("sr-sleep-wide-less-mu", "sleep", sleep_wide, list(before = "drug1", after = "drug2"), sleep_wide$drug1 - sleep_wide$drug2, "less", 0.9, -1)
chick_casein <- chickwts[chickwts$feed == "casein", "weight", drop = FALSE]
signed_rank("sr-chick-casein-exact-mu300", "chickwts", chick_casein, list(column = "weight"), chick_casein$weight, "two.sided", 0.95, 300)
signed_rank("sr-chick-casein-exact-greater", "chickwts", chick_casein, list(column = "weight"), chick_casein$weight, "greater", 0.9, 280)
chick_small <- data.frame(weight = chickwts$weight[1:6])
signed_rank("sr-chick-n6-exact-99-unachievable", "chickwts", chick_small, list(column = "weight"), chick_small$weight, "two.sided", 0.99, 150)
signed_rank("sr-chick-n6-exact-less", "chickwts", chick_small, list(column = "weight"), chick_small$weight, "less", 0.95, 150)
signed_rank("sr-women-ties-zero", "women", women, list(column = "weight"), women$weight, "two.sided", 0.95, 139)
signed_rank("sr-women-forced-approx-greater-nocorrect", "women", women, list(column = "weight"), women$weight, "greater", 0.95, 130.5, FALSE, FALSE)
pg_wide <- data.frame(ctrl = PlantGrowth$weight[PlantGrowth$group == "ctrl"], trt2 = PlantGrowth$weight[PlantGrowth$group == "trt2"])
signed_rank("sr-plant-wide-exact", "PlantGrowth", pg_wide, list(before = "ctrl", after = "trt2"), pg_wide$ctrl - pg_wide$trt2)
signed_rank("sr-iris-wide-large", "iris", iris[, c("Sepal.Length", "Petal.Length")], list(before = "Sepal.Length", after = "Petal.Length"), iris$Sepal.Length - iris$Petal.Length, "greater", 0.95, 2)
signed_rank("sr-penguins-bill-one-sample", "penguins", penguins[, "bill_length_mm", drop = FALSE], list(outcome = "bill_length_mm"), penguins$bill_length_mm[!is.na(penguins$bill_length_mm)], "two.sided", 0.9, 44)

kruskal <- function(id, dataset, df, outcome, group) {
  keep <- !is.na(df[[outcome]]) & !is.na(df[[group]])
  y <- df[[outcome]][keep]; g <- factor(df[[group]][keep])
  r <- kruskal.test(y, g); n <- length(y)
  add_case(id, "kruskal_wallis", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), opts(), list(
    statistic = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value,
    epsilonSquared = unname(r$statistic) / ((n^2 - 1) / (n + 1)), n = n))
}
kruskal("kw-plantgrowth", "PlantGrowth", PlantGrowth, "weight", "group")
kruskal("kw-insectsprays", "InsectSprays", InsectSprays, "count", "spray")
kruskal("kw-chickwts", "chickwts", chickwts, "weight", "feed")
kruskal("kw-penguins-bill-species", "penguins", penguins, "bill_length_mm", "species")

# ---------------------------------------------------------------- ANOVA
group_data <- function(df, outcome, group) {
  keep <- !is.na(df[[outcome]]) & !is.na(df[[group]])
  list(y = df[[outcome]][keep], g = factor(df[[group]][keep]))
}
anova_case <- function(id, dataset, df, outcome, group) {
  d <- group_data(df, outcome, group)
  a <- anova(lm(d$y ~ d$g))
  ssb <- a[["Sum Sq"]][1]; ssw <- a[["Sum Sq"]][2]; msw <- a[["Mean Sq"]][2]
  add_case(id, "anova_oneway", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), opts(), list(
    dfBetween = a$Df[1], dfWithin = a$Df[2], ssBetween = ssb, ssWithin = ssw,
    msBetween = a[["Mean Sq"]][1], msWithin = msw, f = a[["F value"]][1], pValue = a[["Pr(>F)"]][1],
    rSquared = summary(lm(d$y ~ d$g))$r.squared, etaSquared = ssb / (ssb + ssw),
    omegaSquared = (ssb - a$Df[1] * msw) / (ssb + ssw + msw), residualSd = sqrt(msw), n = length(d$y)))
  w <- oneway.test(y ~ g, data = data.frame(y = d$y, g = d$g))
  add_case(sub("^anova", "welch-anova", id), "welch_anova", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), opts(), list(
    f = unname(w$statistic), df1 = unname(w$parameter[1]), df2 = unname(w$parameter[2]), pValue = w$p.value, n = length(d$y)))
}
anova_case("anova-plantgrowth", "PlantGrowth", PlantGrowth, "weight", "group")
anova_case("anova-insectsprays", "InsectSprays", InsectSprays, "count", "spray")
anova_case("anova-chickwts", "chickwts", chickwts, "weight", "feed")
anova_case("anova-penguins-flipper-species", "penguins", penguins, "flipper_length_mm", "species")

# ---------------------------------------------------------------- post-hoc
pairs_of <- function(lev) {
  k <- length(lev); out <- list()
  for (j in 1:(k - 1)) for (i in (j + 1):k) out[[length(out) + 1]] <- c(j, i)
  out
}
posthoc_case <- function(id, dataset, df, outcome, group, conf = 0.95) {
  d <- group_data(df, outcome, group)
  lev <- levels(d$g); k <- length(lev)
  th <- TukeyHSD(aov(y ~ g, data = data.frame(y = d$y, g = d$g)), conf.level = conf)$g
  pr <- pairs_of(lev)
  tukey <- lapply(seq_along(pr), function(r) {
    j <- pr[[r]][1]; i <- pr[[r]][2]
    stopifnot(rownames(th)[r] == paste0(lev[i], "-", lev[j]))
    list(group1 = lev[j], group2 = lev[i], diff = th[r, "diff"], ciLow = th[r, "lwr"], ciHigh = th[r, "upr"], pAdj = th[r, "p adj"])
  })
  add_case(paste0("tukey-", id), "tukey_hsd", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), opts("two.sided", conf),
    list(comparisons = tukey))
  # Games-Howell as rstatix::games_howell_test / PMCMRplus compute it.
  m <- tapply(d$y, d$g, mean); v <- tapply(d$y, d$g, var); n <- tapply(d$y, d$g, length)
  gh <- lapply(pr, function(p) {
    j <- p[1]; i <- p[2]
    diff <- m[[i]] - m[[j]]; ui <- v[[i]] / n[[i]]; uj <- v[[j]] / n[[j]]
    df_w <- (ui + uj)^2 / (ui^2 / (n[[i]] - 1) + uj^2 / (n[[j]] - 1))
    se <- sqrt((ui + uj) / 2)
    width <- qtukey(conf, k, df_w) * se
    list(group1 = lev[j], group2 = lev[i], diff = diff, ciLow = diff - width, ciHigh = diff + width,
      pAdj = ptukey(abs(diff) / se, k, df_w, lower.tail = FALSE), df = df_w)
  })
  add_case(paste0("games-howell-", id), "games_howell", dataset, df[, c(outcome, group)], list(outcome = outcome, group = group), opts("two.sided", conf),
    list(comparisons = gh))
}
posthoc_case("plantgrowth", "PlantGrowth", PlantGrowth, "weight", "group")
posthoc_case("chickwts-unequal-n", "chickwts", chickwts, "weight", "feed")
posthoc_case("insectsprays-90", "InsectSprays", InsectSprays, "count", "spray", 0.9)
posthoc_case("penguins-flipper-species", "penguins", penguins, "flipper_length_mm", "species")
posthoc_case("penguins-bill-species-99", "penguins", penguins, "bill_length_mm", "species", 0.99)

# ---------------------------------------------------------------- distribution functions
ptukey_grid <- list()
for (q in c(0.5, 1, 2, 3.5, 5, 8)) for (k in c(2, 3, 5, 10)) for (df in c(2, 5, 10, 30, 120, 1000, 30000)) {
  ptukey_grid[[length(ptukey_grid) + 1]] <- list(q = q, nmeans = k, df = df, p = ptukey(q, k, df), upper = ptukey(q, k, df, lower.tail = FALSE))
}
qtukey_grid <- list()
for (p in c(0.9, 0.95, 0.99)) for (k in c(2, 3, 6)) for (df in c(2, 5, 20, 100.5, 1000)) {
  qtukey_grid[[length(qtukey_grid) + 1]] <- list(p = p, nmeans = k, df = df, q = qtukey(p, k, df))
}
pnt_grid <- list()
for (t in c(-3, -0.5, 0.7, 2, 5)) for (df in c(3, 10.5, 50, 300)) for (ncp in c(-2, -0.3, 0.5, 1.5, 4)) {
  pnt_grid[[length(pnt_grid) + 1]] <- list(t = t, df = df, ncp = ncp, p = pt(t, df, ncp))
}
pwilcox_grid <- list()
for (mn in list(c(3, 4), c(10, 12), c(25, 30), c(49, 49))) for (f in c(0.1, 0.3, 0.5, 0.8)) {
  q <- floor(f * mn[1] * mn[2])
  pwilcox_grid[[length(pwilcox_grid) + 1]] <- list(q = q, m = mn[1], n = mn[2], lower = pwilcox(q, mn[1], mn[2]),
    upper = pwilcox(q, mn[1], mn[2], lower.tail = FALSE), quantile025 = qwilcox(0.025, mn[1], mn[2]), quantile95 = qwilcox(0.95, mn[1], mn[2]))
}
psignrank_grid <- list()
for (n in c(5, 12, 30, 49)) for (f in c(0.1, 0.3, 0.5, 0.8)) {
  x <- floor(f * n * (n + 1) / 2)
  psignrank_grid[[length(psignrank_grid) + 1]] <- list(x = x, n = n, lower = psignrank(x, n), upper = psignrank(x, n, lower.tail = FALSE),
    quantile025 = qsignrank(0.025, n), quantile95 = qsignrank(0.95, n))
}

fixture <- list(
  rVersion = R.version.string,
  generatedBy = "test/reference/r/generate_comparisons.R",
  cases = cases,
  ptukey = ptukey_grid, qtukey = qtukey_grid, pnt = pnt_grid, pwilcox = pwilcox_grid, psignrank = psignrank_grid
)
writeLines(toJSON(fixture, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), file.path(out_dir, "comparisons.json"))
cat("wrote", length(cases), "cases\n")

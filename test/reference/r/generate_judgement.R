#!/usr/bin/env Rscript
# Reference values for Inferra's judgement layer (issue 18): Dunn's test, the within-group estimates
# of the structure check (Simpson's paradox), and the shape numbers of the normality policy.
# Run from the repository root:  Rscript test/reference/r/generate_judgement.R
# Writes test/reference/r/judgement.json (full precision). Base R only (Debian has neither
# dunn.test nor FSA): Dunn's z is written out from the mean ranks with the tie correction, and
# p.adjust gives Holm, Bonferroni and BH.
suppressPackageStartupMessages(library(jsonlite))

penguins <- read.csv("samples/penguins.csv", na.strings = "NA", stringsAsFactors = FALSE)
data_dir <- "test/reference/data"

# ---------------------------------------------------------------- Dunn's test
dunn_ref <- function(y, g, method) {
  keep <- !is.na(y) & !is.na(g)
  y <- y[keep]; g <- as.character(g[keep])
  levels <- sort(unique(g), method = "radix")
  N <- length(y)
  r <- rank(y)                               # average ranks for ties
  ties <- table(y); ties <- ties[ties > 1]
  tie_sum <- sum(ties^3 - ties)
  base <- N * (N + 1) / 12 - tie_sum / (12 * (N - 1))
  mr <- sapply(levels, function(l) mean(r[g == l]))
  n <- sapply(levels, function(l) sum(g == l))
  k <- length(levels)
  rows <- list()
  for (j in 1:(k - 1)) for (i in (j + 1):k) {
    diff <- mr[[i]] - mr[[j]]
    se <- sqrt(base * (1 / n[[j]] + 1 / n[[i]]))
    z <- diff / se
    rows[[length(rows) + 1]] <- list(group1 = levels[j], group2 = levels[i], diff = diff, se = se,
                                     statistic = z, pValue = 2 * pnorm(-abs(z)))
  }
  p_adj <- p.adjust(sapply(rows, `[[`, "pValue"), method = method)
  for (m in seq_along(rows)) rows[[m]]$pAdj <- p_adj[m]
  list(comparisons = rows, tieCorrection = tie_sum, n = N,
       meanRanks = unname(mr))
}

columns_of <- function(df) {
  lapply(names(df), function(n) {
    v <- df[[n]]
    if (is.numeric(v)) list(name = n, kind = "numeric", values = as.numeric(v))
    else list(name = n, kind = "categorical", values = as.character(v))
  })
}

dunn_cases <- list()
add_dunn <- function(id, df, outcome, group, method) {
  dunn_cases[[length(dunn_cases) + 1]] <<- list(
    id = id, data = columns_of(df[, c(outcome, group)]),
    roles = list(outcome = outcome, group = group), pAdjust = method,
    expected = dunn_ref(df[[outcome]], df[[group]], method))
}
add_dunn("insectsprays-holm", InsectSprays, "count", "spray", "holm")
add_dunn("insectsprays-bonferroni", InsectSprays, "count", "spray", "bonferroni")
add_dunn("insectsprays-bh", InsectSprays, "count", "spray", "BH")
add_dunn("insectsprays-none", InsectSprays, "count", "spray", "none")
add_dunn("chickwts-holm", chickwts, "weight", "feed", "holm")
add_dunn("penguins-bill-species-holm", penguins, "bill_length_mm", "species", "holm")
add_dunn("plantgrowth-holm", PlantGrowth, "weight", "group", "holm")

# ------------------------------------------------- structure: within-group estimates and the model
cc <- penguins[complete.cases(penguins[, c("bill_length_mm", "bill_depth_mm", "species")]), ]
species <- sort(unique(cc$species), method = "radix")
within_cor <- function(method) sapply(species, function(s) {
  d <- cc[cc$species == s, ]
  cor(d$bill_length_mm, d$bill_depth_mm, method = method)
})
fit <- lm(bill_depth_mm ~ bill_length_mm + species, data = cc)
co <- summary(fit)$coefficients["bill_length_mm", ]
partial <- cor(resid(lm(bill_depth_mm ~ species, data = cc)), resid(lm(bill_length_mm ~ species, data = cc)))
structure_corr <- list(
  x = "bill_length_mm", y = "bill_depth_mm", column = "species", levels = species, n = nrow(cc),
  pooled = list(pearson = cor(cc$bill_length_mm, cc$bill_depth_mm),
                spearman = cor(cc$bill_length_mm, cc$bill_depth_mm, method = "spearman"),
                kendall = cor(cc$bill_length_mm, cc$bill_depth_mm, method = "kendall")),
  within = list(pearson = unname(within_cor("pearson")), spearman = unname(within_cor("spearman")),
                kendall = unname(within_cor("kendall"))),
  slope = unname(co["Estimate"]), se = unname(co["Std. Error"]), t = unname(co["t value"]),
  p = unname(co["Pr(>|t|)"]), df = fit$df.residual, partial = partial,
  rSquared = summary(fit)$r.squared)

# Two groups (sex) with species as the grouping column: body mass, first level minus second.
cd <- penguins[complete.cases(penguins[, c("body_mass_g", "sex", "species")]), ]
cd$first <- as.numeric(cd$sex == "female")
within_diff <- sapply(species, function(s) {
  d <- cd[cd$species == s, ]
  mean(d$body_mass_g[d$sex == "female"]) - mean(d$body_mass_g[d$sex == "male"])
})
fit2 <- lm(body_mass_g ~ first + species, data = cd)
co2 <- summary(fit2)$coefficients["first", ]
structure_diff <- list(
  outcome = "body_mass_g", group = "sex", column = "species", levels = species, n = nrow(cd),
  pooled = mean(cd$body_mass_g[cd$sex == "female"]) - mean(cd$body_mass_g[cd$sex == "male"]),
  within = unname(within_diff), adjusted = unname(co2["Estimate"]), se = unname(co2["Std. Error"]),
  t = unname(co2["t value"]), df = fit2$df.residual)

# ---------------------------------------------------------------- normality policy: shape numbers
moment_shape <- function(x) {
  x <- x[!is.na(x)]; m <- mean(x); d <- x - m
  m2 <- mean(d^2); c(skewness = mean(d^3) / m2^1.5, excessKurtosis = mean(d^4) / m2^2 - 3)
}
shape_cases <- list()
for (s in c("female", "male")) {
  x <- penguins$flipper_length_mm[!is.na(penguins$sex) & penguins$sex == s]
  x <- x[!is.na(x)]
  sh <- moment_shape(x)
  shape_cases[[length(shape_cases) + 1]] <- list(id = paste0("penguins-flipper-", s), values = x,
    n = length(x), skewness = unname(sh["skewness"]), excessKurtosis = unname(sh["excessKurtosis"]),
    W = unname(shapiro.test(x)$statistic), p = shapiro.test(x)$p.value)
}
# Standardised residuals within groups (Welch ANOVA / Games-Howell): InsectSprays.
z <- unlist(lapply(split(InsectSprays$count, InsectSprays$spray), function(v) (v - mean(v)) / sd(v)))
raw <- unlist(lapply(split(InsectSprays$count, InsectSprays$spray), function(v) v - mean(v)))
standardised <- list(W = unname(shapiro.test(z)$statistic), p = shapiro.test(z)$p.value,
                     rawW = unname(shapiro.test(raw)$statistic), rawP = shapiro.test(raw)$p.value)

# ---------------------------------------------------------------- one-sided tests: the two-sided p beside
tg <- ToothGrowth
tails <- list(
  data = columns_of(data.frame(len = tg$len, supp = as.character(tg$supp))),
  welch = list(greater = t.test(len ~ supp, tg, alternative = "greater")$p.value, two = t.test(len ~ supp, tg)$p.value),
  mannWhitney = list(greater = suppressWarnings(wilcox.test(len ~ supp, tg, alternative = "greater"))$p.value,
                     two = suppressWarnings(wilcox.test(len ~ supp, tg))$p.value))

# ---------------------------------------------------------------- Yuen's trimmed-means test (by hand)
yuen_ref <- function(x, y, tr = 0.2, alternative = "two.sided", conf = 0.95, mu = 0) {
  one <- function(v) {
    v <- sort(v); n <- length(v); g <- floor(tr * n); h <- n - 2 * g
    w <- v; if (g > 0) { w[1:g] <- v[g + 1]; w[(n - g + 1):n] <- v[n - g] }
    list(tm = mean(v, trim = tr), sw2 = var(w), n = n, h = h, d = (n - 1) * var(w) / (h * (h - 1)))
  }
  a <- one(x); b <- one(y)
  se <- sqrt(a$d + b$d)
  df <- (a$d + b$d)^2 / (a$d^2 / (a$h - 1) + b$d^2 / (b$h - 1))
  est <- a$tm - b$tm
  t <- (est - mu) / se
  p <- switch(alternative, two.sided = 2 * pt(-abs(t), df), greater = pt(t, df, lower.tail = FALSE), less = pt(t, df))
  ci <- switch(alternative,
    two.sided = est + c(-1, 1) * qt(1 - (1 - conf) / 2, df) * se,
    greater = c(est - qt(conf, df) * se, Inf), less = c(-Inf, est + qt(conf, df) * se))
  list(statistic = t, df = df, pValue = p, estimate = est, se = se, ciLow = if (is.finite(ci[1])) ci[1] else NULL,
       ciHigh = if (is.finite(ci[2])) ci[2] else NULL, trimmedMean1 = a$tm, trimmedMean2 = b$tm,
       winsorizedSd1 = sqrt(a$sw2), winsorizedSd2 = sqrt(b$sw2), h1 = a$h, h2 = b$h)
}
yuen_cases <- list()
add_yuen <- function(id, df, outcome, group, lv, alternative = "two.sided", conf = 0.95, mu = 0) {
  d <- df[!is.na(df[[outcome]]) & df[[group]] %in% lv, c(outcome, group)]
  d[[group]] <- as.character(d[[group]])
  opts <- list(alternative = sub("two.sided", "two-sided", alternative), confLevel = conf, mu = mu, levels = lv)
  yuen_cases[[length(yuen_cases) + 1]] <<- list(id = id, data = columns_of(d), roles = list(outcome = outcome, group = group),
    options = opts, expected = yuen_ref(d[[outcome]][d[[group]] == lv[1]], d[[outcome]][d[[group]] == lv[2]], 0.2, alternative, conf, mu))
}
add_yuen("toothgrowth-supp", ToothGrowth, "len", "supp", c("OJ", "VC"))
add_yuen("toothgrowth-supp-greater-90", ToothGrowth, "len", "supp", c("OJ", "VC"), "greater", 0.9)
add_yuen("insectsprays-c-d", InsectSprays, "count", "spray", c("C", "D"))
add_yuen("penguins-mass-adelie-gentoo-mu", penguins, "body_mass_g", "species", c("Adelie", "Gentoo"), "less", 0.95, -1000)
add_yuen("sleep-groups-less", sleep, "extra", "group", c("1", "2"), "less")

out <- list(rVersion = R.version.string, dunn = dunn_cases, tails = tails, yuen = yuen_cases,
            structureCorrelation = structure_corr, structureDifference = structure_diff,
            shape = shape_cases, standardisedResiduals = standardised)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE), "test/reference/r/judgement.json")
cat("wrote test/reference/r/judgement.json\n")

#!/usr/bin/env Rscript
# Reference values for the factorial designs (test/reference/factorial.test.ts): anova_factorial and
# ancova, balanced and unbalanced, type II and type III sums of squares.
# Run from the repository root:  Rscript test/reference/r/generate_factorial.R
# Writes test/reference/r/factorial.json (full precision) and the datasets it reads that were not
# exported before: test/reference/data/warpbreaks.csv, warpbreaks_unbalanced.csv (warpbreaks without
# eight rows), npk.csv and CO2.csv. Needs base R, jsonlite and car.
#
# - anova_factorial, type II: car::Anova(lm(y ~ A * B), type = 2).
# - anova_factorial, type III: car::Anova(lm(y ~ A * B, contrasts = list(A = contr.sum, B = contr.sum)), type = 3)
#   (the intercept row is left out).
# - ancova: car::Anova(lm(y ~ g + x), type = 2); adjusted means by predict(fit, newdata, se.fit = TRUE)
#   at the covariates' means, t intervals on the residual df; the homogeneity of slopes by
#   anova(lm(y ~ g + x), lm(y ~ g + x + g:x)).
# - partial eta squared SS / (SS + SS_residual) and its interval as effectsize::F_to_eta2 ("ncp"
#   method; Debian has no effectsize, so its formula is written here as in generate_effects.R): the
#   noncentrality of the F distribution at the term's F is inverted, a bound lambda becomes
#   lambda / (lambda + df_residual), solved with uniroot(tol = 1e-13) on a Poisson mixture of pbeta.
# Factors read from CSV are character columns (levels sorted) or numeric codes (factor(x), numeric order).
suppressPackageStartupMessages({
  library(jsonlite)
  library(car)
})

data_dir <- "test/reference/data"
wb <- datasets::warpbreaks
write.csv(wb, file.path(data_dir, "warpbreaks.csv"), row.names = FALSE)
# Unbalanced: rows 1, 2, 10, 20, 29, 30, 40 and 50 removed (cell sizes 7 to 8).
write.csv(wb[-c(1, 2, 10, 20, 29, 30, 40, 50), ], file.path(data_dir, "warpbreaks_unbalanced.csv"), row.names = FALSE)
npk <- datasets::npk
npk_out <- data.frame(block = as.integer(npk$block), N = as.integer(as.character(npk$N)), P = as.integer(as.character(npk$P)),
                      K = as.integer(as.character(npk$K)), yield = npk$yield)
write.csv(npk_out, file.path(data_dir, "npk.csv"), row.names = FALSE)
co2 <- as.data.frame(datasets::CO2)
co2_out <- data.frame(Plant = as.character(co2$Plant), Type = as.character(co2$Type), Treatment = as.character(co2$Treatment),
                      conc = co2$conc, uptake = co2$uptake)
write.csv(co2_out, file.path(data_dir, "CO2.csv"), row.names = FALSE)

read <- function(name) {
  path <- if (name == "penguins") "samples/penguins.csv" else file.path(data_dir, paste0(name, ".csv"))
  read.csv(path, stringsAsFactors = FALSE, na.strings = "NA")
}

# The noncentral F and the interval of partial eta squared, shared with generate_effects.R.
source("test/reference/r/noncentral_f.R")

cases <- list()
add_case <- function(case) cases[[length(cases) + 1]] <<- case

# The rows of a car::Anova table as terms (residual row and intercept left out).
term_rows <- function(a, conf) {
  rn <- rownames(a)
  res <- which(rn == "Residuals")
  rss <- a$`Sum Sq`[res]; rdf <- a$Df[res]
  keep <- setdiff(seq_along(rn), c(res, which(rn == "(Intercept)")))
  lapply(keep, function(i) {
    ss <- a$`Sum Sq`[i]; df <- a$Df[i]
    eta <- ss / (ss + rss)
    ci <- pve_ci(eta, df, rdf, conf)
    list(term = rn[i], df = df, ss = ss, ms = ss / df, f = a$`F value`[i], p_value = a$`Pr(>F)`[i],
         eta_squared_partial = eta, eta_squared_partial_ci_low = ci[1], eta_squared_partial_ci_high = ci[2])
  })
}

as_factor <- function(x) if (is.numeric(x)) factor(x) else factor(x)

factorial_case <- function(id, dataset, outcome, factors, ss_type, conf = 0.95) {
  df <- read(dataset)
  df <- df[complete.cases(df[, c(outcome, factors)]), ]
  for (f in factors) df[[f]] <- as_factor(df[[f]])
  form <- as.formula(paste(outcome, "~", paste(factors, collapse = " * ")))
  if (ss_type == 3) {
    contrasts <- setNames(rep(list(contr.sum), length(factors)), factors)
    fit <- lm(form, data = df, contrasts = contrasts)
  } else fit <- lm(form, data = df)
  a <- car::Anova(fit, type = ss_type)
  res <- which(rownames(a) == "Residuals")
  cells <- aggregate(df[[outcome]], by = rev(lapply(rev(factors), function(f) df[[f]])), FUN = function(v) c(n = length(v), mean = mean(v), sd = if (length(v) > 1) sd(v) else NA))
  # The first factor varying slowest, as Inferra lists the cells.
  cells <- cells[do.call(order, lapply(seq_along(factors), function(k) cells[[k]])), ]
  cell_rows <- lapply(seq_len(nrow(cells)), function(i) {
    st <- cells$x[i, ]
    list(levels = unname(vapply(seq_along(factors), function(k) as.character(cells[i, k]), "")),
         n = unname(st["n"]), mean = unname(st["mean"]), sd = if (is.na(st["sd"])) NULL else unname(st["sd"]))
  })
  sizes <- table(interaction(lapply(factors, function(f) df[[f]])))
  add_case(list(
    id = id, analysis = "anova_factorial", dataset = dataset,
    roles = list(outcome = outcome, factors = as.list(factors)),
    options = list(ss_type = ss_type, conf_level = conf),
    expected = list(terms = term_rows(a, conf), residual_df = a$Df[res], residual_ss = a$`Sum Sq`[res], ss_type = ss_type,
                    balanced = length(unique(as.vector(sizes))) == 1, n = nrow(df), cells = cell_rows)))
}

ancova_case <- function(id, dataset, outcome, group, covariates, conf = 0.95) {
  df <- read(dataset)
  df <- df[complete.cases(df[, c(outcome, group, covariates)]), ]
  df[[group]] <- as_factor(df[[group]])
  form <- as.formula(paste(outcome, "~", paste(c(group, covariates), collapse = " + ")))
  fit <- lm(form, data = df)
  a <- car::Anova(fit, type = 2)
  res <- which(rownames(a) == "Residuals")
  levels <- levels(df[[group]])
  newdata <- data.frame(g = factor(levels, levels = levels))
  names(newdata) <- group
  for (cv in covariates) newdata[[cv]] <- mean(df[[cv]])
  pr <- predict(fit, newdata, se.fit = TRUE)
  q <- qt(1 - (1 - conf) / 2, fit$df.residual)
  adjusted <- lapply(seq_along(levels), function(k) list(
    level = levels[k], n = sum(df[[group]] == levels[k]), observed_mean = mean(df[[outcome]][df[[group]] == levels[k]]),
    mean = unname(pr$fit[k]), se = unname(pr$se.fit[k]), ci_low = unname(pr$fit[k] - q * pr$se.fit[k]), ci_high = unname(pr$fit[k] + q * pr$se.fit[k])))
  inter <- paste(paste0(group, ":", covariates), collapse = " + ")
  larger <- lm(as.formula(paste(outcome, "~", paste(c(group, covariates), collapse = " + "), "+", inter)), data = df)
  h <- anova(fit, larger)
  s <- summary(fit)$coefficients
  slopes <- lapply(covariates, function(cv) list(covariate = cv, mean = mean(df[[cv]]), estimate = s[cv, "Estimate"], se = s[cv, "Std. Error"]))
  add_case(list(
    id = id, analysis = "ancova", dataset = dataset,
    roles = list(outcome = outcome, group = group, covariates = as.list(covariates)),
    options = list(conf_level = conf),
    expected = list(terms = term_rows(a, conf), residual_df = a$Df[res], residual_ss = a$`Sum Sq`[res], ss_type = 2,
                    adjusted_means = adjusted, slopes = slopes,
                    slopes_homogeneity_f = h$F[2], slopes_homogeneity_df = h$Df[2], slopes_homogeneity_residual_df = h$Res.Df[2],
                    slopes_homogeneity_p = h$`Pr(>F)`[2], n = nrow(df))))
}

for (t in c(2, 3)) {
  factorial_case(paste0("warpbreaks-wool-tension-type", t), "warpbreaks", "breaks", c("wool", "tension"), t)
  factorial_case(paste0("toothgrowth-supp-dose-type", t), "ToothGrowth", "len", c("supp", "dose"), t)
  factorial_case(paste0("npk-three-way-type", t), "npk", "yield", c("N", "P", "K"), t)
  factorial_case(paste0("unbalanced-warpbreaks-type", t), "warpbreaks_unbalanced", "breaks", c("wool", "tension"), t)
  factorial_case(paste0("unbalanced-mtcars-cyl-am-type", t), "mtcars", "mpg", c("cyl", "am"), t)
  factorial_case(paste0("unbalanced-penguins-species-sex-type", t), "penguins", "body_mass_g", c("species", "sex"), t)
}
factorial_case("unbalanced-mtcars-cyl-am-90-type3", "mtcars", "mpg", c("cyl", "am"), 3, conf = 0.9)

ancova_case("ancova-mtcars-am-wt", "mtcars", "mpg", "am", "wt")
ancova_case("ancova-mtcars-cyl-wt-hp", "mtcars", "mpg", "cyl", c("wt", "hp"))
ancova_case("ancova-co2-type-conc", "CO2", "uptake", "Type", "conc")
ancova_case("ancova-co2-treatment-conc-90", "CO2", "uptake", "Treatment", "conc", conf = 0.9)
ancova_case("ancova-penguins-species-flipper", "penguins", "body_mass_g", "species", "flipper_length_mm")

out <- list(rVersion = R.version.string, cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), "test/reference/r/factorial.json")

# Reference values for binary logistic regression (test/reference/logistic.test.ts).
# Run from the repository root: Rscript test/reference/r/generate_logistic.R
# Writes test/reference/r/logistic.json and test/reference/data/infert.csv (R's infert data set).
# Every model is fitted twice: with glm's default control (epsilon = 1e-8, maxit = 25; the test
# compares at 1e-6 relative) and converged to rounding level (epsilon = 1e-14, maxit = 100; compared
# at 1e-9). glm's standard errors come from the weights of the second-to-last iteration, which with
# epsilon = 1e-14 can still be about 1e-7 from the optimum; `tight_restarted` refits from the
# converged coefficients (same control), so its one step's weights, and standard errors, are those
# at the optimum. Factor levels are set in Inferra's natural order (whole numbers by value, other
# labels by code point), so the reference level and the dummies' order are the same.
suppressPackageStartupMessages(library(jsonlite))
out <- file.path("test", "reference", "data")
write.csv(infert[, c("education", "age", "parity", "induced", "case", "spontaneous")], file.path(out, "infert.csv"), row.names = FALSE)
read <- function(file) read.csv(file, stringsAsFactors = FALSE, na.strings = "NA")
paths <- c(
  mtcars = file.path(out, "mtcars.csv"),
  infert = file.path(out, "infert.csv"),
  Titanic = file.path(out, "Titanic.csv"),
  penguins = "samples/penguins.csv",
  ToothGrowth = file.path(out, "ToothGrowth.csv")
)
datasets <- lapply(paths, read)
cases <- list()
num <- function(v) unname(v)

# Numbers of one glm fit, with the contract's field names; term_tests: drop1(fit, test = "Chisq"),
# whose refits use the fit's own control.
summarise <- function(fit) {
  s <- summary(fit)
  co <- s$coefficients
  ci <- confint.default(fit)
  n <- length(fit$y)
  list(
    coefficients = lapply(seq_len(nrow(co)), function(j) list(
      term = rownames(co)[j], estimate = co[j, 1], std_error = co[j, 2], statistic = co[j, 3], p_value = co[j, 4],
      ci_low = ci[j, 1], ci_high = ci[j, 2], odds_ratio = exp(co[j, 1]), or_ci_low = exp(ci[j, 1]), or_ci_high = exp(ci[j, 2]))),
    null_deviance = fit$null.deviance, residual_deviance = fit$deviance,
    df_null = fit$df.null, df_resid = fit$df.residual,
    aic = fit$aic, bic = BIC(fit), log_lik = as.numeric(logLik(fit)),
    pseudo_r2_mcfadden = 1 - fit$deviance / fit$null.deviance,
    lr_statistic = fit$null.deviance - fit$deviance, lr_df = fit$df.null - fit$df.residual,
    lr_p_value = pchisq(fit$null.deviance - fit$deviance, fit$df.null - fit$df.residual, lower.tail = FALSE),
    n = n, iterations = fit$iter, converged = fit$converged,
    term_tests = if (length(attr(terms(fit), "term.labels")) < 2) list() else {
      d <- suppressWarnings(drop1(fit, test = "Chisq"))[-1, ]
      lapply(seq_len(nrow(d)), function(k) list(term = rownames(d)[k], df = d$Df[k], statistic = d$LRT[k], p_value = d[["Pr(>Chi)"]][k]))
    }
  )
}

# `levels`: each factor predictor's levels in natural order (reference first); `success`: --success.
logisticCase <- function(id, data, outcome, predictors, success = NULL, levels = list(), intercept = TRUE, check = "numbers") {
  df <- if (is.character(data)) datasets[[data]] else as.data.frame(data)
  df <- df[complete.cases(df[, c(outcome, predictors)]), ]
  for (f in names(levels)) df[[f]] <- factor(df[[f]], levels = levels[[f]])
  lv <- sort(unique(as.character(df[[outcome]])))
  s <- if (!is.null(success)) success else {
    d <- lv[tolower(lv) %in% c("1", "true", "yes")]
    if (length(d) > 0) d[1] else lv[2]
  }
  df$.y <- as.numeric(as.character(df[[outcome]]) == s)
  form <- as.formula(paste(".y ~", paste(predictors, collapse = " + "), if (intercept) "" else "- 1"))
  warnings <- character()
  fitWith <- function(control, start = NULL) withCallingHandlers(glm(form, family = binomial, data = df, control = control, start = start),
    warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
  default <- fitWith(glm.control())
  tight <- fitWith(glm.control(epsilon = 1e-14, maxit = 100))
  restarted <- fitWith(glm.control(epsilon = 1e-14, maxit = 100), start = coef(tight))
  cases[[length(cases) + 1]] <<- list(
    id = id, analysis = "logistic",
    dataset = if (is.character(data)) paths[[data]] else NULL,
    data = if (is.character(data)) NULL else data,
    roles = list(outcome = outcome, predictors = I(predictors)),
    options = list(success = success, intercept = intercept),
    check = check, success_level = s, r_warnings = unique(warnings),
    default = summarise(default), tight = summarise(tight), tight_restarted = summarise(restarted))
}

logisticCase("logistic-mtcars-am-wt-hp", "mtcars", "am", c("wt", "hp"))
logisticCase("logistic-mtcars-vs-mpg-am", "mtcars", "vs", c("mpg", "am"))
logisticCase("logistic-mtcars-vs-mpg-no-intercept", "mtcars", "vs", c("mpg"), intercept = FALSE)
logisticCase("logistic-infert-case-education", "infert", "case", c("spontaneous", "induced", "education"),
             levels = list(education = c("0-5yrs", "12+ yrs", "6-11yrs")))
logisticCase("logistic-titanic-died-class-sex-age", "Titanic", "Survived", c("Class", "Sex", "Age"), success = "No",
             levels = list(Class = c("1st", "2nd", "3rd", "Crew"), Sex = c("Female", "Male"), Age = c("Adult", "Child")))
logisticCase("logistic-penguins-sex-mass-species", "penguins", "sex", c("body_mass_g", "species"),
             levels = list(species = c("Adelie", "Chinstrap", "Gentoo")))
logisticCase("logistic-toothgrowth-oj-len", "ToothGrowth", "supp", c("len", "dose"), success = "OJ")
# Separation: the warning is checked, not the numbers (they only say how far the iteration went).
logisticCase("logistic-separation-complete", list(x = c(1:10, 11:20), z = rep(c(0.3, -1.2, 0.8, 2.1, -0.4), 4), y = rep(0:1, each = 10)),
             "y", c("x", "z"), check = "separation")
logisticCase("logistic-separation-quasi-factor", list(
  g = rep(c("a", "b", "c"), each = 12),
  x = round(sin(1:36) * 3, 4),
  y = c(rep(c(0, 1, 1, 0, 1, 0), 2), rep(c(1, 0, 0, 1, 0, 1), 2), rep(1, 12))),
  "y", c("x", "g"), levels = list(g = c("a", "b", "c")), check = "separation")

# The predicted-probability curve of the figure: along the first numeric predictor (80 points over its
# range), other numeric predictors at their means, one curve per level of the first factor; the band
# is plogis(eta -/+ qnorm(0.975) se(eta)) from predict(type = "link", se.fit = TRUE).
curves <- list()
curveCase <- function(id, data, outcome, predictors, along, factor = NULL, levels = list()) {
  df <- datasets[[data]]
  df <- df[complete.cases(df[, c(outcome, predictors)]), ]
  for (f in names(levels)) df[[f]] <- factor(df[[f]], levels = levels[[f]])
  lv <- sort(unique(as.character(df[[outcome]])))
  d <- lv[tolower(lv) %in% c("1", "true", "yes")]
  df$.y <- as.numeric(as.character(df[[outcome]]) == (if (length(d) > 0) d[1] else lv[2]))
  fit <- glm(as.formula(paste(".y ~", paste(predictors, collapse = " + "))), family = binomial, data = df,
             control = glm.control(epsilon = 1e-14, maxit = 100))
  fit <- glm(formula(fit), family = binomial, data = df, control = glm.control(epsilon = 1e-14, maxit = 100), start = coef(fit))
  grid <- seq(min(df[[along]]), max(df[[along]]), length.out = 80)
  lines <- if (is.null(factor)) list(NULL) else as.list(levels(df[[factor]]))
  out <- lapply(lines, function(level) {
    nd <- data.frame(row.names = seq_along(grid))
    for (p in predictors) nd[[p]] <- if (p == along) grid else if (!is.null(factor) && p == factor) factor(level, levels = levels(df[[p]])) else mean(df[[p]])
    pr <- predict(fit, nd, type = "link", se.fit = TRUE)
    z <- qnorm(0.975)
    list(level = level, x = grid, fit = plogis(pr$fit), low = plogis(pr$fit - z * pr$se.fit), high = plogis(pr$fit + z * pr$se.fit))
  })
  curves[[length(curves) + 1]] <<- list(id = id, dataset = paths[[data]], roles = list(outcome = outcome, predictors = I(predictors)), curves = out)
}
curveCase("curve-mtcars-am-wt-hp", "mtcars", "am", c("wt", "hp"), "wt")
curveCase("curve-penguins-sex-mass-species", "penguins", "sex", c("body_mass_g", "species"), "body_mass_g", factor = "species",
          levels = list(species = c("Adelie", "Chinstrap", "Gentoo")))

write(toJSON(list(rVersion = paste(R.version$major, R.version$minor, sep = "."), cases = cases, curves = curves),
             auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE),
      file.path("test", "reference", "r", "logistic.json"))

# Reference values for `ols` and `describe` (test/unit/analyses/regression.test.ts, describe.test.ts).
# Run from the repository root: Rscript test/reference/r/generate_models.R
# Writes test/reference/r/models.json (17 significant digits) and exports the datasets it uses to
# test/reference/data/ (same content as the other generators write).
suppressPackageStartupMessages({
  library(jsonlite)
  library(e1071)
  library(lmtest)
})
out <- file.path("test", "reference", "data")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
save <- function(df, name) write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "NA")
mt <- cbind(model = rownames(mtcars), mtcars)
rownames(mt) <- NULL
save(mt, "mtcars")
for (name in c("cars", "women", "iris", "ToothGrowth", "faithful", "airquality")) {
  save(get(name, envir = asNamespace("datasets")), name)
}

read <- function(file) read.csv(file, stringsAsFactors = FALSE, na.strings = "NA")
datasets <- list(
  penguins = read("samples/penguins.csv"),
  mtcars = read(file.path(out, "mtcars.csv")),
  cars = read(file.path(out, "cars.csv")),
  women = read(file.path(out, "women.csv")),
  iris = read(file.path(out, "iris.csv")),
  ToothGrowth = read(file.path(out, "ToothGrowth.csv")),
  faithful = read(file.path(out, "faithful.csv")),
  airquality = read(file.path(out, "airquality.csv"))
)
# A logical predictor (R names its dummy manualTRUE); the tests derive the same boolean column from am.
datasets$mtcars$manual <- datasets$mtcars$am == 1
paths <- c(penguins = "samples/penguins.csv")

# Our term names: I(x^2) is written x^2.
ourTerm <- function(t) gsub("^I\\((.*)\\)$", "\\1", t)

# One ols case: predictors as Inferra receives them ("x^2" is a power), degree and intercept options.
olsCase <- function(id, data, outcome, predictors, degree = NULL, intercept = TRUE) {
  df <- datasets[[data]]
  terms <- predictors
  if (!is.null(degree)) terms <- c(predictors, if (degree > 1) sprintf("%s^%d", predictors, 2:degree))
  rhs <- vapply(terms, function(t) if (grepl("\\^", t)) sprintf("I(%s)", t) else sprintf("`%s`", t), "")
  f <- as.formula(sprintf("`%s` ~ %s%s", outcome, if (intercept) "" else "0 + ", paste(rhs, collapse = " + ")))
  fit <- lm(f, data = df)
  s <- summary(fit)
  ci <- confint(fit, level = 0.95)
  co <- s$coefficients
  fs <- s$fstatistic
  names(fit$coefficients) <- NULL
  coefs <- lapply(seq_len(nrow(co)), function(i) list(
    term = ourTerm(gsub("`", "", rownames(co)[i])), estimate = co[i, 1], std_error = co[i, 2],
    statistic = co[i, 3], p_value = co[i, 4], ci_low = ci[i, 1], ci_high = ci[i, 2]))
  bp <- if (intercept) bptest(fit) else NULL
  sw <- shapiro.test(residuals(fit))
  list(
    id = id, dataset = data, outcome = outcome, predictors = as.list(predictors),
    degree = degree, intercept = intercept,
    expected = list(
      coefficients = coefs,
      r_squared = s$r.squared, adj_r_squared = s$adj.r.squared,
      f = unname(fs["value"]), df_model = unname(fs["numdf"]), df_resid = unname(fs["dendf"]),
      f_p_value = unname(pf(fs["value"], fs["numdf"], fs["dendf"], lower.tail = FALSE)),
      residual_sd = s$sigma, n = length(residuals(fit)),
      residuals_head = unname(head(residuals(fit), 10)),
      fitted_head = unname(head(fitted(fit), 10)),
      shapiro_w = unname(sw$statistic), shapiro_p = sw$p.value,
      bp_statistic = if (is.null(bp)) NULL else unname(bp$statistic),
      bp_df = if (is.null(bp)) NULL else unname(bp$parameter),
      bp_p_value = if (is.null(bp)) NULL else unname(bp$p.value)
    )
  )
}

ols <- list(
  olsCase("penguins-mass-flipper-species", "penguins", "body_mass_g", c("flipper_length_mm", "species")),
  olsCase("penguins-mass-bill-sex-island", "penguins", "body_mass_g", c("bill_length_mm", "bill_depth_mm", "sex", "island")),
  olsCase("penguins-mass-flipper-noint", "penguins", "body_mass_g", c("flipper_length_mm"), intercept = FALSE),
  olsCase("mtcars-mpg-wt-hp", "mtcars", "mpg", c("wt", "hp")),
  olsCase("mtcars-mpg-wt-hp-qsec-cyl", "mtcars", "mpg", c("wt", "hp", "qsec", "cyl")),
  olsCase("mtcars-mpg-wt-noint", "mtcars", "mpg", c("wt"), intercept = FALSE),
  olsCase("mtcars-mpg-wt-manual-boolean", "mtcars", "mpg", c("wt", "manual")),
  olsCase("mtcars-mpg-wt-wt2", "mtcars", "mpg", c("wt", "wt^2")),
  olsCase("cars-dist-speed", "cars", "dist", c("speed")),
  olsCase("cars-dist-speed-noint", "cars", "dist", c("speed"), intercept = FALSE),
  olsCase("cars-dist-speed-deg2-noint", "cars", "dist", c("speed"), degree = 2, intercept = FALSE),
  olsCase("women-weight-height-deg2", "women", "weight", c("height"), degree = 2),
  olsCase("women-weight-height-deg3", "women", "weight", c("height"), degree = 3),
  olsCase("iris-sepal-petal-species", "iris", "Sepal.Length", c("Petal.Length", "Species")),
  olsCase("iris-sepal-width-species-noint", "iris", "Sepal.Length", c("Species", "Sepal.Width"), intercept = FALSE),
  olsCase("toothgrowth-len-dose-supp", "ToothGrowth", "len", c("dose", "supp")),
  olsCase("faithful-eruptions-waiting", "faithful", "eruptions", c("waiting")),
  olsCase("airquality-ozone-solar-wind-temp", "airquality", "Ozone", c("Solar.R", "Wind", "Temp"))
)

# Regression line with its confidence band (band.ts): predict(..., interval = "confidence").
bandCase <- function(id, data, x, y, grid, level) {
  df <- datasets[[data]]
  d <- data.frame(x = df[[x]], y = df[[y]])
  d <- d[complete.cases(d), ]
  p <- predict(lm(y ~ x, data = d), data.frame(x = grid), interval = "confidence", level = level)
  list(id = id, dataset = data, x = x, y = y, grid = grid, conf_level = level,
       expected = list(fit = unname(p[, "fit"]), low = unname(p[, "lwr"]), high = unname(p[, "upr"])))
}
band <- list(
  bandCase("cars", "cars", "speed", "dist", seq(0, 30, length.out = 7), 0.95),
  bandCase("penguins", "penguins", "flipper_length_mm", "body_mass_g", c(170, 185.5, 200, 231), 0.9)
)

# describe: per numeric column as compute.ts documents (type 7 quantiles, e1071 type 2 shape).
describeNumeric <- function(x) {
  y <- x[!is.na(x)]
  q <- quantile(y, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = length(y), missing = sum(is.na(x)), mean = mean(y), sd = sd(y), se = sd(y) / sqrt(length(y)),
       min = min(y), q1 = q[1], median = q[2], q3 = q[3], max = max(y),
       skewness = e1071::skewness(y, type = 2), kurtosis = e1071::kurtosis(y, type = 2))
}
describeLevels <- function(x) {
  y <- x[!is.na(x)]
  t <- table(y)
  list(n = length(y), missing = sum(is.na(x)),
       levels = lapply(names(t), function(v) list(value = v, count = unname(as.integer(t[v])))))
}
describeCase <- function(id, data, column = NULL, group = NULL) {
  df <- datasets[[data]]
  cols <- if (is.null(column)) setdiff(names(df), group) else column
  one <- function(x) if (is.numeric(x)) describeNumeric(x) else describeLevels(x)
  entries <- list()
  for (col in cols) {
    if (is.null(group)) {
      entries[[length(entries) + 1]] <- c(list(column = col), one(df[[col]]))
    } else {
      g <- df[[group]]
      for (lv in sort(unique(g[!is.na(g)]))) {
        entries[[length(entries) + 1]] <- c(list(column = col, group = as.character(lv)), one(df[[col]][!is.na(g) & g == lv]))
      }
    }
  }
  list(id = id, dataset = data, column = column, group = group, expected = list(columns = entries))
}
describe <- list(
  describeCase("penguins-all", "penguins"),
  describeCase("penguins-mass-by-species", "penguins", column = "body_mass_g", group = "species"),
  describeCase("penguins-by-sex", "penguins", group = "sex"),
  describeCase("mtcars-mpg", "mtcars", column = "mpg"),
  describeCase("airquality-all", "airquality"),
  describeCase("iris-all", "iris")
)

# jsonlite prints at most 15 significant digits; numbers are written here with 17 (round-trip exact).
exact <- function(x) {
  if (is.list(x)) return(lapply(x, exact))
  if (is.numeric(x) && length(x) >= 1) {
    s <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
    return(structure(if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]"), class = "json"))
  }
  x
}
json <- toJSON(exact(list(rVersion = R.version.string, ols = ols, band = band, describe = describe)),
               auto_unbox = TRUE, null = "null", pretty = TRUE, json_verbatim = TRUE)
writeLines(json, file.path("test", "reference", "r", "models.json"))
cat("wrote test/reference/r/models.json:", length(ols), "ols cases,", length(describe), "describe cases\n")

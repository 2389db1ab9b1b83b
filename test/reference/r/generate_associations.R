# Reference values for the association, contingency and assumption-check analyses
# (test/unit/analyses/correlation.test.ts, contingency.test.ts, checks.test.ts).
# Run from the repository root: Rscript test/reference/r/generate_associations.R
# Writes test/reference/r/associations.json (17 significant digits) and exports the R datasets it
# uses to test/reference/data/ (same content as the other generators write).
suppressPackageStartupMessages({
  library(jsonlite)
  library(car)
})
out <- file.path("test", "reference", "data")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
save <- function(df, name) write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "NA")
mt <- cbind(model = rownames(mtcars), mtcars)
rownames(mt) <- NULL
save(mt, "mtcars")
for (name in c("cars", "women", "iris", "faithful", "airquality", "PlantGrowth", "InsectSprays", "ToothGrowth")) {
  save(get(name, envir = asNamespace("datasets")), name)
}

read <- function(file) read.csv(file, stringsAsFactors = FALSE, na.strings = "NA")
paths <- c(
  penguins = "samples/penguins.csv",
  mtcars = file.path(out, "mtcars.csv"),
  cars = file.path(out, "cars.csv"),
  women = file.path(out, "women.csv"),
  iris = file.path(out, "iris.csv"),
  faithful = file.path(out, "faithful.csv"),
  airquality = file.path(out, "airquality.csv"),
  PlantGrowth = file.path(out, "PlantGrowth.csv"),
  InsectSprays = file.path(out, "InsectSprays.csv"),
  ToothGrowth = file.path(out, "ToothGrowth.csv")
)
datasets <- lapply(paths, read)

# Non-finite numbers as strings, so JSON keeps them ("Inf", "-Inf").
num <- function(v) if (is.null(v)) NULL else if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else unname(v)

cases <- list()
add <- function(case) cases[[length(cases) + 1]] <<- case

# Numeric sample vectors of a case: from a dataset (complete pairs) or inline.
pairOf <- function(data, x, y) {
  df <- if (is.character(data)) datasets[[data]] else as.data.frame(data)
  ok <- complete.cases(df[[x]], df[[y]])
  list(x = df[[x]][ok], y = df[[y]][ok])
}

# ---- correlations -------------------------------------------------------------------------------
corCase <- function(id, method, data, x = "x", y = "y", alternative = "two.sided", conf.level = 0.95, exact = NULL) {
  v <- pairOf(data, x, y)
  res <- suppressWarnings(cor.test(v$x, v$y, method = method, alternative = alternative,
                                   conf.level = conf.level, exact = exact))
  expected <- list(estimate = num(res$estimate), statistic = num(res$statistic), p_value = num(res$p.value), n = length(v$x))
  if (method == "pearson") {
    expected$df <- num(res$parameter)
    expected$ci_low <- if (is.null(res$conf.int)) NULL else num(res$conf.int[1])
    expected$ci_high <- if (is.null(res$conf.int)) NULL else num(res$conf.int[2])
  }
  add(list(
    id = id,
    analysis = method,
    dataset = if (is.character(data)) paths[[data]] else NULL,
    data = if (is.character(data)) NULL else data,
    roles = list(x = x, y = y),
    options = list(
      alternative = sub("two.sided", "two-sided", alternative),
      conf_level = conf.level,
      exact = if (is.null(exact)) "auto" else exact
    ),
    expected = expected
  ))
}

set.seed(20261122)
small7 <- list(x = c(1.2, 3.4, 2.2, 5.1, 4.4, 0.3, 6.6), y = c(2.0, 2.9, 1.1, 4.8, 5.5, 0.7, 4.1))
small9 <- list(x = round(rnorm(9), 4), y = round(rnorm(9), 4))
small20 <- list(x = round(rnorm(20), 4), y = NA)
small20$y <- round(0.4 * small20$x + rnorm(20), 4)
medium60 <- list(x = round(rnorm(60), 5), y = NA)
medium60$y <- round(0.3 * medium60$x + rnorm(60), 5)
large1300 <- list(x = round(rnorm(1300), 6), y = NA)
large1300$y <- round(0.05 * large1300$x + rnorm(1300), 6)
tiny3 <- list(x = c(1, 2, 4), y = c(1.5, 1.9, 4.4))

for (method in c("pearson", "spearman", "kendall")) {
  corCase(paste0(method, "-mtcars-mpg-wt"), method, "mtcars", "mpg", "wt")
  corCase(paste0(method, "-women-height-weight"), method, "women", "height", "weight")
  corCase(paste0(method, "-faithful"), method, "faithful", "eruptions", "waiting")
  corCase(paste0(method, "-airquality-ozone-temp-na"), method, "airquality", "Ozone", "Temp")
  corCase(paste0(method, "-penguins-bill"), method, "penguins", "bill_length_mm", "bill_depth_mm")
  corCase(paste0(method, "-iris-sepal-less"), method, "iris", "Sepal.Length", "Sepal.Width", alternative = "less")
  corCase(paste0(method, "-cars-greater-90"), method, "cars", "speed", "dist", alternative = "greater", conf.level = 0.9)
  corCase(paste0(method, "-small7"), method, small7)
  corCase(paste0(method, "-small7-less"), method, small7, alternative = "less")
  corCase(paste0(method, "-small7-greater"), method, small7, alternative = "greater")
  corCase(paste0(method, "-small9"), method, small9)
  corCase(paste0(method, "-small20"), method, small20)
  corCase(paste0(method, "-small20-greater"), method, small20, alternative = "greater")
  corCase(paste0(method, "-medium60"), method, medium60)
  corCase(paste0(method, "-large1300"), method, large1300)
  corCase(paste0(method, "-tiny3"), method, tiny3)
}
corCase("pearson-penguins-flipper-mass-99", "pearson", "penguins", "flipper_length_mm", "body_mass_g", conf.level = 0.99)
corCase("spearman-small20-exact-false", "spearman", small20, exact = FALSE)
corCase("spearman-small7-exact-false", "spearman", small7, exact = FALSE)
corCase("spearman-small9-exact-false", "spearman", small9, exact = FALSE)
corCase("kendall-small20-exact-false", "kendall", small20, exact = FALSE)
corCase("kendall-medium60-exact-true", "kendall", medium60, exact = TRUE)
corCase("kendall-medium60-exact-true-less", "kendall", medium60, exact = TRUE, alternative = "less")
n120 <- list(x = round(rnorm(120), 5), y = NA)
n120$y <- round(0.15 * n120$x + rnorm(120), 5)
corCase("kendall-n120-exact-true", "kendall", n120, exact = TRUE)
corCase("kendall-n120-exact-true-greater", "kendall", n120, exact = TRUE, alternative = "greater")
corCase("kendall-penguins-flipper-mass", "kendall", "penguins", "flipper_length_mm", "body_mass_g")
corCase("spearman-penguins-flipper-mass-greater", "spearman", "penguins", "flipper_length_mm", "body_mass_g", alternative = "greater")

# ---- contingency --------------------------------------------------------------------------------
# A table from two dataset columns (complete cases), or an inline count matrix with labels that sort
# naturally in the matrix order.
tableOf <- function(data, row, col) {
  if (is.character(data)) {
    df <- datasets[[data]]
    ok <- complete.cases(df[[row]], df[[col]])
    return(unclass(table(df[[row]][ok], df[[col]][ok])))
  }
  data$matrix
}
countsOf <- function(m, rowLabels, colLabels) list(rows = rowLabels, cols = colLabels, matrix = unname(m))

chiCase <- function(id, data, row = "row", col = "col", correct = TRUE) {
  x <- tableOf(data, row, col)
  res <- suppressWarnings(chisq.test(x, correct = correct))
  plain <- suppressWarnings(chisq.test(x, correct = FALSE))
  n <- sum(x)
  add(list(
    id = id,
    analysis = "chi2_independence",
    dataset = if (is.character(data)) paths[[data]] else NULL,
    counts = if (is.character(data)) NULL else data,
    roles = list(row = row, col = col),
    options = list(correct = correct),
    expected = list(
      statistic = num(res$statistic), df = num(res$parameter), p_value = num(res$p.value),
      cramers_v = unname(sqrt(plain$statistic / (n * (min(dim(x)) - 1)))),
      expected = unname(res$expected),
      observed = unname(x),
      correction = grepl("Yates", res$method),
      small_expected = any(res$expected < 5)
    )
  ))
}

fisherCase <- function(id, data, row = "row", col = "col", alternative = "two.sided", conf.level = 0.95) {
  x <- tableOf(data, row, col)
  # A larger workspace than the default lets FEXACT finish the bigger tables; the p-value is the same exact value.
  res <- fisher.test(x, alternative = alternative, conf.level = conf.level, workspace = 2e7)
  is2x2 <- all(dim(x) == 2)
  add(list(
    id = id,
    analysis = "fisher_exact",
    dataset = if (is.character(data)) paths[[data]] else NULL,
    counts = if (is.character(data)) NULL else data,
    roles = list(row = row, col = col),
    options = list(alternative = sub("two.sided", "two-sided", alternative), conf_level = conf.level),
    expected = list(
      p_value = num(res$p.value),
      odds_ratio = if (is2x2) num(res$estimate) else NULL,
      ci_low = if (is2x2) num(res$conf.int[1]) else NULL,
      ci_high = if (is2x2) num(res$conf.int[2]) else NULL
    )
  ))
}

# R's TeaTasting example (fisher.test help page).
tea <- countsOf(matrix(c(3, 1, 1, 3), 2), c("Milk", "Tea"), c("Milk", "Tea"))
# R's Job satisfaction example (fisher.test help page), 4 x 4.
job <- countsOf(matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4),
                c("1 <15k", "2 15-25k", "3 25-40k", "4 >40k"), c("a VeryD", "b LittleD", "c ModerateS", "d VeryS"))
# R's Convictions of like-sex twins (fisher.test help page), 2 x 2.
convictions <- countsOf(matrix(c(2, 10, 15, 3), 2), c("Dizygotic", "Monozygotic"), c("Convicted", "Not"))
t2x3 <- countsOf(matrix(c(12, 5, 9, 14, 3, 11), 2), c("r1", "r2"), c("c1", "c2", "c3"))
t3x3 <- countsOf(matrix(c(8, 2, 3, 4, 9, 1, 2, 3, 10), 3), c("r1", "r2", "r3"), c("c1", "c2", "c3"))
t2x2big <- countsOf(matrix(c(120, 80, 95, 105), 2), c("r1", "r2"), c("c1", "c2"))
t2x2zero <- countsOf(matrix(c(0, 7, 6, 5), 2), c("r1", "r2"), c("c1", "c2"))

chiCase("chi2-mtcars-am-vs", "mtcars", "am", "vs")
chiCase("chi2-mtcars-am-vs-uncorrected", "mtcars", "am", "vs", correct = FALSE)
chiCase("chi2-mtcars-cyl-gear", "mtcars", "cyl", "gear")
chiCase("chi2-penguins-species-island", "penguins", "species", "island")
chiCase("chi2-penguins-sex-species-na", "penguins", "sex", "species")
chiCase("chi2-toothgrowth-supp-dose", "ToothGrowth", "supp", "dose")
chiCase("chi2-tea", tea)
chiCase("chi2-job", job)
chiCase("chi2-2x3", t2x3)
chiCase("chi2-3x3", t3x3)
chiCase("chi2-2x2-big", t2x2big)
chiCase("chi2-2x2-big-uncorrected", t2x2big, correct = FALSE)

fisherCase("fisher-tea", tea)
fisherCase("fisher-tea-greater", tea, alternative = "greater")
fisherCase("fisher-convictions-less", convictions, alternative = "less")
fisherCase("fisher-convictions", convictions)
fisherCase("fisher-convictions-90", convictions, conf.level = 0.9)
fisherCase("fisher-mtcars-am-vs", "mtcars", "am", "vs")
fisherCase("fisher-mtcars-am-vs-greater", "mtcars", "am", "vs", alternative = "greater")
fisherCase("fisher-2x2-big", t2x2big)
fisherCase("fisher-2x2-zero", t2x2zero)
fisherCase("fisher-2x2-n4000", countsOf(matrix(c(1040, 960, 980, 1020), 2), c("r1", "r2"), c("c1", "c2")))
fisherCase("fisher-2x2-zero-less", t2x2zero, alternative = "less")
fisherCase("fisher-2x3", t2x3)
fisherCase("fisher-3x3", t3x3)
fisherCase("fisher-job", job)
fisherCase("fisher-5x5", countsOf(matrix(c(3, 2, 1, 4, 2, 2, 3, 2, 1, 3, 1, 2, 4, 2, 1, 3, 1, 2, 3, 2, 2, 4, 1, 2, 3), 5, byrow = TRUE),
                                  paste0("r", 1:5), paste0("c", 1:5)))
fisherCase("fisher-2x8", countsOf(matrix(c(8, 7, 9, 6, 10, 5, 8, 7, 7, 8, 6, 9, 5, 10, 7, 8), 2, byrow = TRUE),
                                  paste0("r", 1:2), paste0("c", 1:8)))
fisherCase("fisher-3x4", countsOf(matrix(c(15, 10, 12, 13, 12, 14, 10, 14, 13, 12, 15, 10), 3, byrow = TRUE),
                                  paste0("r", 1:3), paste0("c", 1:4)))
fisherCase("fisher-mtcars-cyl-gear", "mtcars", "cyl", "gear")
fisherCase("fisher-mtcars-cyl-am", "mtcars", "cyl", "am")
fisherCase("fisher-penguins-species-island", "penguins", "species", "island")
fisherCase("fisher-penguins-sex-species", "penguins", "sex", "species")

# ---- checks -------------------------------------------------------------------------------------
valuesOf <- function(data, column) {
  v <- if (is.character(data)) datasets[[data]][[column]] else data[[column]]
  v[!is.na(v)]
}

swCase <- function(id, data, column = "x", group = NULL) {
  if (is.null(group)) {
    res <- shapiro.test(valuesOf(data, column))
    expected <- list(statistic = num(res$statistic), p_value = num(res$p.value))
  } else {
    df <- datasets[[data]]
    ok <- complete.cases(df[[column]], df[[group]])
    parts <- split(df[[column]][ok], df[[group]][ok])
    expected <- list(groups = lapply(names(parts), function(level) {
      res <- shapiro.test(parts[[level]])
      list(group = level, n = length(parts[[level]]), statistic = num(res$statistic), p_value = num(res$p.value))
    }))
  }
  add(list(
    id = id,
    analysis = "shapiro_wilk",
    dataset = if (is.character(data)) paths[[data]] else NULL,
    data = if (is.character(data)) NULL else data,
    roles = c(list(column = column), if (!is.null(group)) list(group = group)),
    options = list(),
    expected = expected
  ))
}

varianceCase <- function(id, analysis, data, outcome, group, center = "median") {
  df <- datasets[[data]]
  ok <- complete.cases(df[[outcome]], df[[group]])
  y <- df[[outcome]][ok]
  g <- factor(df[[group]][ok])
  if (analysis == "levene") {
    res <- leveneTest(y, g, center = if (center == "median") median else mean)
    expected <- list(statistic = res[1, "F value"], df1 = res[1, "Df"], df2 = res[2, "Df"], p_value = res[1, "Pr(>F)"], center = center)
  } else {
    res <- bartlett.test(y, g)
    expected <- list(statistic = num(res$statistic), df = num(res$parameter), p_value = num(res$p.value))
  }
  add(list(
    id = id,
    analysis = analysis,
    dataset = paths[[data]],
    roles = list(outcome = outcome, group = group),
    options = list(center = center),
    expected = expected
  ))
}

swCase("shapiro-mtcars-mpg", "mtcars", "mpg")
swCase("shapiro-faithful-eruptions", "faithful", "eruptions")
swCase("shapiro-women-height", "women", "height")
swCase("shapiro-airquality-ozone-na", "airquality", "Ozone")
swCase("shapiro-cars-dist", "cars", "dist")
swCase("shapiro-iris-sepal-width-by-species", "iris", "Sepal.Width", "Species")
swCase("shapiro-penguins-mass-by-species", "penguins", "body_mass_g", "species")
swCase("shapiro-n3", list(x = c(1, 2, 4)))
swCase("shapiro-n4", list(x = c(2.1, 3.3, 3.9, 8.2)))
swCase("shapiro-n5", list(x = c(1, 2, 4, 8, 9)))
swCase("shapiro-n6", list(x = c(4.1, 2.2, 5.9, 3.3, 4.8, 12.5)))
swCase("shapiro-n11", list(x = round(rnorm(11), 4)))
swCase("shapiro-n12", list(x = round(rnorm(12), 4)))
swCase("shapiro-lognormal-50", list(x = round(exp(rnorm(50)), 5)))
swCase("shapiro-n2000", list(x = round(rnorm(2000), 6)))
swCase("shapiro-n5000", list(x = round(runif(5000), 6)))
swCase("shapiro-tiny-range", list(x = c(1, 1 + 2e-11, 1 + 5e-11, 1 + 9e-11, 1 + 3e-11)))

for (analysis in c("levene", "bartlett")) {
  varianceCase(paste0(analysis, "-plantgrowth"), analysis, "PlantGrowth", "weight", "group")
  varianceCase(paste0(analysis, "-insectsprays"), analysis, "InsectSprays", "count", "spray")
  varianceCase(paste0(analysis, "-iris-sepal-length"), analysis, "iris", "Sepal.Length", "Species")
  varianceCase(paste0(analysis, "-penguins-flipper"), analysis, "penguins", "flipper_length_mm", "species")
  varianceCase(paste0(analysis, "-toothgrowth-dose"), analysis, "ToothGrowth", "len", "dose")
  varianceCase(paste0(analysis, "-airquality-ozone-month"), analysis, "airquality", "Ozone", "Month")
}
for (data in list(c("PlantGrowth", "weight", "group"), c("InsectSprays", "count", "spray"), c("penguins", "body_mass_g", "island"))) {
  varianceCase(paste0("levene-mean-", tolower(data[1])), "levene", data[1], data[2], data[3], center = "mean")
}

writeLines(
  toJSON(list(rVersion = R.version.string, carVersion = as.character(packageVersion("car")), cases = cases),
         digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null"),
  file.path("test", "reference", "r", "associations.json")
)
cat(sprintf("wrote %d cases\n", length(cases)))

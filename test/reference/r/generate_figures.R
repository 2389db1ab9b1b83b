# Reference values for the figure aggregates (test/unit/figures/aggregate.test.ts): bw.nrd0, exact
# Gaussian KDE on a grid, type-7 quartiles with Tukey whiskers, qqnorm positions and qqline, lm fitted
# values (for the residual plots) and the confidence band of predict(lm, interval = "confidence").
# Run from the repository root: Rscript test/reference/r/generate_figures.R
# Writes test/reference/r/figures.json (17 significant digits).
suppressPackageStartupMessages(library(jsonlite))
p <- read.csv("samples/penguins.csv", stringsAsFactors = FALSE, na.strings = "NA")

kde_case <- function(name, x) {
  x <- x[!is.na(x)]
  bw <- bw.nrd0(x)
  grid <- seq(min(x) - 3 * bw, max(x) + 3 * bw, length.out = 25)
  density <- sapply(grid, function(g) mean(dnorm((g - x) / bw)) / bw)
  list(name = name, x = x, bandwidth = bw, grid = grid, density = density)
}

box_case <- function(name, x) {
  x <- sort(x[!is.na(x)])
  q <- unname(quantile(x, c(0.25, 0.5, 0.75), type = 7))
  iqr <- q[3] - q[1]
  inside <- x[x >= q[1] - 1.5 * iqr & x <= q[3] + 1.5 * iqr]
  list(name = name, x = x, q1 = q[1], median = q[2], q3 = q[3],
       whisker_low = min(inside), whisker_high = max(inside),
       outliers = x[x < q[1] - 1.5 * iqr | x > q[3] + 1.5 * iqr])
}

qq_case <- function(name, x) {
  x <- x[!is.na(x)]
  qq <- qqnorm(x, plot.it = FALSE)
  o <- order(qq$y)
  y1 <- quantile(x, 0.25, names = FALSE); y3 <- quantile(x, 0.75, names = FALSE)
  slope <- (y3 - y1) / (qnorm(0.75) - qnorm(0.25))
  list(name = name, x = x, theoretical = qq$x[o], sample = qq$y[o], slope = slope, intercept = y1 - slope * qnorm(0.25))
}

adelie <- p$flipper_length_mm[p$species == "Adelie"]
cases <- list(
  kde = list(kde_case("flipper_length_mm", p$flipper_length_mm), kde_case("body_mass_g Gentoo", p$body_mass_g[p$species == "Gentoo"]),
             kde_case("small", c(1.5, 2, 2, 7))),
  box = list(box_case("flipper_length_mm Adelie", adelie), box_case("body_mass_g", p$body_mass_g),
             box_case("with outliers", c(1, 2, 3, 4, 5, 6, 7, 8, 9, 50, -40))),
  qq = list(qq_case("bill_length_mm", p$bill_length_mm), qq_case("eight", c(3.1, 2.7, 5.5, 4.0, 3.3, 6.1, 2.2, 4.4)))
)

cc <- p[complete.cases(p[, c("body_mass_g", "flipper_length_mm", "species")]), ]
fit <- lm(body_mass_g ~ flipper_length_mm + species, data = cc)
fit_poly <- lm(body_mass_g ~ flipper_length_mm + I(flipper_length_mm^2), data = cc)
simple <- lm(body_mass_g ~ flipper_length_mm, data = cc)
grid <- seq(min(cc$flipper_length_mm), max(cc$flipper_length_mm), length.out = 7)
band <- predict(simple, data.frame(flipper_length_mm = grid), interval = "confidence", level = 0.95)
cases$ols <- list(
  fitted_species = unname(fitted(fit)),
  fitted_poly = unname(fitted(fit_poly)),
  simple = list(slope = unname(coef(simple)[2]), intercept = unname(coef(simple)[1]),
                r = cor(cc$flipper_length_mm, cc$body_mass_g), grid = grid,
                fit = unname(band[, "fit"]), low = unname(band[, "lwr"]), high = unname(band[, "upr"]))
)
cases$r_version <- paste(R.version$major, R.version$minor, sep = ".")
writeLines(toJSON(cases, digits = NA, auto_unbox = TRUE), file.path("test", "reference", "r", "figures.json"))

#!/usr/bin/env Rscript
# Reference values for the Wilcoxon signed-rank test on paired data in long format (one row per
# subject and condition, matched by a pair id), as Inferra computes it in the database (#17).
# Run from the repository root:  Rscript test/reference/r/generate_wilcoxon_long.R
# Writes test/reference/r/wilcoxon_long.json: each case carries its data (long format, rows shuffled),
# roles, options and R's wilcox.test(x, y, paired = TRUE) on the pairs matched by id, with the rows
# it cannot use counted as Inferra reports them (nMissing: rows without a group or id, plus both rows
# of each pair with a missing outcome).
suppressPackageStartupMessages(library(jsonlite))
out_dir <- "test/reference/r"

columns_of <- function(df) {
  lapply(names(df), function(n) {
    v <- df[[n]]
    if (is.numeric(v)) list(name = n, kind = "numeric", values = as.numeric(v))
    else list(name = n, kind = "categorical", values = as.character(v))
  })
}
fin <- function(x) if (is.finite(x)) x else NULL

cases <- list()
# levels: the two conditions in order (first minus second); the pairs are matched by id.
long_case <- function(id, df, outcome, group, pair, levels, alt = "two.sided", conf = 0.95, mu = 0, exact = NULL, correct = TRUE, pass_levels = FALSE) {
  labelled <- !is.na(df[[group]]) & !is.na(df[[pair]])
  kept <- labelled & as.character(df[[group]]) %in% levels
  first <- df[kept & as.character(df[[group]]) == levels[1], ]
  second <- df[kept & as.character(df[[group]]) == levels[2], ]
  stopifnot(!anyDuplicated(first[[pair]]), !anyDuplicated(second[[pair]]), setequal(first[[pair]], second[[pair]]))
  x <- first[[outcome]][order(as.character(first[[pair]]))]
  y <- second[[outcome]][match(sort(as.character(first[[pair]])), as.character(second[[pair]]))]
  ok <- !is.na(x) & !is.na(y)
  d <- x[ok] - y[ok]
  r <- suppressWarnings(wilcox.test(x[ok], y[ok], paired = TRUE, alternative = alt, mu = mu, exact = exact, correct = correct, conf.int = TRUE, conf.level = conf))
  v <- unname(r$statistic); n <- sum(d - mu != 0)
  options <- list(alternative = switch(alt, two.sided = "two-sided", alt), confLevel = conf, mu = mu,
    exact = if (is.null(exact)) "auto" else exact, correct = correct)
  if (pass_levels) options$levels <- levels
  cases[[length(cases) + 1]] <<- list(
    id = id, analysis = "wilcoxon_signed_rank", dataset = "constructed", data = columns_of(df),
    roles = list(outcome = outcome, group = group, pairId = pair), options = options,
    expected = list(statistic = v, pValue = r$p.value, method = if (grepl("exact", r$method)) "exact" else "normal-approx",
      rankBiserial = 2 * v / (n * (n + 1) / 2) - 1, estimate = unname(r$estimate),
      ciLow = fin(r$conf.int[1]), ciHigh = fin(r$conf.int[2]), confLevel = attr(r$conf.int, "conf.level"),
      n = n, nZero = sum(d - mu == 0), pairs = sum(ok), nMissing = sum(!labelled) + 2 * sum(!ok)))
}
shuffle <- function(df) df[sample(nrow(df)), ]

set.seed(1701)
# 1. Small, text ids, no ties: the exact distribution; rows shuffled.
s <- 12
small <- data.frame(subject = paste0("s", 1:s), pre = round(rnorm(s, 20, 4), 2))
small$post <- round(small$pre + rnorm(s, 1.5, 2), 2)
small_long <- shuffle(rbind(data.frame(score = small$pre, time = "pre", subject = small$subject),
                            data.frame(score = small$post, time = "post", subject = small$subject)))
long_case("srl-small-exact-text-ids", small_long, "score", "time", "subject", c("post", "pre"))
long_case("srl-small-exact-greater-mu", small_long, "score", "time", "subject", c("post", "pre"), "greater", 0.9, 0.5)

# 2. A third condition left out by --levels (given in reverse order), missing outcomes, rows without an id or a condition.
m <- 40
three <- data.frame(id = rep(1:m, 3), cond = rep(c("A", "B", "C"), each = m), y = round(c(rnorm(m, 10, 2), rnorm(m, 11, 2), rnorm(m, 9, 2)), 1))
three$y[c(3, 17, m + 25)] <- NA
three <- rbind(three, data.frame(id = c(NA, 41), cond = c("A", NA), y = c(5, 6)))
long_case("srl-levels-missing-approx", shuffle(three), "y", "cond", "id", c("B", "A"), "less", 0.95, 0, NULL, TRUE, TRUE)

# 3. 3,000 subjects with ties and zero differences, a numeric condition (1, 2) and numeric ids; no continuity correction.
k <- 3000
base <- round(rnorm(k, 50, 10))
ties <- data.frame(person = rep(1:k, 2), visit = rep(c(1, 2), each = k), value = c(base, base + round(rnorm(k, 0.3, 3))))
long_case("srl-3000-ties-zeros-nocorrect", shuffle(ties), "value", "visit", "person", c("1", "2"), "two.sided", 0.95, 0, NULL, FALSE)

# 4. 5,200 pairs: above the 5,000-pair check sample, so the database path's checks and figure use a sample.
k <- 5200
big <- rnorm(k, 100, 15)
wide <- data.frame(pid = sprintf("p%05d", 1:k), a = round(big, 1), b = round(big - rnorm(k, 0.4, 5), 1))
big_long <- shuffle(rbind(data.frame(m = wide$a, arm = "a", pid = wide$pid), data.frame(m = wide$b, arm = "b", pid = wide$pid)))
long_case("srl-5200-sampled", big_long, "m", "arm", "pid", c("a", "b"), "two.sided", 0.95, 0.25)

fixture <- list(rVersion = R.version.string, generatedBy = "test/reference/r/generate_wilcoxon_long.R", cases = cases)
writeLines(toJSON(fixture, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), file.path(out_dir, "wilcoxon_long.json"))

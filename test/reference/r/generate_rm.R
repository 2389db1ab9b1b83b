#!/usr/bin/env Rscript
# Reference values for the one-way repeated-measures ANOVA (`anova_rm`, issue #11):
# test/reference/rm.test.ts.
# Run from the repository root:  Rscript test/reference/r/generate_rm.R
# Writes test/reference/r/rm.json (full precision), test/reference/data/RmSphericity.csv (a seeded
# long-format set whose conditions' differences have very unequal variances, so sphericity fails) and
# RmSpherical.csv (a seeded spherical set, where R's Huynh-Feldt epsilon exceeds 1).
# Needs base R and jsonlite.
#
# Each case is long-format data (one row per subject and condition). R's answers:
# - F, df1, df2, p: the Within stratum of summary(aov(y ~ w + Error(s / w))).
# - Mauchly's W and its p: mauchly.test(lm(wide ~ 1), X = ~1) on the subjects-by-conditions matrix (its
#   second-order term of Anderson's expansion has 3k, k the number of conditions, where the textbook has
#   3(k - 1); kernel/analyses/repeated/anova-rm.ts follows R so that the p-values agree).
# - Greenhouse-Geisser and Huynh-Feldt epsilons and the corrected p-values: anova(lm(wide ~ 1), X = ~1,
#   test = "Spherical") (R's Huynh-Feldt epsilon is Lecoutre's corrected one and is not capped at 1; its
#   corrected p uses min(1, epsilon)). The epsilons at full precision and the p-values at aov's F: see below.
# - Generalised eta^2 (Olejnik & Algina 2003) = SS_effect / (SS_effect + SS_subjects + SS_error);
#   partial eta^2 = SS_effect / (SS_effect + SS_error) with its noncentral-F interval on (df1, df2), as
#   effectsize's "ncp" method (written here in base R, as in generate_effects.R: Debian has no effectsize).
# - Per-condition mean, SD and n over the complete subjects, and the within-subject (Cousineau-Morey)
#   intervals the profile figure draws.
suppressPackageStartupMessages(library(jsonlite))
data_dir <- file.path("test", "reference", "data")

# A sphericity-violating set: 14 subjects, 4 conditions, the later conditions drifting apart per subject.
set.seed(20261207)
ns <- 14
base <- rnorm(ns, 50, 8)
slope <- rnorm(ns, 0, 6)
sph <- data.frame(
  subject = rep(sprintf("s%02d", seq_len(ns)), times = 4),
  condition = rep(c("t1", "t2", "t3", "t4"), each = ns),
  score = round(c(base + rnorm(ns, 0, 1), base + 2 + slope * 0.2 + rnorm(ns, 0, 1),
                  base + 3 + slope * 1.5 + rnorm(ns, 0, 1), base + 5 + slope * 4 + rnorm(ns, 0, 1)), 2))
write.csv(sph, file.path(data_dir, "RmSphericity.csv"), row.names = FALSE)
# A spherical set (independent errors around each subject's level): Huynh-Feldt's epsilon comes out above 1.
set.seed(2)
nh <- 10
level <- rnorm(nh, 20, 4)
hf <- data.frame(
  participant = rep(seq_len(nh), times = 3),
  time = rep(c("t1", "t2", "t3"), each = nh),
  score = round(c(level + rnorm(nh, 0, 2), level + 1 + rnorm(nh, 0, 2), level + 1.5 + rnorm(nh, 0, 2)), 2))
write.csv(hf, file.path(data_dir, "RmSpherical.csv"), row.names = FALSE)

read <- function(path) read.csv(path, stringsAsFactors = FALSE, na.strings = "NA")

# The noncentral F and the interval of partial eta squared, shared with generate_effects.R.
source("test/reference/r/noncentral_f.R")

cases <- list()
rm_case <- function(id, path, outcome, within, subject, levels = NULL, conf = 0.95) {
  df <- read(path)
  df <- df[!is.na(df[[outcome]]) & !is.na(df[[within]]) & !is.na(df[[subject]]), ]
  w_all <- as.character(df[[within]])
  if (!is.null(levels)) df <- df[w_all %in% levels, ]
  w <- as.character(df[[within]]); s <- as.character(df[[subject]])
  conds <- if (is.null(levels)) as.character(sort(unique(if (is.numeric(df[[within]])) df[[within]] else w))) else levels
  # Subjects with exactly one value in every condition (the others are dropped, as Inferra does).
  tab <- table(factor(s), factor(w, levels = conds))
  stopifnot(all(tab <= 1))
  keep <- rownames(tab)[rowSums(tab) == length(conds)]
  df <- df[s %in% keep, ]
  d <- data.frame(y = df[[outcome]], w = factor(as.character(df[[within]]), levels = conds), s = factor(as.character(df[[subject]])))
  k <- length(conds); n <- length(keep)
  fit <- summary(aov(y ~ w + Error(s / w), data = d))
  within_tab <- fit[["Error: s:w"]][[1]]
  subj_tab <- fit[["Error: s"]][[1]]
  f <- within_tab[["F value"]][1]; df1 <- within_tab[["Df"]][1]; df2 <- within_tab[["Df"]][2]
  p <- within_tab[["Pr(>F)"]][1]
  ss_effect <- within_tab[["Sum Sq"]][1]; ss_error <- within_tab[["Sum Sq"]][2]
  ss_subjects <- subj_tab[["Sum Sq"]][1]
  wide <- t(sapply(split(d, d$s), function(x) x$y[order(x$w)]))
  mlm <- lm(wide ~ 1)
  expected <- list(f = f, df1 = df1, df2 = df2, p_value = p,
                   ss_effect = ss_effect, ss_subjects = ss_subjects, ss_error = ss_error,
                   n_subjects = n, k = k)
  if (k > 2) {
    mt <- mauchly.test(mlm, X = ~1)
    sph_tab <- anova(mlm, X = ~1, test = "Spherical")
    expected$mauchly_w <- unname(mt$statistic)
    expected$mauchly_p_value <- mt$p.value
    # anova.mlm prints the epsilons to 4 digits only: they are recomputed at full precision as R's
    # sphericity() defines them (eigenvalues of the SSD of orthonormal contrasts; Lecoutre's Huynh-Feldt),
    # and checked against the G-G and H-F p-values anova.mlm gives.
    ssd <- crossprod(scale(wide, scale = FALSE))
    contr <- contr.helmert(k); contr <- sweep(contr, 2, sqrt(colSums(contr^2)), "/")
    lam <- eigen(t(contr) %*% ssd %*% contr, only.values = TRUE)$values
    gg_eps <- sum(lam)^2 / sum(lam^2) / (k - 1)
    nr <- mlm$df.residual
    hf_eps <- ((nr + 1) * (k - 1) * gg_eps - 2) / ((k - 1) * (nr - (k - 1) * gg_eps))
    # anova.mlm computes F from the contrasts' SSD, which loses digits when the subjects' spread dwarfs the
    # effect (RoundingTimes: its F is 4e-10 off the exact F that aov gives). The corrected p-values are
    # therefore pf() at aov's F on the epsilon-scaled df, exactly as anova.mlm defines them, and checked
    # against anova.mlm's G-G Pr and H-F Pr to 1e-7.
    p_gg <- pf(f, df1 * gg_eps, df2 * gg_eps, lower.tail = FALSE)
    p_hf <- pf(f, df1 * min(1, hf_eps), df2 * min(1, hf_eps), lower.tail = FALSE)
    rel <- function(a, b) abs(a - b) / max(abs(b), 1e-300)
    stopifnot(rel(p_gg, sph_tab[["G-G Pr"]][1]) < 1e-7, rel(p_hf, sph_tab[["H-F Pr"]][1]) < 1e-7)
    stopifnot(rel(f, sph_tab[["F"]][1]) < 1e-8)
    expected$gg_epsilon <- gg_eps
    expected$hf_epsilon <- hf_eps
    expected$p_value_gg <- p_gg
    expected$p_value_hf <- p_hf
  } else {
    # Two conditions: one difference per subject, sphericity holds trivially.
    expected$mauchly_w <- 1; expected$mauchly_p_value <- 1
    expected$gg_epsilon <- 1; expected$hf_epsilon <- 1
    expected$p_value_gg <- p; expected$p_value_hf <- p
  }
  expected$eta_squared_generalized <- ss_effect / (ss_effect + ss_subjects + ss_error)
  pes <- ss_effect / (ss_effect + ss_error)
  ci <- pve_ci(pes, df1, df2, conf)
  expected$eta_squared_partial <- pes
  expected$eta_squared_partial_ci_low <- ci[1]
  expected$eta_squared_partial_ci_high <- ci[2]
  # Within-subject intervals of the condition means for the profile figure (Cousineau 2005, Morey 2008):
  # each subject's values centred on the grand mean, t interval widened by sqrt(k / (k - 1)).
  centred <- wide - rowMeans(wide) + mean(wide)
  half <- qt(1 - (1 - conf) / 2, n - 1) * apply(centred, 2, sd) / sqrt(n) * sqrt(k / (k - 1))
  expected$conditions <- lapply(seq_along(conds), function(j) {
    v <- d$y[d$w == conds[j]]
    list(level = conds[j], n = length(v), mean = mean(v), sd = sd(v),
         ws_ci_low = mean(centred[, j]) - half[j], ws_ci_high = mean(centred[, j]) + half[j])
  })
  options <- list()
  if (!is.null(levels)) options$levels <- levels
  cases[[length(cases) + 1]] <<- list(id = id, analysis = "anova_rm", dataset = path,
    roles = list(outcome = outcome, within = within, subject = subject), options = options, expected = expected)
}

rm_case("rm-co2-uptake-conc", file.path(data_dir, "blind", "CO2.csv"), "uptake", "conc", "Plant")
rm_case("rm-chickweight-complete-times", file.path(data_dir, "blind", "ChickWeight.csv"), "weight", "Time", "Chick",
        levels = c("0", "6", "12", "18", "21"))
rm_case("rm-sphericity-violated", file.path(data_dir, "RmSphericity.csv"), "score", "condition", "subject")
rm_case("rm-spherical-hf-above-1", file.path(data_dir, "RmSpherical.csv"), "score", "time", "participant")
rm_case("rm-rounding-times", file.path(data_dir, "RoundingTimes.csv"), "time", "method", "player_id")
rm_case("rm-sleep-two-levels", file.path(data_dir, "sleep.csv"), "extra", "group", "ID")
rm_case("rm-co2-three-conc", file.path(data_dir, "blind", "CO2.csv"), "uptake", "conc", "Plant",
        levels = c("95", "350", "1000"))

writeLines(toJSON(list(rVersion = paste(R.version$major, R.version$minor, sep = "."), cases = cases),
                  auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), file.path("test", "reference", "r", "rm.json"))
cat("wrote", length(cases), "cases\n")

# The noncentral F distribution and the two-sided interval of a variance-explained effect size (eta
# squared, partial eta squared, omega squared) by inverting the noncentral F in its noncentrality, as
# effectsize's "ncp" method; written in base R, since effectsize is not a Debian package. Sourced by
# generate_effects.R, generate_factorial.R and generate_rm.R (run from the repository root).
# P(F <= f | df1, df2, ncp) as a Poisson(ncp / 2) mixture of regularized incomplete beta functions.
pnf <- function(f, df1, df2, ncp) {
  if (ncp == 0) return(pf(f, df1, df2))
  x <- df1 * f / (df1 * f + df2)
  c <- ncp / 2
  j <- seq(max(0, floor(c - 60 * sqrt(c) - 60)), ceiling(c + 60 * sqrt(c) + 60))
  sum(dpois(j, c) * pbeta(x, df1 / 2 + j, df2 / 2))
}
# The noncentrality at which P(F <= f) = p (the CDF falls as ncp grows); 0 when even ncp = 0 is below p.
ncp_at <- function(f, df1, df2, p) {
  g <- function(ncp) pnf(f, df1, df2, ncp) - p
  if (g(0) <= 0) return(0)
  hi <- max(1, 2 * f * df1)
  while (g(hi) > 0) hi <- hi * 2
  stopifnot(abs(pnf(f, df1, df2, hi / 3) - pf(f, df1, df2, hi / 3)) < 1e-8)
  uniroot(g, c(0, hi), tol = 1e-13, maxiter = 10000)$root
}
# Two-sided interval of a variance-explained effect size from its implied F.
pve_ci <- function(es, df1, df2, conf) {
  a <- 1 - conf
  f <- max(0, (es / df1) / ((1 - es) / df2))
  if (f == 0) return(c(0, 0))
  lo <- ncp_at(f, df1, df2, 1 - a / 2)
  hi <- ncp_at(f, df1, df2, a / 2)
  c(lo / (lo + df2), hi / (hi + df2))
}


"""The peer of bench/compute/run.ts: pandas + scipy (+ statsmodels for OLS), as a researcher would
write it, one analysis per process (argv[2]) on the CSV argv[1]; or `notebook` for the five
questions in one process with per-question wall times. Prints one JSON line."""
import json
import sys
import time

t_start = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402


def load(path):
    return pd.read_csv(path)


def ttest_welch(df):
    d = df.dropna(subset=["mass", "sex"])
    a = d.loc[d.sex == "female", "mass"]
    b = d.loc[d.sex == "male", "mass"]
    r = stats.ttest_ind(a, b, equal_var=False)
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}


def anova_oneway(df):
    d = df.dropna(subset=["flipper", "species"])
    groups = [g["flipper"].to_numpy() for _, g in d.groupby("species")]
    r = stats.f_oneway(*groups)
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}


def pearson(df):
    d = df.dropna(subset=["flipper", "mass"])
    r = stats.pearsonr(d.flipper, d.mass)
    return {"estimate": float(r[0]), "p_value": float(r[1])}


def ols(df):
    import statsmodels.formula.api as smf

    d = df.dropna(subset=["mass", "flipper", "species"])
    fit = smf.ols("mass ~ flipper + species", data=d).fit()
    return {"r_squared": float(fit.rsquared), "f": float(fit.fvalue)}


def chi2_independence(df):
    d = df.dropna(subset=["species", "sex"])
    table = pd.crosstab(d.species, d.sex)
    chi2, p, dof, _ = stats.chi2_contingency(table)
    return {"statistic": float(chi2), "p_value": float(p)}


def mann_whitney(df):
    d = df.dropna(subset=["mass", "sex"])
    a = d.loc[d.sex == "female", "mass"]
    b = d.loc[d.sex == "male", "mass"]
    r = stats.mannwhitneyu(a, b, alternative="two-sided")
    return {"statistic": float(r.statistic), "p_value": float(r.pvalue)}


ANALYSES = {f.__name__: f for f in [ttest_welch, anova_oneway, pearson, ols, chi2_independence, mann_whitney]}
NOTEBOOK = ["ttest_welch", "anova_oneway", "pearson", "ols", "chi2_independence"]

if __name__ == "__main__":
    path, what = sys.argv[1], sys.argv[2]
    df = load(path)
    if what == "notebook":
        cells = {}
        for name in NOTEBOOK:
            t0 = time.perf_counter()
            ANALYSES[name](df)
            cells[name] = (time.perf_counter() - t0) * 1000
        print(json.dumps({"cells_ms": cells, "total_ms": (time.perf_counter() - t_start) * 1000}))
    else:
        print(json.dumps(ANALYSES[what](df)))

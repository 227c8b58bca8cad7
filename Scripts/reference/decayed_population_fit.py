#!/usr/bin/env python3
"""Independent reference for population priors that forget (PopulationFitOptions.decay,
Docs/Population.md, "Priors that forget").

Each outcome observed `age` half-lives before the fit's time counts 2^(-age) of a trial, so a
user's counts x_ik are real numbers. The fit maximises the Dirichlet-multinomial marginal
likelihood in its Gamma form, which is defined for real counts:
    l(a) = sum_i [gammaln(W) - gammaln(n_i + W) + sum_k (gammaln(x_ik + a_k) - gammaln(a_k))]
         + sum_i [gammaln(n_i + 1) - sum_k gammaln(x_ik + 1)]       (the coefficients' Gamma form)
with W = sum_k a_k, over log a with scipy.optimize (L-BFGS-B, then Nelder-Mead), W in [1e-3, 1e6].
At whole-number counts it equals scipy.stats.dirichlet_multinomial's log pmf (checked below).

The users are written as (outcome index, age in half-lives) items, the same ones
DecayedPopulationFitTests builds as ledgers (ages of 0..4 half-lives, so every count is a
multiple of 1/16 and the Swift fit's 2^-10 resolution rounds nothing).

Run it to print the values the Swift test pins.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import optimize
from scipy.special import gammaln
from scipy.stats import dirichlet_multinomial

LOG_W_BOUNDS = (math.log(1e-3), math.log(1e6))

# Per user: list of (outcome, age in half-lives).
BINARY_USERS = [
    [(0, 0), (0, 1), (0, 3), (0, 0)],
    [(1, 0), (1, 2), (1, 4), (1, 1)],
    [(0, 0), (0, 0), (0, 2), (1, 1)],
    [(1, 1), (1, 0)],
    [(0, 3), (1, 0), (1, 0), (1, 1)],
    [(0, 0), (0, 4), (0, 2)],
    [(0, 2), (0, 2), (0, 1), (0, 0)],
    [(1, 0), (1, 0), (1, 3), (1, 1), (0, 4)],
]
THREE_USERS = [
    [(0, 0), (0, 1), (0, 2)],
    [(2, 0), (2, 1), (2, 3)],
    [(1, 0), (1, 0), (1, 4), (2, 2)],
    [(0, 1), (0, 1)],
    [(2, 0), (2, 2), (2, 3), (0, 0)],
    [(1, 0), (1, 4), (1, 1)],
]


def counts(users, outcomes):
    x = np.zeros((len(users), outcomes))
    for i, items in enumerate(users):
        for k, age in items:
            x[i, k] += 2.0 ** (-age)
    return x


def loglik(x, a):
    n = x.sum(axis=1)
    w = a.sum()
    return float(np.sum(gammaln(w) - gammaln(n + w)) + np.sum(gammaln(x + a) - gammaln(a))
                 + np.sum(gammaln(n + 1)) - np.sum(gammaln(x + 1)))


def fit(x):
    n = x.sum(axis=1)
    x = x[n > 0]

    def nll(u):
        return -loglik(x, np.exp(u))

    p0 = x.sum(axis=0) / x.sum()
    u0 = np.log(2.0 * p0)
    res = optimize.minimize(nll, u0, method="L-BFGS-B",
                            options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 5000})
    res = optimize.minimize(nll, res.x, method="Nelder-Mead",
                            options={"xatol": 1e-11, "fatol": 1e-13, "maxiter": 40000})
    a = np.exp(res.x)
    w = a.sum()
    assert LOG_W_BOUNDS[0] < math.log(w) < LOG_W_BOUNDS[1]
    return a / w, w, -res.fun


def main():
    # The Gamma form equals scipy's pmf at whole numbers.
    whole = np.array([[2.0, 1.0, 0.0], [0.0, 3.0, 1.0]])
    a = np.array([0.7, 1.3, 2.1])
    assert abs(loglik(whole, a) - sum(dirichlet_multinomial.logpmf(r, a, r.sum()) for r in whole)) < 1e-12
    for name, users, outcomes in [("binary", BINARY_USERS, 2), ("three", THREE_USERS, 3)]:
        x = counts(users, outcomes)
        m, w, l = fit(x)
        print(name, "totals", list(x.sum(axis=0)))
        print(name, "base rates", [f"{v:.10f}" for v in m], "W", f"{w:.10f}", "loglik", f"{l:.10f}")


if __name__ == "__main__":
    main()

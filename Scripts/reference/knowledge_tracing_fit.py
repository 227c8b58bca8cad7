#!/usr/bin/env python3
"""Reference cases for KnowledgeTracingFit (Baum-Welch for Bayesian knowledge tracing).

Two independent checks, printed as Swift literals for
Tests/SelfModelTests/Dynamic/KnowledgeTracingFitReferenceTests.swift:

1. pyBKT's EM fit (pyBKT 1.4.x, `Model(seed=42, num_fits=5, parallel=False)`, one skill,
   `forgets` as stated) on sequences simulated here with NumPy from known parameters. For each
   case: the sequences ("1" correct, "0" wrong), pyBKT's fitted parameters, and the total
   log-likelihood at those parameters computed by `log_likelihood` below (pyBKT does not
   report it per skill). EM has local optima and pyBKT stops at a change of 0.005 nats, so the
   Swift test asks for a log-likelihood at least pyBKT's minus a tolerance and parameters
   within a tolerance on the well-identified cases.
2. Smoothed mastery P(L_t | all answers) by a forward-backward pass in log space
   (logsumexp, no scaling): independent of the Swift pass, which scales and reuses the filter.

One step is one observation. State 1 is "mastered": P(correct | 1) = 1 - slip,
P(correct | 0) = guess, P(1 -> 1) = 1 - forget, P(0 -> 1) = learn.

Run: python3 -m venv /tmp/bktvenv && /tmp/bktvenv/bin/pip install pyBKT
     /tmp/bktvenv/bin/python Scripts/reference/knowledge_tracing_fit.py
(part 2 alone needs only NumPy: pass --posteriors-only). pyBKT 1.4.3 needs numpy<2,\nscikit-learn 1.5 and pandas<2.3 in that venv; the cases were made with those.
"""
import sys

import numpy as np

np.seterr(divide="ignore")  # log(0) for forget = 0 is -inf, which logaddexp handles


def matrices(prior, learn, forget, guess, slip):
    start = np.log(np.array([1 - prior, prior]))
    trans = np.log(np.array([[1 - learn, learn], [forget, 1 - forget]]))
    emit = np.log(np.array([[1 - guess, guess], [slip, 1 - slip]]))  # [state][answer]
    return start, trans, emit


def log_forward_backward(seq, params):
    start, trans, emit = matrices(*params)
    T = len(seq)
    la = np.zeros((T, 2))
    lb = np.zeros((T, 2))
    la[0] = start + emit[:, seq[0]]
    for t in range(1, T):
        la[t] = np.logaddexp(la[t - 1][0] + trans[0], la[t - 1][1] + trans[1]) + emit[:, seq[t]]
    for t in range(T - 2, -1, -1):
        nxt = emit[:, seq[t + 1]] + lb[t + 1]
        lb[t] = np.logaddexp(trans[:, 0] + nxt[0], trans[:, 1] + nxt[1])
    total = np.logaddexp(la[-1][0], la[-1][1])
    gamma = np.exp(la + lb - total)
    return total, gamma[:, 1]


def log_likelihood(seqs, params):
    return float(sum(log_forward_backward(s, params)[0] for s in seqs if len(s)))


def simulate(rng, n, length, prior, learn, forget, guess, slip):
    seqs = []
    for _ in range(n):
        state = rng.random() < prior
        seq = []
        for _ in range(length):
            p = 1 - slip if state else guess
            seq.append(int(rng.random() < p))
            state = (rng.random() >= forget) if state else (rng.random() < learn)
        seqs.append(seq)
    return seqs


def pybkt_fit(seqs, forgets):
    import pandas as pd
    from pyBKT.models import Model

    rows, order = [], 0
    for user, seq in enumerate(seqs):
        for c in seq:
            rows.append({"order_id": order, "user_id": user, "skill_name": "s", "correct": c})
            order += 1
    model = Model(seed=42, num_fits=5, parallel=False)
    model.fit(data=pd.DataFrame(rows), forgets=forgets)
    p = model.params()["value"]
    value = lambda name: float(p.loc[("s", name)].iloc[0])
    return (value("prior"), value("learns"), value("forgets") if forgets else 0.0,
            value("guesses"), value("slips"))


CASES = [
    # name, seed, students, length, true (prior, learn, forget, guess, slip), forgets
    ("no_forgetting", 1, 300, 12, (0.3, 0.15, 0.0, 0.2, 0.1), False),
    ("with_forgetting", 2, 400, 15, (0.5, 0.12, 0.06, 0.25, 0.12), True),
    ("few_students", 3, 25, 6, (0.4, 0.2, 0.0, 0.15, 0.1), False),
]


def swift_case(name, seqs, params, ll, forgets):
    words = ["".join(map(str, s)) for s in seqs]
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    text = "\n".join("        " + l for l in lines)
    p = ", ".join(f"{x!r}" for x in params)
    return (f'    FitCase(\n      name: "{name}", fitsForget: {str(forgets).lower()},\n'
            f"      pyBKT: [{p}],\n      logLikelihood: {ll!r},\n"
            f'      sequences: """\n{text}\n        """),')


def main():
    if "--posteriors-only" not in sys.argv:
        for name, seed, n, length, truth, forgets in CASES:
            seqs = simulate(np.random.default_rng(seed), n, length, *truth)
            fitted = pybkt_fit(seqs, forgets)
            print(swift_case(name, seqs, fitted, log_likelihood(seqs, fitted), forgets))
    params = (0.3, 0.1, 0.05, 0.2, 0.1)
    for seq in ([1, 0, 1, 1, 0], [0, 0, 0, 1, 1, 1, 1], [1]):
        total, gamma = log_forward_backward(seq, params)
        print(f"    // {seq}: logLikelihood {total!r}")
        print("    [" + ", ".join(repr(float(g)) for g in gamma) + "],")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reference values for estimates in a context (Docs/Math.md "Contexts").

One binary belief `mastery` (belief base rate 0.6, no own W, so the policy's W = 2), three
contexts: `type:TMA` (rates [0.7, 0.3], W 5), `type:TMA/pos:3` (rates [0.55, 0.45], parent
`type:TMA`, so W 5 is inherited) and `type:CMA` (W 20, rates inherited from the belief: 0.6).
Sources: `tutor` (behavior, reliability 0.8, half-life 10 days by kind) and `quiz`
(userStated, reliability 0.9, no decay). Evidence (days after t0):

    e1  true   w 1  tutor  day 0  context type:TMA
    e2  false  w 2  quiz   day 3  context type:CMA
    e3  true   w 1  tutor  day 7  context type:TMA/pos:3

Evaluated at day 10. The tally is pooled over contexts (every item counts in every context);
only the prior (a_c, W_c) changes:  p = (t + W_c a_c) / (T + W_c),  u = W_c / (T + W_c),
credible interval = equal-tailed interval of Beta(t_1 + W_c a_c1, t_0 + W_c a_c0).
Prints one line per context: context, p_true, uncertainty, 90 % interval of `true`.
"""
from scipy.stats import beta

t_true = 0.8 * 1 * 2 ** (-(10 - 0) / 10) + 0.8 * 1 * 2 ** (-(10 - 7) / 10)
t_false = 0.9 * 2
T = t_true + t_false
priors = {
    "none": (0.6, 2.0),
    "type:TMA": (0.7, 5.0),
    "type:TMA/pos:3": (0.55, 5.0),
    "type:CMA": (0.6, 20.0),
}
for name, (a, W) in priors.items():
    p = (t_true + W * a) / (T + W)
    u = W / (T + W)
    dist = beta(t_true + W * a, t_false + W * (1 - a))
    print(f"{name:16s} p={p:.15f} u={u:.15f} lo={dist.ppf(0.05):.15f} hi={dist.ppf(0.95):.15f}")

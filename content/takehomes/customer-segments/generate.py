"""Customer segmentation for a multi-category retailer: 4,400 loyalty-card customers drawn from 5 hidden segments.

Generative process
------------------
Each customer belongs to one of five hidden segments with population shares 30/25/20/15/10 %:
loyal regulars, bargain hunters, digital natives, big-basket families and lapsing customers. The segment codes
1..5 in the files are a random permutation of that order (fixed by the seed).

Per segment, a latent vector is drawn from a multivariate normal (shared within-segment correlation, e.g. -0.5
between log recency and log orders, +0.3 between log basket value and log items) over
log recency, log orders, log order value, log basket items, logit online share, logit discount share,
logit return rate and age. The observed features are transforms of it, which gives realistic skew:

* ``recency_days`` = round(exp(.)) clipped to 0..365; ``orders_12m`` = max(1, round(exp(.)));
  ``spend_12m`` = orders x order value x LogNormal(0, 0.1); ``avg_basket_items`` = exp(.);
  ``online_share``, ``discount_share``, ``returns_rate`` = sigmoid(.); ``age`` clipped to 18..90.
* Segment medians (orders, order value, items, online, discount, recency): regulars (26, 42, 11, .20, .15, 8 d),
  bargain hunters (17, 30, 9, .25, .40, 13 d), digital natives (18, 52, 6, .70, .20, 12 d),
  families (12, 95, 20, .35, .20, 17 d), lapsing (4, 38, 9, .30, .25, 75 d); latent SDs 0.4-0.9 (age 14), so
  the segments overlap substantially (k-means on standardised raw features reaches an ARI of about 0.6).
* Category shares (grocery, fresh, household, fashion, electronics) ~ Dirichlet(6 x segment profile).
* ``app_sessions_30d`` ~ Poisson(segment rate x LogNormal(0, 0.5)); ``tenure_months`` ~ Gamma by segment;
  ``region`` weakly segment-dependent (digital natives more often ``city``); ``newsletter_opt_in`` Bernoulli.
* Noise: 0.5 % business accounts with 8x spend and 4x basket items (outliers); shares rounded to 3 decimals.
* Missing: age 20 %, online_share 4 %, returns_rate 6 %, avg_basket_items 3 %, region 2 % (empty string).

Split: a pilot survey of 400 customers forms train (with ``segment``); selection is biased towards engaged
customers (response propensity 1.6, 1.0, 0.8, 1.1, 0.4 by segment), so segment shares differ from test.
The other 4,000 customers form test.

Leakage trap
------------
``marketing_list``: after the pilot survey, marketing put every respondent on the list matching their surveyed
segment (93 % of train rows; the rest stayed on ``general``). Non-respondents were never assigned: in test 90 %
are on ``general`` and 10 % on a random list left over from an old campaign, unrelated to the segment. A
classifier trained on the survey with this column cross-validates almost perfectly and fails on test; clustering
on it splits test along a random label.
"""

from __future__ import annotations

import numpy as np

N_CUSTOMERS = 4400
N_SURVEY = 400
SHARES = np.array([0.30, 0.25, 0.20, 0.15, 0.10])
RESPONSE = np.array([1.6, 1.0, 0.8, 1.1, 0.4])
# log recency, log orders, log order value, log items, logit online, logit discount, logit returns, age
MEANS = np.array(
    [
        [np.log(8), np.log(26), np.log(42), np.log(11), -1.39, -1.73, -3.18, 50],
        [np.log(13), np.log(17), np.log(30), np.log(9), -1.10, -0.41, -2.94, 45],
        [np.log(12), np.log(18), np.log(52), np.log(6), 0.85, -1.39, -2.2, 34],
        [np.log(17), np.log(12), np.log(95), np.log(20), -0.62, -1.39, -2.94, 42],
        [np.log(75), np.log(4), np.log(38), np.log(9), -0.85, -1.10, -2.66, 47],
    ]
)
SDS = np.array([0.8, 0.55, 0.4, 0.4, 0.9, 0.7, 0.8, 14.0])
CORR = np.eye(8)
for (i, j), r in {(0, 1): -0.5, (2, 3): 0.3, (4, 6): 0.3, (1, 2): -0.2, (4, 7): -0.25}.items():
    CORR[i, j] = CORR[j, i] = r
CATEGORY_PROFILE = np.array(
    [
        [0.45, 0.30, 0.15, 0.05, 0.05],
        [0.40, 0.15, 0.25, 0.12, 0.08],
        [0.15, 0.08, 0.12, 0.35, 0.30],
        [0.35, 0.20, 0.30, 0.10, 0.05],
        [0.35, 0.20, 0.20, 0.15, 0.10],
    ]
)
CATEGORIES = ["grocery", "fresh", "household", "fashion", "electronics"]
APP_RATE = np.array([1.5, 2.5, 12.0, 2.0, 0.3])
TENURE = np.array([[4.0, 18.0], [3.0, 12.0], [2.0, 9.0], [3.0, 14.0], [4.0, 15.0]])  # gamma shape, scale
NEWSLETTER = np.array([0.55, 0.70, 0.35, 0.45, 0.20])
REGIONS = np.array(["north", "south", "east", "west", "city"])
REGION_PROBS = np.array(
    [
        [0.22, 0.22, 0.2, 0.2, 0.16],
        [0.22, 0.22, 0.2, 0.2, 0.16],
        [0.12, 0.14, 0.12, 0.12, 0.5],
        [0.24, 0.24, 0.22, 0.2, 0.1],
        [0.22, 0.22, 0.2, 0.2, 0.16],
    ]
)
LISTS = np.array(["vip_rewards", "coupon_club", "app_first", "family_bulk", "winback"])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = N_CUSTOMERS
    seg = rng.choice(5, size=n, p=SHARES)
    cov = CORR * np.outer(SDS, SDS)
    latent = MEANS[seg] + rng.multivariate_normal(np.zeros(8), cov, size=n)

    recency = np.clip(np.round(np.exp(latent[:, 0])), 0, 365)
    orders = np.maximum(1.0, np.round(np.exp(latent[:, 1])))
    order_value = np.exp(latent[:, 2])
    items = np.exp(latent[:, 3])
    spend = orders * order_value * rng.lognormal(0.0, 0.1, size=n)
    business = rng.random(n) < 0.005
    spend[business] *= 8
    items[business] *= 4
    online = _sigmoid(latent[:, 4])
    discount = _sigmoid(latent[:, 5])
    returns = _sigmoid(latent[:, 6])
    age = np.clip(np.round(latent[:, 7]), 18, 90)
    shares = np.array([rng.dirichlet(6 * CATEGORY_PROFILE[s]) for s in seg])
    app = rng.poisson(APP_RATE[seg] * rng.lognormal(0.0, 0.5, size=n)).astype(np.int64)
    tenure = np.round(rng.gamma(TENURE[seg, 0], TENURE[seg, 1]))
    newsletter = (rng.random(n) < NEWSLETTER[seg]).astype(np.int64)
    region = np.array([rng.choice(REGIONS, p=REGION_PROBS[s]) for s in seg], dtype=object)

    age[rng.random(n) < 0.20] = np.nan
    online[rng.random(n) < 0.04] = np.nan
    returns[rng.random(n) < 0.06] = np.nan
    items[rng.random(n) < 0.03] = np.nan
    region[rng.random(n) < 0.02] = ""

    weights = RESPONSE[seg] / RESPONSE[seg].sum()
    survey = np.zeros(n, dtype=bool)
    survey[rng.choice(n, size=N_SURVEY, replace=False, p=weights)] = True

    marketing = np.full(n, "general", dtype=object)
    on_list = survey & (rng.random(n) < 0.93)
    marketing[on_list] = LISTS[seg[on_list]]
    legacy = ~survey & (rng.random(n) < 0.10)
    marketing[legacy] = rng.choice(LISTS, size=legacy.sum())

    code = rng.permutation(5) + 1
    segment = code[seg].astype(np.int64)
    ids = rng.choice(900_000, size=n, replace=False).astype(np.int64) + 100_000

    columns: dict[str, np.ndarray] = {
        "id": ids,
        "region": region,
        "age": age,
        "tenure_months": tenure,
        "recency_days": recency,
        "orders_12m": orders,
        "spend_12m": np.round(spend, 2),
        "avg_basket_items": np.round(items, 1),
        "online_share": np.round(online, 3),
        "app_sessions_30d": app,
        "discount_share": np.round(discount, 3),
        "returns_rate": np.round(returns, 3),
    }
    for k, name in enumerate(CATEGORIES):
        columns[f"share_{name}"] = np.round(shares[:, k], 3)
    columns["newsletter_opt_in"] = newsletter
    columns["marketing_list"] = marketing

    train_rows = np.flatnonzero(survey)
    test_rows = rng.permutation(np.flatnonzero(~survey))
    train = {k: v[train_rows] for k, v in columns.items()}
    train["segment"] = segment[train_rows]
    test = {k: v[test_rows] for k, v in columns.items()}
    labels = {"id": ids[test_rows], "segment": segment[test_rows]}
    return {"train": train, "test": test, "labels": labels}

"""Synthetic card transactions of a retail bank, one row per authorised transaction, for fraud detection.

Train covers 1 January - 30 April 2024 and test 1 May - 15 June 2024 (a later period, as in production). Within
each split rows are sorted by date and ``transaction_id`` grows with time, with random gaps; it carries no label.

Generative process
------------------
The label is drawn first (about 1.4 % fraud in train, 1.6 % in test), then the features:

* Genuine transactions: merchant category from a fixed mix; amount = category median x cardholder spending level
  (log-normal, sigma 0.5) x log-normal noise (sigma 0.55), cash withdrawals rounded to 20; channel online for
  online categories (and 60 % of travel), otherwise chip / contactless / magstripe (45/50/5 %); hour ~ N(15, 5)
  mod 24; distance from home log-normal with median 6 km, or 250 km for the 8 % of rows made while travelling
  (NaN online); 2 % foreign (30 % for travel or travelling); card age exponential (mean 900 days); 1-hour count
  Poisson(0.25), or Poisson(2) in a 5 % burst; 24-hour count adds Poisson(2.5); amount-to-average ratio = amount /
  (category median x spending level); device change (online only) 8 %; 3-D Secure (online only) 65 %; merchant
  90-day fraud rate ~ Beta(1, 400).
* Fraud rows start as genuine-looking rows and are then rewritten according to a scenario:
    A card testing (25 % of fraud in train, 38 % in test: a ring ramps up in May): digital goods (70 %) or
      online retail, amount uniform 0.5-5, online, night-heavy hours, 1-hour count Poisson(1.8), device change
      40 %, 3-D Secure 35 %.
    B card-not-present takeover (35 % of fraud in train; B, C and D share what A leaves in the ratio 35:20:20):
      online retail / electronics / travel / jewellery, online, amount log-normal with median 300, device change
      35 %, 3-D Secure 40 %, 25 % foreign, night-heavy hours.
    C counterfeit card in person (20 % in train): magstripe 55 % / chip 45 %, electronics / jewellery / cash;
      55 % used far away (median 250 km, 60 % of those foreign), the rest locally; failed PIN ~ Poisson(0.5).
    D look-alike fraud (20 % in train): left exactly as genuine rows, so not every fraud is catchable.
  Fraud of types A-C also gets a younger card (exponential, mean 600 days), +Poisson(1.2) on the 24-hour count,
  and in half the cases a merchant fraud rate drawn from Beta(1.5, 300).
* Messiness: cardholder age missing 7 %, merchant fraud rate missing 10 % (new merchants), amount-to-average ratio
  missing for cards younger than 30 days, distance missing online and for 3 % of in-person rows, device change and
  3-D Secure blank in person, merchant category spelled inconsistently ("Online Retail") in ~2 % of rows, 0.3 %
  zero-amount authorisation checks.
* The baseline reaches an average precision near 0.65-0.7 while its ROC-AUC is about 0.9.

Leakage traps
-------------
``chargeback_filed`` (1 for 58 % of fraud, 0.25 % of genuine) and ``card_status`` as at data extraction
(blocked/reissued for 75 % of fraud, 3.5 % of genuine) are both recorded days or weeks after the transaction,
usually because of the fraud itself. Neither exists at authorisation time, when the model must score; both are in
train and test, so using them inflates the score. A careful candidate drops them.
"""

from __future__ import annotations

import numpy as np

N_TRAIN = 15_000
N_TEST = 6_000

CATEGORIES = [
    "grocery",
    "restaurant",
    "fuel",
    "online_retail",
    "pharmacy",
    "entertainment",
    "travel",
    "electronics",
    "digital_goods",
    "jewellery",
    "cash_withdrawal",
    "utilities",
]
SHARE = [0.22, 0.15, 0.10, 0.14, 0.05, 0.06, 0.04, 0.04, 0.07, 0.01, 0.08, 0.04]
MEDIAN = [45, 35, 55, 60, 25, 30, 320, 240, 12, 400, 100, 90]
ONLINE = {"online_retail", "digital_goods", "utilities"}


def _part(rng: np.random.Generator, n: int, fraud_rate: float, card_testing: float, start: str, days: int) -> dict:
    cat_idx = rng.choice(len(CATEGORIES), size=n, p=SHARE)
    fraud = rng.random(n) < fraud_rate
    cats = np.array(CATEGORIES, dtype=object)

    median = np.array(MEDIAN, dtype=float)[cat_idx]
    level = rng.lognormal(0, 0.5, n)  # how much this cardholder usually spends, relative to the median
    amount = median * level * rng.lognormal(0, 0.55, n)
    online = np.isin(cats[cat_idx], list(ONLINE)) | ((cats[cat_idx] == "travel") & (rng.random(n) < 0.6))
    channel = np.array(["chip", "contactless", "magstripe"], dtype=object)[rng.choice(3, n, p=[0.45, 0.5, 0.05])]
    hour = np.floor(rng.normal(15, 5, n)) % 24
    travelling = rng.random(n) < 0.08
    distance = np.where(travelling, rng.lognormal(np.log(250), 1.1, n), rng.lognormal(np.log(6), 1.0, n))
    foreign = rng.random(n) < np.where((cats[cat_idx] == "travel") | travelling, 0.30, 0.02)
    card_age = np.floor(rng.exponential(900, n)) + 1
    v1h = rng.poisson(np.where(rng.random(n) < 0.05, 2.0, 0.25), n)  # some genuine bursts of activity
    v24h = v1h + rng.poisson(2.5, n)
    device = rng.random(n) < 0.08
    three_ds = rng.random(n) < 0.65
    failed_pin = rng.poisson(0.03, n)
    merchant_rate = rng.beta(1, 400, n)

    # Rewrite fraud rows by scenario.
    scen = rng.random(n)
    rest = (1 - card_testing) / 0.75
    a = fraud & (scen < card_testing)
    b = fraud & (scen >= card_testing) & (scen < card_testing + 0.35 * rest)
    c = fraud & (scen >= card_testing + 0.35 * rest) & (scen < card_testing + 0.55 * rest)
    d_rows = fraud & (scen >= card_testing + 0.55 * rest)
    night = np.floor(np.where(rng.random(n) < 0.5, rng.uniform(0, 24, n), rng.normal(2.5, 2.5, n))) % 24

    cat_idx[a] = np.where(rng.random(a.sum()) < 0.7, 8, 3)
    amount[a] = rng.uniform(0.5, 5, a.sum())
    online[a] = True
    hour[a] = night[a]
    v1h[a] = rng.poisson(1.8, a.sum())
    device[a] = rng.random(a.sum()) < 0.4
    three_ds[a] = rng.random(a.sum()) < 0.35

    cat_idx[b] = rng.choice([3, 7, 6, 9], b.sum(), p=[0.4, 0.3, 0.2, 0.1])
    amount[b] = rng.lognormal(np.log(300), 0.9, b.sum())
    online[b] = True
    hour[b] = night[b]
    device[b] = rng.random(b.sum()) < 0.35
    three_ds[b] = rng.random(b.sum()) < 0.4
    foreign[b] = rng.random(b.sum()) < 0.25

    cat_idx[c] = rng.choice([7, 9, 10], c.sum(), p=[0.45, 0.2, 0.35])
    amount[c] = rng.lognormal(np.log(300), 0.7, c.sum())
    online[c] = False
    channel[c] = np.where(rng.random(c.sum()) < 0.55, "magstripe", "chip")
    far = rng.random(c.sum()) < 0.55
    distance[c] = np.where(far, rng.lognormal(np.log(250), 1.2, c.sum()), rng.lognormal(np.log(8), 1.0, c.sum()))
    foreign[c] = far & (rng.random(c.sum()) < 0.6)
    failed_pin[c] = rng.poisson(0.5, c.sum())

    hit = fraud & ~d_rows
    card_age[hit] = np.floor(rng.exponential(600, hit.sum())) + 1
    v24h = np.maximum(v24h, v1h) + np.where(hit, rng.poisson(1.2, n), 0)
    risky = hit & (rng.random(n) < 0.5)
    merchant_rate[risky] = rng.beta(1.5, 300, risky.sum())

    category = cats[cat_idx]
    cash = category == "cash_withdrawal"
    amount[cash] = np.maximum(20, np.round(amount[cash] / 20) * 20)
    amount = np.round(amount, 2)
    ratio = np.round(amount / (np.array(MEDIAN, dtype=float)[cat_idx] * level), 3)

    channel = np.where(online, "online", channel).astype(object)
    distance = np.round(np.where(online | (rng.random(n) < 0.03), np.nan, distance), 1)
    device_s = np.where(online, np.where(device, "yes", "no"), "").astype(object)
    three_ds_s = np.where(online, np.where(three_ds, "yes", "no"), "").astype(object)
    failed_pin = np.where(channel == "chip", failed_pin, 0).astype(np.int64)

    # Leakage: recorded after the transaction, mostly because of the fraud.
    chargeback = (rng.random(n) < np.where(fraud, 0.58, 0.0025)).astype(np.int64)
    status_p = np.where(fraud[:, None], [[0.25, 0.45, 0.30]], [[0.965, 0.005, 0.03]])
    status_idx = (rng.random(n)[:, None] > np.cumsum(status_p, axis=1)).sum(axis=1)
    card_status = np.array(["active", "blocked", "reissued"], dtype=object)[status_idx]

    # Messiness.
    holder_age = np.clip(np.round(rng.normal(44, 15, n)), 18, 95)
    holder_age[rng.random(n) < 0.07] = np.nan
    merchant_rate = np.round(merchant_rate, 5)
    merchant_rate[rng.random(n) < 0.10] = np.nan
    ratio[card_age < 30] = np.nan
    zero = rng.random(n) < 0.003
    amount[zero] = 0.0
    ratio[zero] = 0.0
    typo = rng.random(n) < 0.02
    category = np.array(
        [c.replace("_", " ").title() if t else c for c, t in zip(category, typo, strict=True)], dtype=object
    )

    day = np.sort(rng.integers(0, days, n))  # rows are exchangeable, so sorted dates give a time-ordered table
    dates = (np.datetime64(start) + day).astype(str).astype(object)

    table = {
        "txn_date": dates,
        "hour": hour.astype(np.int64),
        "amount": amount,
        "merchant_category": category,
        "channel": channel,
        "foreign_merchant": np.where(foreign, "yes", "no").astype(object),
        "distance_from_home_km": distance,
        "card_age_days": card_age.astype(np.int64),
        "cardholder_age": holder_age,
        "credit_limit": rng.choice([1000.0, 2500.0, 5000.0, 10000.0, 20000.0], n, p=[0.15, 0.3, 0.3, 0.17, 0.08]),
        "txn_count_1h": v1h.astype(np.int64),
        "txn_count_24h": v24h.astype(np.int64),
        "amount_to_avg_ratio": ratio,
        "device_changed": device_s,
        "three_ds_authenticated": three_ds_s,
        "failed_pin_24h": failed_pin,
        "merchant_fraud_rate_90d": merchant_rate,
        "chargeback_filed": chargeback,
        "card_status": card_status,
        "is_fraud": fraud.astype(np.int64),
    }
    return table


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    train = _part(rng, N_TRAIN, 0.014, 0.25, "2024-01-01", 121)
    test = _part(rng, N_TEST, 0.016, 0.38, "2024-05-01", 46)
    gaps = rng.integers(1, 40, N_TRAIN + N_TEST)
    ids = (5_000_000 + np.cumsum(gaps)).astype(np.int64)
    train = {"transaction_id": ids[:N_TRAIN], **train}
    test = {"transaction_id": ids[N_TRAIN:], **test}
    labels = {"transaction_id": test["transaction_id"], "is_fraud": test.pop("is_fraud")}
    return {"train": train, "test": test, "labels": labels}

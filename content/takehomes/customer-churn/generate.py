"""Synthetic customer base of a telecom operator, one row per account, for next-quarter churn prediction.

Every account is described as of the snapshot date (31 March 2024); the target ``churned`` is 1 when the customer
cancelled between 1 April and 30 June 2024.

Generative process
------------------
1. Static attributes are drawn independently or with simple dependencies: region (with different competitor
   fibre coverage), contract type, tenure (exponential, longer for longer contracts), plan tier, internet service,
   number of lines, payment method, paperless billing, device financing, age.
2. ``monthly_charges`` is a tier base + internet add-on + 8 per extra line + Gaussian noise; ``total_charges`` is
   roughly tenure x monthly charges x (1 - discount) with 5 % multiplicative noise.
3. A hidden "disengagement" factor ``z ~ N(0, 1)`` drives three observable proxies: ``usage_trend_pct`` (falls with
   z), ``days_since_app_login`` (grows with z) and the survey ``nps_score`` (falls with z). Network quality drives
   ``support_tickets_90d`` (Poisson) together with fibre faults.
4. The churn log-odds is a sum of effects:
      contract (month-to-month +1.15, two-year -1.05), -0.45 * log1p(tenure) with an extra +0.5 in the first
      6 months, +0.022 * (monthly_charges - 60), +0.4 * min(tickets, 5), payment (paper invoice +0.45,
      bank transfer +0.15), +0.85 * z, -0.025 * (network_quality - 70) for connected customers,
      +0.55 if DSL and competitor fibre is available (an interaction), -0.55 for device financing,
      +0.25 * late payments, +0.35 for month-to-month x charges above 80 (interaction), +0.25 for age > 68,
      small region effects, plus unobserved Gaussian noise N(0, 0.9); the intercept gives about 20 % churn.
   ``churned ~ Bernoulli(sigmoid(log-odds))``.
5. Messiness: missing age (11 %), network quality (missing for accounts without internet plus 6 %), data usage
   (5 %), app login (customers without the app, ~22 %), NPS (only ~38 % surveyed), total charges (new accounts with
   tenure 0 and 1 % random); region written with inconsistent case/whitespace in ~4 % of rows; payment method
   blank in ~2 %; a few negative ``data_usage_gb`` glitches.

Leakage trap
------------
``retention_offer_date`` is the date the retention desk last made the customer an offer. Customers who ring to
cancel are routed to that desk, so the date is filled for ~63 % of churners but only ~4 % of stayers, and every
date falls after the snapshot (April-June 2024): it is recorded after the outcome and would not exist when the
model is used. It is present in both train and test, so using it inflates the leaderboard score; a careful
candidate drops it and says why.
"""

from __future__ import annotations

import numpy as np

N_TRAIN = 10_000
N_TEST = 5_000


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _choice(rng: np.random.Generator, options: list[str], p: list[float], n: int) -> np.ndarray:
    return np.array(options, dtype=object)[rng.choice(len(options), size=n, p=p)]


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = N_TRAIN + N_TEST

    region = _choice(rng, ["north", "south", "east", "west", "central"], [0.22, 0.20, 0.18, 0.25, 0.15], n)
    fibre_cover = {"north": 0.35, "south": 0.55, "east": 0.45, "west": 0.70, "central": 0.85}
    competitor = np.where(rng.random(n) < np.vectorize(fibre_cover.get)(region), "yes", "no").astype(object)
    competitor[rng.random(n) < 0.07] = ""

    contract = _choice(rng, ["month-to-month", "one-year", "two-year"], [0.50, 0.28, 0.22], n)
    tenure_mean = np.select([contract == "month-to-month", contract == "one-year"], [13.0, 27.0], 40.0)
    tenure = np.clip(np.floor(rng.exponential(tenure_mean)), 0, 72).astype(np.int64)

    tier = _choice(rng, ["basic", "standard", "premium"], [0.40, 0.40, 0.20], n)
    internet = _choice(rng, ["fibre", "dsl", "none"], [0.45, 0.40, 0.15], n)
    lines = np.clip(1 + rng.poisson(0.6, n), 1, 6).astype(np.int64)
    base = np.select([tier == "basic", tier == "standard"], [25.0, 45.0], 75.0)
    addon = np.select([internet == "fibre", internet == "dsl"], [15.0, 5.0], 0.0)
    monthly = np.round(np.clip(base + addon + 8.0 * (lines - 1) + rng.normal(0, 6, n), 12, None), 2)

    discount = np.where(
        contract == "two-year",
        rng.choice([0, 5, 10, 15, 20], n, p=[0.2, 0.2, 0.3, 0.2, 0.1]),
        rng.choice([0, 5, 10, 15, 20], n, p=[0.6, 0.2, 0.12, 0.06, 0.02]),
    ).astype(np.int64)
    total = np.round(monthly * tenure * (1 - discount / 100) * rng.normal(1, 0.05, n), 2)
    total[(tenure == 0) | (rng.random(n) < 0.01)] = np.nan

    payment = _choice(
        rng, ["card_autopay", "direct_debit", "bank_transfer", "paper_invoice"], [0.35, 0.30, 0.20, 0.15], n
    )
    paperless = np.where(rng.random(n) < np.where(payment == "paper_invoice", 0.25, 0.75), "yes", "no").astype(object)
    late = rng.poisson(np.where(payment == "paper_invoice", 0.9, np.where(payment == "bank_transfer", 0.5, 0.2)))
    late = late.astype(np.int64)
    financing = np.where(rng.random(n) < 0.25, "yes", "no").astype(object)
    age = np.clip(rng.normal(46, 15, n), 18, 92).round()

    z = rng.normal(0, 1, n)  # hidden disengagement
    usage_trend = np.round(-6.0 * z + rng.normal(0, 12, n), 1)
    has_app = rng.random(n) < 0.78
    login_days = np.round(np.exp(1.6 + 0.55 * z + rng.normal(0, 0.6, n)))
    data_gb = np.round(rng.lognormal(2.6 - 0.15 * z + 0.3 * (internet == "fibre"), 0.8, n), 2)

    connected = internet != "none"
    quality = np.clip(rng.normal(np.where(internet == "fibre", 76, 68), 11, n), 5, 100).round(1)
    ticket_rate = 0.35 + 0.025 * np.clip(70 - quality, 0, None) * connected + 0.25 * (internet == "fibre")
    tickets = rng.poisson(ticket_rate + 0.15 * np.clip(z, 0, None)).astype(np.int64)
    nps = np.clip(np.round(7.2 - 1.3 * z - 0.3 * tickets + rng.normal(0, 1.4, n)), 0, 10)

    eta = (
        -2.05
        + np.select([contract == "month-to-month", contract == "two-year"], [1.15, -1.05], 0.0)
        - 0.45 * np.log1p(tenure)
        + 0.5 * (tenure < 6)
        + 0.022 * (monthly - 60)
        + 0.4 * np.minimum(tickets, 5)
        + np.select([payment == "paper_invoice", payment == "bank_transfer"], [0.45, 0.15], 0.0)
        + 0.85 * z
        - 0.025 * (quality - 70) * connected
        + 0.55 * ((internet == "dsl") & (competitor == "yes"))
        - 0.55 * (financing == "yes")
        + 0.25 * late
        + 0.35 * ((contract == "month-to-month") & (monthly > 80))
        + 0.25 * (age > 68)
        + np.select([region == "west", region == "central"], [0.15, 0.2], 0.0)
        + rng.normal(0, 0.9, n)
    )
    churned = (rng.random(n) < _sigmoid(eta)).astype(np.int64)

    # Leakage: the retention desk logs an offer date when a customer calls to cancel (after the snapshot).
    offered = rng.random(n) < np.where(churned == 1, 0.63, 0.04)
    offer_day = np.datetime64("2024-04-01") + rng.integers(0, 91, n)  # 1 April - 30 June
    offer_date = np.where(offered, offer_day.astype(str), "").astype(object)

    # Messiness: missing values, inconsistent spellings, glitches.
    age[rng.random(n) < 0.11] = np.nan
    quality[~connected | (rng.random(n) < 0.06)] = np.nan
    data_gb[rng.random(n) < 0.05] = np.nan
    glitch = rng.random(n) < 0.004
    data_gb[glitch] = -np.abs(data_gb[glitch])
    login_days[~has_app] = np.nan
    nps[rng.random(n) > 0.38] = np.nan
    messy = np.flatnonzero(rng.random(n) < 0.04)
    region[messy[::2]] = [r.upper() for r in region[messy[::2]]]
    region[messy[1::2]] = [f" {r.title()}" for r in region[messy[1::2]]]
    payment[rng.random(n) < 0.02] = ""

    ids = rng.permutation(np.arange(300_000, 300_000 + n)).astype(np.int64)
    columns = {
        "customer_id": ids,
        "region": region,
        "contract_type": contract,
        "tenure_months": tenure,
        "plan_tier": tier,
        "internet_service": internet,
        "num_lines": lines,
        "monthly_charges": monthly,
        "total_charges": total,
        "discount_pct": discount,
        "payment_method": payment,
        "paperless_billing": paperless,
        "late_payments_12m": late,
        "device_financing": financing,
        "customer_age": age,
        "competitor_fibre_available": competitor,
        "network_quality_score": quality,
        "support_tickets_90d": tickets,
        "data_usage_gb": data_gb,
        "usage_trend_pct": usage_trend,
        "days_since_app_login": login_days,
        "nps_score": nps,
        "retention_offer_date": offer_date,
    }
    train = {k: v[:N_TRAIN] for k, v in columns.items()}
    train["churned"] = churned[:N_TRAIN]
    test = {k: v[N_TRAIN:] for k, v in columns.items()}
    labels = {"customer_id": ids[N_TRAIN:], "churned": churned[N_TRAIN:]}
    return {"train": train, "test": test, "labels": labels}

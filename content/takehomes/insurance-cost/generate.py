"""Synthetic individual health insurance book, one row per policy, for next-year claim cost regression.

Features describe each policy at renewal (1 January 2023); the target ``annual_claim_cost`` is what the insurer
paid for claims incurred during 2023, net of the deductible and the member's coinsurance share.

Generative process
------------------
1. Policyholder attributes: age 18-79, sex, true BMI ~ N(27.5, 5.2), true smoking status (never / former /
   current), region, members covered (1 + Poisson(0.7)), exercise level, occupation class (mostly retired above
   63), coverage level (bronze / silver / gold / platinum) with a deductible drawn from that level's options, and
   tenure in years. Chronic conditions ~ Poisson(0.1 + 0.025 * (age - 18)). A hidden frailty ``h ~ N(0, 1)``
   stands for everything about health the insurer does not record.
2. Expected gross cost per year:
      mu = 1700 * exp(0.028 (age - 40) + smoking (current 0.55, former 0.15) + 0.035 max(BMI - 27, 0)
                      + 0.28 chronic + 0.40 h + region effect + 0.12 (members - 1) + exercise (low 0.12,
                      high -0.10) + 0.15 hazardous job + utilisation by coverage (bronze -0.08 ... platinum 0.15))
   Each year: a claim occurs with probability sigmoid(1.2 + 0.6 h + 0.3 chronic + 0.02 (age - 40)); routine
   spending is then Gamma(shape 1.6, mean mu); a large event (hospital stay, surgery) happens with probability
   0.022 * exp(0.4 h + 0.25 chronic + 0.4 current smoker + 0.02 (age - 40)) and costs LogNormal(log 16,000, 0.8).
   The insurer pays max(gross - deductible, 0) x coinsurance (bronze 60 % ... platinum 90 %), capped at the
   200,000 annual benefit limit. ``annual_claim_cost`` is that payment for 2023: about 38 % zeros, mean ~3,400,
   99th percentile ~35,000. The hidden frailty and the claim randomness keep the baseline's R^2 near 0.25-0.3.
3. History features come from the same process with fresh noise: ``prior_year_cost`` (the 2022 payment, missing
   for new members), GP visits (Poisson, mean 2.5 exp(0.4 h + 0.15 chronic)) and hospital admissions in 2022,
   and claims filed over 2020-2022.
4. Messiness: BMI missing 7 % and, in 0.4 % of rows, replaced by a weight in kilograms (a unit error); smoking
   status blank 3 %; exercise level blank 10 %; occupation blank 5 %; region spelled in two ways ("NE" vs
   "northeast") in ~5 % of rows; a handful of ages recorded as 0.

Leakage traps
-------------
``claims_paid_to_date`` is what had been paid for 2023 claims when the data was extracted (March 2024): 55-100 %
of the target, zero when the target is zero. ``claims_filed_2023`` counts claims filed during the target year.
Both describe the outcome period, would not exist at renewal when premiums are set, and are present in train and
test; a careful candidate drops them.
"""

from __future__ import annotations

import numpy as np

N_TRAIN = 12_000
N_TEST = 5_000
LEVELS = ["bronze", "silver", "gold", "platinum"]
COINSURANCE = np.array([0.60, 0.70, 0.80, 0.90])
UTILISATION = np.array([-0.08, 0.0, 0.08, 0.15])
DEDUCTIBLES = [[2000, 3000], [1000, 1500], [500, 750], [0, 250]]
REGIONS = ["northeast", "southeast", "midwest", "west"]
REGION_EFFECT = np.array([0.10, -0.05, -0.10, 0.05])
SHORT = {"northeast": "NE", "southeast": "SE", "midwest": "MW", "west": "W"}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _paid_for_year(
    rng: np.random.Generator, mu: np.ndarray, claim_logit: np.ndarray, event_rate: np.ndarray, deductible, coins
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(mu)
    claims = rng.random(n) < _sigmoid(claim_logit)
    routine = np.where(claims, rng.gamma(1.6, mu / 1.6), 0.0)
    event = rng.random(n) < np.minimum(event_rate, 0.9)
    large = np.where(event, rng.lognormal(np.log(16_000), 0.8, n), 0.0)
    gross = routine + large
    paid = np.minimum(np.maximum(gross - deductible, 0.0) * coins, 200_000.0)
    return np.round(paid, 2), gross, claims | event


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = N_TRAIN + N_TEST

    age = rng.integers(18, 80, n)
    sex = np.where(rng.random(n) < 0.51, "female", "male").astype(object)
    bmi_true = np.clip(rng.normal(27.5, 5.2, n), 15, 55)
    smoke_idx = rng.choice(3, n, p=[0.73, 0.12, 0.15])  # never, former, current
    region_idx = rng.choice(4, n, p=[0.22, 0.30, 0.25, 0.23])
    members = np.clip(1 + rng.poisson(0.7, n), 1, 6)
    exercise_idx = rng.choice(3, n, p=[0.35, 0.45, 0.20])  # low, moderate, high
    occupation = np.array(["office", "manual", "hazardous"], dtype=object)[rng.choice(3, n, p=[0.6, 0.3, 0.1])]
    occupation[(age >= 63) & (rng.random(n) < 0.8)] = "retired"
    level_idx = rng.choice(4, n, p=[0.30, 0.35, 0.25, 0.10])
    deductible = np.array(DEDUCTIBLES, dtype=np.int64)[level_idx, rng.integers(0, 2, n)]
    coins = COINSURANCE[level_idx]
    tenure = np.minimum(rng.geometric(0.16, n) - 1, 25)
    chronic = np.minimum(rng.poisson(0.1 + 0.025 * (age - 18)), 5)
    h = rng.normal(0, 1, n)

    def mu_at(a: np.ndarray) -> np.ndarray:
        return 1700 * np.exp(
            0.028 * (a - 40)
            + np.array([0.0, 0.15, 0.55])[smoke_idx]
            + 0.035 * np.maximum(bmi_true - 27, 0)
            + 0.28 * chronic
            + 0.40 * h
            + REGION_EFFECT[region_idx]
            + 0.12 * (members - 1)
            + np.array([0.12, 0.0, -0.10])[exercise_idx]
            + 0.15 * (occupation == "hazardous")
            + UTILISATION[level_idx]
        )

    def logit_at(a: np.ndarray) -> np.ndarray:
        return 1.2 + 0.6 * h + 0.3 * chronic + 0.02 * (a - 40)

    def event_at(a: np.ndarray) -> np.ndarray:
        return 0.022 * np.exp(0.4 * h + 0.25 * chronic + 0.4 * (smoke_idx == 2) + 0.02 * (a - 40))

    target, gross, claimed = _paid_for_year(rng, mu_at(age), logit_at(age), event_at(age), deductible, coins)
    prior, _, _ = _paid_for_year(rng, mu_at(age - 1), logit_at(age - 1), event_at(age - 1), deductible, coins)
    prior[tenure == 0] = np.nan

    activity = np.exp(0.4 * h + 0.15 * chronic)
    gp_visits = rng.poisson(2.5 * activity).astype(np.int64)
    admissions = rng.poisson(0.05 * np.exp(0.7 * h + 0.3 * chronic)).astype(np.int64)
    prior_claims = rng.poisson(np.minimum(tenure, 3) * 1.1 * activity).astype(np.int64)

    # Leakage: both describe 2023, the year being predicted.
    paid_to_date = np.round(target * rng.uniform(0.55, 1.0, n), 2)
    filed = np.where(claimed, 1 + rng.poisson(gross / 1500), 0).astype(np.int64)

    # Observed, messy versions.
    age_obs = age.astype(np.int64)
    age_obs[rng.random(n) < 0.002] = 0
    bmi = np.round(bmi_true, 1)
    bmi[rng.random(n) < 0.07] = np.nan
    unit_error = rng.random(n) < 0.004
    bmi[unit_error] = np.round(rng.normal(84, 15, unit_error.sum()), 1)
    smoker = np.array(["never", "former", "current"], dtype=object)[smoke_idx]
    smoker[rng.random(n) < 0.03] = ""
    exercise = np.array(["low", "moderate", "high"], dtype=object)[exercise_idx]
    exercise[rng.random(n) < 0.10] = ""
    occupation[rng.random(n) < 0.05] = ""
    region = np.array(REGIONS, dtype=object)[region_idx]
    short = rng.random(n) < 0.05
    region[short] = [SHORT[r] for r in region[short]]

    ids = rng.permutation(np.arange(700_000, 700_000 + n)).astype(np.int64)
    columns = {
        "policy_id": ids,
        "age": age_obs,
        "sex": sex,
        "bmi": bmi,
        "smoker_status": smoker,
        "region": region,
        "members_covered": members.astype(np.int64),
        "exercise_level": exercise,
        "occupation_class": occupation,
        "coverage_level": np.array(LEVELS, dtype=object)[level_idx],
        "deductible": deductible,
        "tenure_years": tenure.astype(np.int64),
        "chronic_conditions": chronic.astype(np.int64),
        "prior_year_cost": prior,
        "gp_visits_prior_year": gp_visits,
        "hospital_admissions_prior_year": admissions,
        "claims_filed_3y": prior_claims,
        "claims_filed_2023": filed,
        "claims_paid_to_date": paid_to_date,
    }
    train = {k: v[:N_TRAIN] for k, v in columns.items()}
    train["annual_claim_cost"] = target[:N_TRAIN]
    test = {k: v[N_TRAIN:] for k, v in columns.items()}
    labels = {"policy_id": ids[N_TRAIN:], "annual_claim_cost": target[N_TRAIN:]}
    return {"train": train, "test": test, "labels": labels}

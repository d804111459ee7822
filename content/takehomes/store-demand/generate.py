"""Daily unit demand for 15 store-product series of a small grocery chain (5 stores x 3 products).

Generative process
------------------
Calendar: train covers 2021-01-01 .. 2023-09-30, test the 28 days 2023-10-01 .. 2023-10-28 for every series.
Store ST04 opened on 2022-03-14, so its history is shorter.

For series s (store r, product p) on day t the expected demand is

    mu = base[r, p] * exp(growth_s * years_since_start) * weekly[p][weekday] * yearly_p(day_of_year)
         * holiday_effect * promo_effect * price_effect * post_promo_dip

* ``weekly``: product-specific weekday profile (Saturday peak, short Sunday opening; charcoal peaks Fri/Sat).
* ``yearly_p``: bread and milk mild (+-5-8 %), charcoal strong: exp(1.4 cos(2 pi (doy - 195) / 365.25)).
* Holidays (fictional calendar: New Year, Good Friday, Easter Monday, 1 May, 15 Aug, 3 Oct, 25/26 Dec): stores
  closed on 1 Jan and 25 Dec (demand 0), x0.55 on the other holidays, x1.35 on the day before any holiday
  (shopping ahead; x1.6 for charcoal before a holiday in May-August). ``holiday`` flags the holiday itself only.
* Promotions: campaigns of 4-10 days start at random (about 10 % of days); the shelf price drops 15-30 % and demand
  rises by a product-specific lift (bread 1.35, milk 1.25, charcoal 1.8) times (old/new price)^0.6; the three
  days after a campaign dip to x0.9 (pantry loading).
* Price: product list price with 4 %/year inflation, rounded to cents; about 2 % of prices missing.
* Noise: demand ~ Poisson(mu * Gamma(shape 40, mean 1)), i.e. negative binomial, integers.
* Stock-outs: on about 1 % of open days the recorded demand is cut to 20-70 % (sold out).
* Renovation: ST02 is closed 2022-06-13 .. 2022-06-19 (demand 0, not flagged).
* Missing data in train: about 1.5 % of rows are absent (system outages, no row at all) and about 0.7 % of rows
  have an empty ``demand``.

Leakage trap
------------
``units_shipped``: in train it is the logistics system's shipment record, which the stores reconcile to
point-of-sale after the fact, so it equals that day's demand (exactly for 80 % of rows, +-1-2 units otherwise,
and it is filled even where ``demand`` is missing). It is therefore known only after the day. In test, the column
holds the *planned* shipment made before the horizon: 1.05 x the series' mean demand over its last 28 days of
history, +-1 unit. A model that leans on it cross-validates to a near-zero MAE and then forecasts a flat line.

The target ``demand`` is float64 (integers, NaN where missing in train). Ids: train 1000000.., test 2000000...
"""

from __future__ import annotations

import numpy as np

STORES = ["ST01", "ST02", "ST03", "ST04", "ST05"]
PRODUCTS = ["bread", "milk", "charcoal"]
BASE = np.array(
    [
        [62.0, 41.0, 5.0],
        [44.0, 33.0, 3.5],
        [28.0, 19.0, 2.5],
        [22.0, 14.0, 1.8],
        [85.0, 57.0, 7.0],
    ]
)
WEEKLY = {
    "bread": np.array([1.0, 0.95, 0.95, 1.0, 1.15, 1.35, 0.6]),
    "milk": np.array([1.0, 0.95, 0.97, 1.0, 1.1, 1.3, 0.68]),
    "charcoal": np.array([0.65, 0.65, 0.72, 0.9, 1.35, 1.85, 0.9]),
}
LIST_PRICE = {"bread": 2.49, "milk": 1.19, "charcoal": 7.99}
PROMO_LIFT = {"bread": 1.35, "milk": 1.25, "charcoal": 1.8}
START = np.datetime64("2021-01-01")
CUTOFF = np.datetime64("2023-09-30")
HORIZON = 28
OPENING = {"ST04": np.datetime64("2022-03-14")}
HOLIDAYS = np.array(
    [f"{year}-{md}" for year in (2021, 2022, 2023) for md in ("01-01", "05-01", "08-15", "10-03", "12-25", "12-26")]
    + ["2021-04-02", "2021-04-05", "2022-04-15", "2022-04-18", "2023-04-07", "2023-04-10"],
    dtype="datetime64[D]",
)
CLOSED = np.array(["2021-01-01", "2021-12-25", "2022-01-01", "2022-12-25", "2023-01-01"], dtype="datetime64[D]")


def _yearly(product: str, doy: np.ndarray) -> np.ndarray:
    angle = 2 * np.pi * doy / 365.25
    if product == "charcoal":
        return np.exp(1.4 * np.cos(2 * np.pi * (doy - 195) / 365.25)) / 1.6
    if product == "milk":
        return 1.0 + 0.08 * np.sin(angle - 1.2)
    return 1.0 + 0.05 * np.cos(angle)


def _promo_days(n: int, rng: np.random.Generator) -> np.ndarray:
    promo = np.zeros(n, dtype=bool)
    t = int(rng.integers(0, 30))
    while t < n:
        length = int(rng.integers(4, 11))
        promo[t : t + length] = True
        t += length + int(rng.integers(25, 110))
    return promo


def _series(store_idx: int, prod_idx: int, dates: np.ndarray, rng: np.random.Generator) -> dict:
    store, product = STORES[store_idx], PRODUCTS[prod_idx]
    n = len(dates)
    years = (dates - START).astype(np.int64) / 365.25
    weekday = (dates.astype("datetime64[D]").view(np.int64) - 4) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    doy = (dates - dates.astype("datetime64[Y]")).astype(np.int64) + 1
    month = dates.astype("datetime64[M]").astype(np.int64) % 12 + 1

    growth = rng.uniform(-0.04, 0.12)
    mu = BASE[store_idx, prod_idx] * np.exp(growth * years) * WEEKLY[product][weekday] * _yearly(product, doy)

    holiday = np.isin(dates, HOLIDAYS)
    closed = np.isin(dates, CLOSED)
    eve = np.isin(dates + 1, HOLIDAYS) & ~holiday
    mu = np.where(holiday, mu * 0.55, mu)
    summer = (month >= 5) & (month <= 8)
    eve_boost = np.where((product == "charcoal") & summer, 1.6, 1.35)
    mu = np.where(eve, mu * eve_boost, mu)

    promo = _promo_days(n, rng)
    discount = np.zeros(n)
    starts = np.flatnonzero(promo & ~np.r_[False, promo[:-1]])
    ends = np.flatnonzero(promo & ~np.r_[promo[1:], False])
    for a, b in zip(starts, ends, strict=True):
        discount[a : b + 1] = rng.uniform(0.15, 0.30)
        mu[b + 1 : b + 4] *= 0.9
    price = np.round(LIST_PRICE[product] * (1 + 0.04 * years) * (1 - discount), 2)
    mu = np.where(promo, mu * PROMO_LIFT[product] * (1 / (1 - discount)) ** 0.6, mu)

    true = rng.poisson(mu * rng.gamma(40.0, 1 / 40.0, size=n)).astype(np.float64)
    stockout = rng.random(n) < 0.01
    true[stockout] = np.floor(true[stockout] * rng.uniform(0.2, 0.7, size=stockout.sum()))
    true[closed] = 0.0
    if store == "ST02":
        renovation = (dates >= np.datetime64("2022-06-13")) & (dates <= np.datetime64("2022-06-19"))
        true[renovation] = 0.0
    price[rng.random(n) < 0.02] = np.nan
    return {
        "series_id": f"{store}-{product}",
        "store": store,
        "product": product,
        "dates": dates,
        "price": price,
        "promo": promo.astype(np.int64),
        "holiday": holiday.astype(np.int64),
        "demand": true,
    }


def _stack(parts: list[dict], keys: list[str]) -> dict:
    return {k: np.concatenate([p[k] for p in parts]) for k in keys}


def generate(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    all_dates = np.arange(START, CUTOFF + HORIZON + 1, dtype="datetime64[D]")
    train_parts, test_parts = [], []
    for s, store in enumerate(STORES):
        for p in range(len(PRODUCTS)):
            dates = all_dates[all_dates >= OPENING.get(store, START)]
            series = _series(s, p, dates, rng)
            n = len(dates)
            is_train = dates <= CUTOFF
            history = series["demand"][is_train]

            row = {k: (np.full(n, v, dtype=object) if isinstance(v, str) else v) for k, v in series.items()}
            row["date"] = np.array([str(d) for d in dates], dtype=object)

            shipped = history.copy()
            off = rng.random(len(shipped)) < 0.2
            shipped[off] = np.maximum(0.0, shipped[off] + rng.choice([-2.0, -1.0, 1.0, 2.0], size=off.sum()))
            shipped[rng.random(len(shipped)) < 0.01] = np.nan
            plan = 1.05 * np.mean(history[-28:])
            planned = np.maximum(0.0, np.round(plan + rng.integers(-1, 2, size=HORIZON)))

            observed = history.copy()
            observed[rng.random(len(observed)) < 0.007] = np.nan
            keep = rng.random(len(observed)) >= 0.015

            cols = ["series_id", "store", "product", "date", "price", "promo", "holiday"]
            train_part = {k: row[k][is_train][keep] for k in cols}
            train_part["units_shipped"] = shipped[keep]
            train_part["demand"] = observed[keep]
            train_parts.append(train_part)
            test_part = {k: row[k][~is_train] for k in cols}
            test_part["units_shipped"] = planned.astype(np.float64)
            test_part["demand"] = series["demand"][~is_train]
            test_parts.append(test_part)

    feature_cols = ["series_id", "store", "product", "date", "price", "promo", "holiday", "units_shipped"]
    train = _stack(train_parts, [*feature_cols, "demand"])
    test_all = _stack(test_parts, [*feature_cols, "demand"])
    train_ids = np.arange(len(train["date"]), dtype=np.int64) + 1_000_000
    test_ids = np.arange(len(test_all["date"]), dtype=np.int64) + 2_000_000
    train = {"id": train_ids, **train}
    test = {"id": test_ids, **{k: test_all[k] for k in feature_cols}}
    labels = {"id": test_ids.copy(), "demand": test_all["demand"]}
    return {"train": train, "test": test, "labels": labels}

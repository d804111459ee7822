"""Reference baseline: a seasonal-naive forecast with promotion and holiday multipliers, per series.

For each series: the weekday profile is the mean demand per weekday over the last 8 weeks of ordinary days (no
promotion, no holiday); a promotion multiplier is the median ratio of promotion-day demand to the ordinary demand
on the same weekday in the surrounding four weeks; one holiday multiplier is estimated the same way over all
series. ``units_shipped`` is not used: it is reconciled to sales after the fact, so it is not available when the
forecast is made. No yearly seasonality or trend, which leaves clear room for improvement.
"""

from __future__ import annotations

import numpy as np


def _weekday(dates: np.ndarray) -> np.ndarray:
    return (np.asarray(dates, dtype="datetime64[D]").view(np.int64) - 4) % 7  # 0 = Monday


def _ratios(days: np.ndarray, demand: np.ndarray, ordinary: np.ndarray, flagged: np.ndarray) -> list[float]:
    """demand on each flagged day divided by the mean ordinary demand on the same weekday within +-14 days."""
    weekday = days % 7
    out = []
    for i in np.flatnonzero(flagged):
        near = ordinary & (np.abs(days - days[i]) <= 14) & (weekday == weekday[i])
        if near.sum() >= 2:
            reference = demand[near].mean()
            if reference > 0:
                out.append(demand[i] / reference)
    return out


def predict(train: dict, test: dict) -> dict:
    series = np.asarray(train["series_id"])
    days = np.asarray(train["date"], dtype="datetime64[D]").view(np.int64)
    demand = np.asarray(train["demand"], dtype=np.float64)
    promo = np.asarray(train["promo"]) == 1
    holiday = np.asarray(train["holiday"]) == 1
    known = ~np.isnan(demand)

    profiles, promo_lift, holiday_ratios = {}, {}, []
    for sid in np.unique(series):
        rows = (series == sid) & known
        d, y, p, h = days[rows], demand[rows], promo[rows], holiday[rows]
        ordinary = ~p & ~h
        recent = ordinary & (d > d.max() - 56)
        fallback = y[recent].mean()
        profiles[sid] = np.array(
            [
                y[recent & (d % 7 == (w + 4) % 7)].mean() if (recent & (d % 7 == (w + 4) % 7)).any() else fallback
                for w in range(7)
            ]
        )
        ratios = _ratios(d, y, ordinary, p & ~h)
        promo_lift[sid] = float(np.median(ratios)) if ratios else 1.0
        holiday_ratios += _ratios(d, y, ordinary, h)
    holiday_factor = float(np.median(holiday_ratios)) if holiday_ratios else 1.0

    test_series = np.asarray(test["series_id"])
    test_weekday = _weekday(test["date"])
    forecast = np.empty(len(test_series))
    for i, (sid, w) in enumerate(zip(test_series, test_weekday, strict=True)):
        value = profiles[sid][w]
        if test["promo"][i] == 1:
            value *= promo_lift[sid]
        if test["holiday"][i] == 1:
            value *= holiday_factor
        forecast[i] = value
    return {"id": np.asarray(test["id"]), "demand": np.maximum(forecast, 0.0)}

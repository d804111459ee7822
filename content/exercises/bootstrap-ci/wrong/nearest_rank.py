# Bug: reads the percentiles off the nearest order statistic instead of interpolating linearly.
def bootstrap_ci(data, indices, confidence=0.95):
    means = sorted(sum(data[i] for i in row) / len(row) for row in indices)
    last = len(means) - 1
    lower = means[round((1 - confidence) / 2 * last)]
    upper = means[round((1 + confidence) / 2 * last)]
    return float(lower), float(upper)

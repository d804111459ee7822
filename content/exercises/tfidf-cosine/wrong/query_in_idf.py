# Bug: fits the document frequencies on the documents plus the query (leakage from the query).
import math
import re
from collections import Counter


def tokenise(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def tfidf_cosine(documents, query):
    docs = [Counter(tokenise(d)) for d in documents]
    fitted = [*docs, Counter(tokenise(query))]
    n = len(fitted)
    df = Counter(t for d in fitted for t in d)
    idf = {t: math.log((1 + n) / (1 + f)) + 1 for t, f in df.items()}

    def unit(counts):
        v = {t: c * idf[t] for t, c in counts.items() if t in idf}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {t: x / norm for t, x in v.items()} if norm > 0 else {}

    q = unit(Counter(tokenise(query)))
    return [sum(x * q.get(t, 0.0) for t, x in unit(d).items()) for d in docs]

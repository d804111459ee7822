# Bug: divides the dot product by the product of the norms with no guard; an empty document or query
# divides by zero.
import math
import re
from collections import Counter


def tfidf_cosine(documents, query):
    docs = [Counter(re.findall(r"[a-z0-9]+", d.lower())) for d in documents]
    n = len(docs)
    df = Counter(t for d in docs for t in d)
    idf = {t: math.log((1 + n) / (1 + f)) + 1 for t, f in df.items()}
    q = {t: c * idf[t] for t, c in Counter(re.findall(r"[a-z0-9]+", query.lower())).items() if t in idf}
    q_norm = math.sqrt(sum(x * x for x in q.values()))
    result = []
    for d in docs:
        v = {t: c * idf[t] for t, c in d.items()}
        dot = sum(x * q.get(t, 0.0) for t, x in v.items())
        result.append(dot / (math.sqrt(sum(x * x for x in v.values())) * q_norm))
    return result

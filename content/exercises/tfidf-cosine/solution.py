import math
import re
from collections import Counter


def _tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def tfidf_cosine(documents, query):
    counts = [Counter(_tokens(document)) for document in documents]
    n = len(counts)
    document_frequency = Counter(token for document in counts for token in document)
    idf = {token: math.log((1 + n) / (1 + df)) + 1 for token, df in document_frequency.items()}

    def unit_vector(term_counts):
        vector = {token: count * idf[token] for token, count in term_counts.items() if token in idf}
        norm = math.sqrt(sum(value * value for value in vector.values()))
        return {token: value / norm for token, value in vector.items()} if norm > 0 else {}

    query_vector = unit_vector(Counter(_tokens(query)))
    similarities = []
    for document in counts:
        vector = unit_vector(document)
        similarities.append(sum(value * query_vector.get(token, 0.0) for token, value in vector.items()))
    return similarities

def tfidf_cosine(documents, query):
    """Cosine similarity between the TF-IDF vector of `query` and that of each document.

    Tokens are lowercase runs of ASCII letters and digits; tf is the raw count; idf = ln((1 + n) / (1 + df)) + 1,
    fitted on the documents only. Returns a list of floats, one per document.
    """
    raise NotImplementedError("tokenise, count, weight by idf, L2-normalise, then take dot products")

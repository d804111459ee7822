"""Cases for tfidf_cosine: small hand-written corpora for the rules, seeded synthetic corpora for the rest."""

EXAMPLE = ["The cat sat on the mat.", "Dogs chase cats!", "The dog sat down."]

WORDS = [
    "model", "data", "train", "test", "loss", "gradient", "tree", "forest", "boost", "label", "feature",
    "vector", "token", "layer", "batch", "epoch", "metric", "recall", "error", "bias", "kernel", "margin",
    "cluster", "sample", "noise", "signal", "weight", "score", "rank", "query",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", " - ", "; ", "\n", "  "]


def _text(rng, length, vocabulary):
    parts = []
    for _ in range(length):
        word = vocabulary[int(rng.integers(0, len(vocabulary)))]
        if rng.random() < 0.15:
            word = word.upper() if rng.random() < 0.5 else word.capitalize()
        parts.append(word + SEPARATORS[int(rng.integers(0, len(SEPARATORS)))])
    return "".join(parts)


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE, "the dog sat"]},
        {"name": "repeated query terms", "args": [["a b", "a c", "b b d"], "b b b a"]},
    ]


def hidden(rng):
    cases = [
        {"name": "no documents", "category": "edge case: empty input", "args": [[], "anything"]},
        {"name": "empty query", "category": "edge case: empty query", "args": [EXAMPLE, ""]},
        {"name": "query of unknown words", "category": "edge case: unknown terms", "args": [EXAMPLE, "zebra quokka"]},
        {
            "name": "an empty document",
            "category": "edge case: empty document",
            "args": [["", "learning rate", "...", "rate of learning"], "learning rate"],
        },
        {
            "name": "query equal to a document",
            "category": "basic",
            "args": [
                ["gradient descent steps", "random forest trees", "gradient boosting trees"],
                "random forest trees",
            ],
        },
        {
            "name": "punctuation and case",
            "category": "tokenisation",
            "args": [["Hello, WORLD!!", "hello-world", "world...hello?", "Goodbye world"], "HELLO world"],
        },
        {
            "name": "digits, underscores and apostrophes",
            "category": "tokenisation",
            "args": [["model_v2 beats v1", "don't use gpt2", "2024 results: v2 wins", "dont v 2"], "v2 don t 2024"],
        },
        {
            "name": "accented letters split tokens",
            "category": "tokenisation",
            "args": [["caf\u00e9 au lait", "cafe latte", "na\u00efve bayes"], "cafe caf"],
        },
        {
            "name": "a term in every document",
            "category": "idf",
            "args": [["spam offer", "spam meeting", "spam spam lunch"], "spam lunch"],
        },
        {
            "name": "a single document",
            "category": "edge case: n = 1",
            "args": [["only one document here, one"], "one document"],
        },
        {
            "name": "term counts matter",
            "category": "term frequency",
            "args": [["loss loss loss bias", "loss bias bias bias", "loss bias"], "loss loss loss loss bias"],
        },
        {
            "name": "whitespace variety",
            "category": "tokenisation",
            "args": [["tabs\tand\nnewlines", "tabs and spaces", "   leading and trailing   "], "tabs\nnewlines"],
        },
    ]
    for index in range(8):
        vocabulary = WORDS[: int(rng.integers(8, len(WORDS) + 1))]
        count = int(rng.integers(3, 60))
        documents = [_text(rng, int(rng.integers(0, 40)), vocabulary) for _ in range(count)]
        query = _text(rng, int(rng.integers(1, 8)), WORDS)
        cases.append({"name": f"synthetic corpus {index + 1}", "category": "random", "args": [documents, query]})
    return cases

"""Cases for naive_bayes_predict: a small spam corpus, hand-made edge cases and seeded synthetic corpora."""

SPAM_DOCS = [
    ["win", "money", "now"],
    ["win", "prize"],
    ["meeting", "at", "noon"],
    ["lunch", "at", "noon"],
    ["project", "meeting", "now"],
]
SPAM_LABELS = ["spam", "spam", "ham", "ham", "ham"]


def visible():
    return [
        {
            "name": "the statement's example",
            "args": [SPAM_DOCS, SPAM_LABELS, [["win", "money", "noon"], ["lunch", "meeting", "free"]]],
        },
        {
            "name": "repeated tokens and a smaller alpha",
            "args": [SPAM_DOCS, SPAM_LABELS, [["win", "win", "at"], ["now", "now", "now", "noon"]]],
            "kwargs": {"alpha": 0.5},
        },
    ]


def _corpus(rng, classes, vocabulary_size, documents, length_range, concentration=0.3):
    vocabulary = [f"w{index}" for index in range(vocabulary_size)]
    distributions = rng.dirichlet([concentration] * vocabulary_size, size=len(classes))
    class_weights = rng.dirichlet([2.0] * len(classes))
    docs, labels = [], []
    for _ in range(documents):
        which = int(rng.choice(len(classes), p=class_weights))
        length = int(rng.integers(*length_range))
        tokens = rng.choice(vocabulary_size, size=length, p=distributions[which])
        docs.append([vocabulary[t] for t in tokens])
        labels.append(classes[which])
    return docs, labels


def hidden(rng):
    cases = [
        {
            "name": "only unseen tokens, equal priors",
            "category": "edge case: unseen tokens",
            "args": [[["a", "b"], ["c", "d", "d"]], ["spam", "ham"], [["zzz", "yyy"]]],
        },
        {
            "name": "empty test document, unequal priors",
            "category": "edge case: empty document",
            "args": [SPAM_DOCS, SPAM_LABELS, [[]]],
        },
        {"name": "no test documents", "category": "edge case: empty input", "args": [SPAM_DOCS, SPAM_LABELS, []]},
        {
            "name": "a single class",
            "category": "edge case: one class",
            "args": [[["x", "y"], ["y", "z"]], ["only", "only"], [["x"], ["q"]]],
        },
        {
            "name": "class with few tokens but a large prior",
            "category": "priors",
            "args": [
                [["a"], ["a"], ["a"], ["a"], ["b", "c", "d", "e", "f", "g"]],
                ["x", "x", "x", "x", "y"],
                [["b"], ["a", "b"], ["c", "d"]],
            ],
        },
        {
            "name": "token seen by one class only",
            "category": "smoothing",
            "args": [
                [["cheap", "pills", "pills"], ["hello", "friend"], ["hello", "there", "friend", "again"]],
                ["spam", "ham", "ham"],
                [["pills"], ["friend", "pills"], ["cheap", "unknown", "hello"]],
            ],
            "kwargs": {"alpha": 0.1},
        },
        {
            "name": "unseen tokens mixed in, very different class sizes",
            "category": "edge case: unseen tokens",
            "args": [
                [["a"] * 40 + ["b"] * 10, ["b", "c"], ["a", "a", "c"]],
                ["big", "small", "big"],
                [["c", "new1", "new2", "new3"], ["new"] * 5 + ["b"]],
            ],
        },
        {
            "name": "large smoothing",
            "category": "smoothing",
            "args": [SPAM_DOCS, SPAM_LABELS, [["win", "noon", "at"], ["prize", "prize"]]],
            "kwargs": {"alpha": 25.0},
        },
        {
            "name": "tokens are case-sensitive strings",
            "category": "tokens",
            "args": [
                [["Free", "OFFER"], ["free", "lunch"], ["offer", "accepted"]],
                ["spam", "ham", "ham"],
                [["Free", "offer"], ["FREE"], ["free", "free", "OFFER"]],
            ],
        },
        {
            "name": "tiny alpha",
            "category": "smoothing",
            "args": [SPAM_DOCS, SPAM_LABELS, [["prize", "meeting"], ["win", "lunch", "noon"]]],
            "kwargs": {"alpha": 1e-6},
        },
        {
            "name": "three classes, labels not in first-seen order",
            "category": "labels",
            "args": [
                [["goal", "match"], ["vote", "poll"], ["chip", "code"], ["match", "poll"], ["code", "code"]],
                ["sport", "politics", "tech", "sport", "tech"],
                [["match", "code"], ["poll"], ["goal", "vote", "chip", "chip"]],
            ],
        },
    ]
    long_docs, long_labels = _corpus(rng, ["ham", "spam"], 40, 60, (20, 80))
    test_docs, _ = _corpus(rng, ["ham", "spam"], 40, 6, (1500, 3000))
    cases.append(
        {
            "name": "documents thousands of tokens long",
            "category": "numerics: underflow",
            "args": [long_docs, long_labels, test_docs],
        }
    )
    for index in range(4):
        classes = ["ham", "spam"] if index % 2 == 0 else ["news", "sport", "tech"]
        docs, labels = _corpus(rng, classes, int(rng.integers(15, 80)), int(rng.integers(20, 200)), (3, 40))
        tests, _ = _corpus(rng, classes, int(rng.integers(60, 120)), int(rng.integers(5, 30)), (1, 30))
        cases.append(
            {
                "name": f"synthetic corpus {index + 1}",
                "category": "random",
                "args": [docs, labels, tests],
                "kwargs": {"alpha": float(rng.choice([0.1, 0.5, 1.0, 2.0]))},
            }
        )
    for index in range(3):
        docs, labels = _corpus(rng, ["a", "b", "c", "d"], 200, 300, (50, 400), concentration=1.0)
        tests, _ = _corpus(rng, ["a", "b", "c", "d"], 220, 10, (500, 2500), concentration=1.0)
        cases.append(
            {
                "name": f"long documents, four classes {index + 1}",
                "category": "numerics: underflow",
                "args": [docs, labels, tests],
            }
        )
    return cases

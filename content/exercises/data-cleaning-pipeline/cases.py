"""Cases for clean_records: the statement's example visible; each rule's corner cases and messy data hidden."""

EXAMPLE = [
    {"id": " 7", "name": "  Ada   Lovelace ", "segment": " Retail", "age": "36"},
    {"id": 7, "name": "Ada Lovelace", "segment": "RETAIL ", "age": 36},
    {"id": "x9", "name": "Bob", "segment": "retail", "age": 40},
    {"id": 8, "name": "   ", "segment": "b2b", "age": 50},
    {"id": 9, "name": "Chen Wei", "age": "-3"},
    {"id": 10, "name": "Dana", "segment": "B2B", "age": "unknown"},
    {"id": 11, "name": "Eve", "segment": "", "age": 150.5},
]

FIRST = ["Ada", "Bilal", "Chen", "Dara", "Emeka", "Freya", "Goran", "Hana", "Ines", "Jun"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak"]
SEGMENTS = ["Retail", "B2B", "enterprise", "Public Sector"]


def visible():
    return [
        {"name": "the statement's example", "args": [EXAMPLE]},
        {
            "name": "already clean",
            "args": [
                [
                    {"id": 1, "name": "Ana", "segment": "retail", "age": 30.0},
                    {"id": 2, "name": "Ben", "segment": "b2b", "age": None},
                ]
            ],
        },
    ]


def _messy(rng, person):
    """One raw rendering of a clean person: random spacing, case and types, sometimes broken on purpose."""
    record_id, first, last, segment, age = person
    pad = [" ", "  ", "\t", ""]
    record = {
        "id": record_id if rng.random() < 0.5 else f"{pad[int(rng.integers(0, 4))]}{record_id} ",
        "name": f"{pad[int(rng.integers(0, 4))]}{first}{' ' * int(rng.integers(1, 4))}{last}"
        f"{pad[int(rng.integers(0, 4))]}",
        "segment": f" {segment.upper() if rng.random() < 0.3 else segment} ",
        "age": [age, float(age), f" {age} ", str(float(age))][int(rng.integers(0, 4))],
    }
    roll = rng.random()
    if roll < 0.06:
        record["id"] = ["x" + str(record_id), f"{record_id}.0", float(record_id), -record_id - 1, None, ""][
            int(rng.integers(0, 6))
        ]
    elif roll < 0.10:
        record["name"] = [None, "  ", "\t\n", 42][int(rng.integers(0, 4))]
    elif roll < 0.16:
        record["age"] = ["n/a", "", None, "nan", "-inf", "abc", 250, -4, "130.5", " -0.5 "][int(rng.integers(0, 10))]
    elif roll < 0.22:
        record["segment"] = [None, "", "   ", 3][int(rng.integers(0, 4))]
    elif roll < 0.25:
        del record["segment"]
    elif roll < 0.28:
        record["email"] = f"{first.lower()}@example.org"
    return record


def hidden(rng):
    cases = [
        {"name": "empty input", "category": "edge case: empty input", "args": [[]]},
        {
            "name": "all records invalid",
            "category": "edge case: nothing kept",
            "args": [[{"name": "A"}, {"id": None, "name": "B"}, {"id": 3, "name": None}, {"id": 4}]],
        },
        {
            "name": "id formats",
            "category": "rule 1: id",
            "args": [
                [
                    {"id": "  12 ", "name": "a"},
                    {"id": "12.0", "name": "b"},
                    {"id": 12.0, "name": "c"},
                    {"id": -1, "name": "d"},
                    {"id": "-1", "name": "e"},
                    {"id": 0, "name": "f"},
                    {"id": "007", "name": "g"},
                    {"id": "1 2", "name": "h"},
                    {"id": "", "name": "i"},
                ]
            ],
        },
        {
            "name": "name whitespace",
            "category": "rule 2: name",
            "args": [
                [
                    {"id": 1, "name": "\tMary  Ann\n Smith "},
                    {"id": 2, "name": " \t "},
                    {"id": 3, "name": 5},
                    {"id": 4, "name": "o'Brien"},
                ]
            ],
        },
        {
            "name": "segment variants",
            "category": "rule 3: segment",
            "args": [
                [
                    {"id": 1, "name": "a", "segment": " B2B "},
                    {"id": 2, "name": "b", "segment": None},
                    {"id": 3, "name": "c", "segment": "  "},
                    {"id": 4, "name": "d"},
                    {"id": 5, "name": "e", "segment": 7},
                    {"id": 6, "name": "f", "segment": "Public  Sector"},
                ]
            ],
        },
        {
            "name": "age parsing",
            "category": "rule 4: age",
            "args": [
                [
                    {"id": 1, "name": "a", "age": " 41.5 "},
                    {"id": 2, "name": "b", "age": "1e2"},
                    {"id": 3, "name": "c", "age": "forty"},
                    {"id": 4, "name": "d", "age": ""},
                    {"id": 5, "name": "e", "age": 33},
                    {"id": 6, "name": "f", "age": None},
                ]
            ],
        },
        {
            "name": "age NaN and infinity",
            "category": "rule 4: age",
            "args": [
                [
                    {"id": 1, "name": "a", "age": "nan"},
                    {"id": 2, "name": "b", "age": "inf"},
                    {"id": 3, "name": "c", "age": float("nan")},
                    {"id": 4, "name": "d", "age": "-Infinity"},
                ]
            ],
        },
        {
            "name": "age clipping",
            "category": "rule 4: age",
            "args": [
                [
                    {"id": 1, "name": "a", "age": -0.5},
                    {"id": 2, "name": "b", "age": "121"},
                    {"id": 3, "name": "c", "age": 120},
                    {"id": 4, "name": "d", "age": 0},
                ]
            ],
        },
        {
            "name": "duplicates only after cleaning",
            "category": "rule 5: duplicates",
            "args": [
                [
                    {"id": 5, "name": "Li  Na", "segment": "Retail", "age": "30"},
                    {"id": "5", "name": "Li Na", "segment": " retail", "age": 30.0},
                    {"id": 5, "name": "Li Na", "segment": "retail", "age": 31},
                    {"id": 5, "name": "Li Na", "segment": "retail", "age": "30", "email": "li@example.org"},
                ]
            ],
        },
        {
            "name": "clipping creates a duplicate",
            "category": "rule 5: duplicates",
            "args": [
                [
                    {"id": 2, "name": "Old", "age": 130},
                    {"id": 2, "name": "Old", "age": "125"},
                    {"id": 2, "name": "Old", "age": 120.0},
                ]
            ],
        },
        {
            "name": "missing values collapse together",
            "category": "rule 5: duplicates",
            "args": [
                [
                    {"id": 3, "name": "Kim", "age": "n/a"},
                    {"id": 3, "name": "Kim", "segment": "", "age": None},
                    {"id": 3, "name": "Kim", "segment": None, "age": "nan"},
                ]
            ],
        },
    ]
    for index in range(9):
        people = [
            (
                int(rng.integers(1, 5000)),
                FIRST[int(rng.integers(0, 10))],
                LAST[int(rng.integers(0, 6))],
                SEGMENTS[int(rng.integers(0, 4))],
                int(rng.integers(16, 95)),
            )
            for _ in range(int(rng.integers(5, 300)))
        ]
        size = int(rng.integers(10, 600))
        records = [_messy(rng, people[int(rng.integers(0, len(people)))]) for _ in range(size)]
        cases.append({"name": f"messy records {index + 1}", "category": "random", "args": [records]})
    return cases

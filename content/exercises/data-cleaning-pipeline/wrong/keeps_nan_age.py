# Bug: trusts float() completely, so "nan" and "inf" strings become NaN or a clipped 120.0.
import re

DIGITS = re.compile(r"[0-9]+")


def _clean_id(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    if isinstance(value, str) and DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _clean_age(value):
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        return None
    return min(max(number, 0.0), 120.0)


def clean_records(records):
    cleaned, seen = [], set()
    for record in records:
        record_id = _clean_id(record.get("id"))
        name = record.get("name")
        name = " ".join(name.split()) if isinstance(name, str) else ""
        if record_id is None or not name:
            continue
        segment = record.get("segment")
        segment = segment.strip().lower() if isinstance(segment, str) else ""
        row = {"id": record_id, "name": name, "segment": segment or "unknown", "age": _clean_age(record.get("age"))}
        key = (row["id"], row["name"], row["segment"], row["age"])
        if key not in seen:
            seen.add(key)
            cleaned.append(row)
    return cleaned

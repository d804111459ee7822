def clean_records(records):
    """Return the cleaned records (keys id, name, segment, age), following every rule in the statement."""
    raise NotImplementedError("clean each field, drop invalid records, then drop duplicates")

# Bug: sorts the training labels without removing repeats, so a repeated category gets several columns.
def one_hot(train_values, values):
    categories = sorted(train_values)
    rows = []
    for value in values:
        row = [0] * len(categories)
        if value in categories:
            row[categories.index(value)] = 1
        rows.append(row)
    return rows

# Bug: columns follow the order in which categories first appear, not sorted order.
def one_hot(train_values, values):
    categories = list(dict.fromkeys(train_values))
    column = {category: index for index, category in enumerate(categories)}
    rows = []
    for value in values:
        row = [0] * len(categories)
        if value in column:
            row[column[value]] = 1
        rows.append(row)
    return rows
